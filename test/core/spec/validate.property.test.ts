import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { DataProbe } from '../../../src/core/spec/data-probe';
import { validateSpec, type SpecValidation } from '../../../src/core/spec/validate';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.nnspec'))
  .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));

/** Answers for any path, so the CSV checks run too; the columns vary with the path. */
const probe: DataProbe = (csvPath) =>
  csvPath.length % 3 === 0
    ? { status: 'failed', error: { code: 'csv-not-found', message: 'no' } }
    : {
        status: 'ok',
        summary: {
          rows: 10,
          columns: ['a', 'b', 'species', 'label'].slice(0, 1 + (csvPath.length % 4)).map((name, i) => ({
            name,
            numeric: i !== 2,
            distinct: ['1', '2', '3'],
            distinctTruncated: false,
          })),
        },
      };

/** The invariants of any result: ranges inside the text, no crash, a spec exactly when error-free. */
function checkResult(text: string, result: SpecValidation): void {
  const inside = (r: readonly [number, number]): boolean => Number.isInteger(r[0]) && Number.isInteger(r[1]) && 0 <= r[0] && r[0] <= r[1] && r[1] <= text.length;
  for (const d of result.diagnostics) {
    assert.ok(inside(d.range), `${d.code} ${JSON.stringify(d.range)} in ${text.length}`);
    if (d.fix) assert.ok(inside(d.fix.range), `fix of ${d.code}`);
    for (const r of d.related ?? []) assert.ok(inside(r.range), `related of ${d.code}`);
    assert.notEqual(d.code, 'internal-error', d.message);
  }
  assert.equal(result.spec !== undefined, !result.hasErrors);
}

/** YAML-flavoured characters and words, so random text reaches past the first syntax error. */
const yamlish = fc.string({
  unit: fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', ':', ': ', '- ', '[', ']', '{', '}', ',', '#', '&a', '*a', '!', '"', "'", '|', '>', '?', '%', '---',
    'layers', 'units', 'data', 'rows', 'csv', 'generate', 'softmax', '1', '-1', '0.5', '1e400', '.nan', 'null', 'true', 'é', '😀', '\u0000'),
  maxLength: 200,
});

type Edit =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'delete-line' | 'duplicate-line' | 'indent-line' | 'dedent-line'; line: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(yamlish, fc.string({ unit: 'binary', maxLength: 10 })) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 10 }), text: yamlish }),
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const, 'indent-line' as const, 'dedent-line' as const), line: fc.nat() }),
);

function apply(text: string, e: Edit): string {
  if (e.kind === 'delete' || e.kind === 'insert' || e.kind === 'replace') {
    const at = text.length === 0 ? 0 : e.at % (text.length + 1);
    const length = e.kind === 'insert' ? 0 : e.length;
    return text.slice(0, at) + (e.kind === 'delete' ? '' : e.text) + text.slice(at + length);
  }
  const lines = text.split('\n');
  const i = e.line % lines.length;
  const line = lines[i]!;
  if (e.kind === 'delete-line') lines.splice(i, 1);
  else if (e.kind === 'duplicate-line') lines.splice(i, 0, line);
  else if (e.kind === 'indent-line') lines[i] = `  ${line}`;
  else lines[i] = line.replace(/^ {1,2}/, '');
  return lines.join('\n');
}

describe('validateSpec (properties)', () => {
  it('never throws on arbitrary text, and every range lies inside it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), yamlish), (text) => {
        checkResult(text, validateSpec(text, { probe }));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutations of the examples, and every range lies inside the text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 6 }), (example, edits) => {
        const text = edits.reduce(apply, example);
        checkResult(text, validateSpec(text, { probe }));
      }),
      { numRuns: 500 },
    );
  });
});
