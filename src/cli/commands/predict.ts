/** `nnspec predict SPEC --weights FILE [--csv FILE] [--json]`: the network's outputs per example. */
import * as path from 'node:path';
import { applyNormalization } from '../../core/data/normalization';
import { parseNumberCell } from '../../core/data/number-cell';
import { NetworkEvaluator } from '../../core/nn/evaluator';
import { predictedClass } from '../../core/train/accuracy';
import type { WeightsFile } from '../../core/weights/format';
import { readCsvFile } from '../../data/csv-file';
import { loadTable } from '../../data/load-data';
import { parseCommandArgs } from '../args';
import { clip, oneLine } from '../bounded-text';
import { EXIT, UsageError, type Command } from '../command';
import type { JobPolicy, OpenedSpec } from '../../jobs/open-spec';
import type { CliIo } from '../io';
import { openForJob, policyFrom, POLICY_OPTIONS, POLICY_USAGE, readWeightsFor, specArgument } from '../job-options';

const USAGE = `Usage: nnspec predict SPEC --weights FILE [--csv FILE] [--json]

The outputs h_Θ(x) of the trained network for every example of the spec's data, or of a CSV
(its columns named as the spec's features, or else its first numeric columns), with the
feature scaling saved in the weights file applied.
  --weights FILE    the trained weights
  --csv FILE        predict for these rows instead
  --json            print {"predictions": [{"output": [...], "class": …}]}
${POLICY_USAGE}`;

export const predictCommand: Command = {
  name: 'predict',
  summary: 'print the trained network’s outputs for data',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { weights: { type: 'string' }, csv: { type: 'string' }, json: { type: 'boolean' }, ...POLICY_OPTIONS });
    const file = specArgument(positionals);
    if (values.weights === undefined) throw new UsageError('--weights FILE is required.');
    const policy = policyFrom(values, io);
    const opened = await openForJob('predict', file, policy, io);
    if (typeof opened === 'number') return opened;
    const weights = await readWeightsFor('predict', values.weights, opened, io);
    if (typeof weights === 'number') return weights;
    const n = opened.architecture.sizes[0]!;
    const inputs = values.csv !== undefined ? readInputs(path.resolve(io.cwd, values.csv), opened.data.featureNames, n, io) : specInputs(opened, policy, io);
    if (typeof inputs === 'number') return inputs;
    const k = opened.architecture.sizes.at(-1)!;
    const X = applyNormalization(weights.file.normalization, inputs.X);
    const out = new NetworkEvaluator(opened.architecture).predict(weights.theta, X, inputs.m, new Float64Array(inputs.m * k));
    const predictions = Array.from({ length: inputs.m }, (_, i) => describe(out, i, k, weights.file, opened.spec.task === 'classification'));
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify({ file, predictions })}\n`);
    } else {
      predictions.forEach((p, i) => io.stdout.write(`${i + 1}\t${'class' in p ? `${String(p.class)}\t` : ''}${p.output.map((v) => v.toPrecision(6)).join(' ')}\n`));
    }
    return EXIT.ok;
  },
};

function describe(out: Float64Array, i: number, k: number, weights: WeightsFile, classification: boolean): { output: number[]; class?: string | number } {
  const output = Array.from(out.subarray(i * k, (i + 1) * k));
  if (!classification) return { output };
  const c = predictedClass(out, i, k);
  return { output, class: weights.classes?.[c] ?? c };
}

/** The spec's own examples, in the order of its data source (before any split). */
function specInputs(opened: OpenedSpec, policy: JobPolicy, io: CliIo): { X: Float64Array; m: number } | number {
  const table = loadTable(opened.spec, opened.specPath, policy);
  if (!table.ok) {
    io.stderr.write(`nnspec predict: error ${table.error.code}: ${oneLine(table.error.message)}\n`);
    return EXIT.failed;
  }
  return { X: table.value.X, m: table.value.m };
}

/** Rows of a CSV as inputs: the spec's feature columns when the CSV has them all, else its first n numeric columns. */
function readInputs(file: string, featureNames: readonly string[], n: number, io: CliIo): { X: Float64Array; m: number } | number {
  const records = readCsvFile(file);
  if (!records.ok) {
    io.stderr.write(`nnspec predict: error ${records.error.code}: ${oneLine(records.error.message)}\n`);
    return EXIT.failed;
  }
  const { header, rows, lines } = records.value;
  let columns = featureNames.map((name) => header.indexOf(name));
  if (columns.some((c) => c < 0)) {
    columns = header.map((_, c) => c).filter((c) => rows.every((r) => parseNumberCell(r[c] ?? '').kind === 'number')).slice(0, n);
  }
  if (columns.length !== n) {
    io.stderr.write(`nnspec predict: ${clip(file)} has ${columns.length} usable feature columns; the network takes ${n}.\n`);
    return EXIT.failed;
  }
  const X = new Float64Array(rows.length * n);
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < n; j++) {
      const cell = parseNumberCell(rows[i]![columns[j]!] ?? '');
      if (cell.kind !== 'number') {
        io.stderr.write(`nnspec predict: ${clip(file)}:${lines[i]}:${columns[j]! + 1}: error csv-not-a-number: "${oneLine(rows[i]![columns[j]!] ?? '', 60)}" is not a number.\n`);
        return EXIT.failed;
      }
      X[i * n + j] = cell.value;
    }
  }
  return { X, m: rows.length };
}
