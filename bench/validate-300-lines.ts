/**
 * Validation of a 300-line spec, the size of a large hand-written one: deep layers with
 * comments and inline rows. Target: a median under 2 ms, so validation can run on every
 * keystroke.
 */
import { parseDocument } from 'yaml';
import { validateSpec } from '../src/core/spec/validate';
import { parseSourceTreeTraced } from '../src/core/spec/yaml-tree';
import { timeCalls, type BenchWorkload } from './workload';

/** A valid spec of exactly `lines` lines: 4 features, 3 text classes, many tanh layers. */
export function generateSpec(lines = 300): string {
  const head = ['# A generated spec for the validation benchmark.', 'name: bench', 'task: classification', 'layers:', '  - units: 4                     # the input layer'];
  const tail = [
    '  - units: 3                     # the output layer',
    '    activation: softmax',
    'cost: cross-entropy',
    'lambda: 0.01',
    'init:',
    '  strategy: xavier',
    '  seed: 1',
    'train:',
    '  optimizer: adam',
    '  iterations: 200',
    '  learningRate: 0.01',
    '  batchSize: 32',
    'gradientCheck:',
    '  examples: 4',
    'data:',
    '  normalize: standard',
    '  validation: 0.2',
    '  rows:                          # four features, then the class',
  ];
  const hidden: string[] = [];
  for (let l = 0; l < 40; l++) hidden.push(`  - units: ${8 + (l % 5)}                     # hidden layer ${l + 1}`, '    activation: tanh');
  const classes = ['setosa', 'versicolor', 'virginica'];
  const rows: string[] = [];
  const left = lines - head.length - hidden.length - tail.length;
  for (let i = 0; rows.length < left; i++) {
    if (i % 10 === 0 && rows.length < left - 1) rows.push(`    # examples ${i + 1} to ${i + 10}`);
    rows.push(`    - [${(i % 7) / 10 + 4.5}, ${(i % 5) / 10 + 3}, ${(i % 11) / 10 + 1.2}, ${(i % 3) / 10 + 0.2}, ${classes[i % 3]}]`);
  }
  return [...head, ...hidden, ...tail, ...rows].join('\n') + '\n';
}

export const validate300Lines: BenchWorkload = {
  name: 'validate-300-lines',
  run() {
    const text = generateSpec(300);
    const check = validateSpec(text);
    if (check.hasErrors) throw new Error(`the benchmark spec is invalid: ${check.diagnostics.map((d) => d.code).join(', ')}`);
    const runs = { warmup: 200, runs: 1000 };
    // For scale: the yaml package's parse of the whole text, which validation took before the
    // inline rows fast path (src/core/spec/inline-rows.ts) left it the rows' first and last.
    const parse = timeCalls(() => parseDocument(text, { prettyErrors: false }), runs);
    const { inlineRows } = parseSourceTreeTraced(text);
    return { lines: text.split('\n').length - 1, ...timeCalls(() => validateSpec(text), runs), inlineRowsFastPath: inlineRows, wholeYamlParseMedianMs: parse.medianMs };
  },
};
