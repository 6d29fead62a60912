/**
 * Specs trained once per test run, with what an exporter must reproduce: the unscaled inputs
 * of the spec's own data and NetworkEvaluator.predict's outputs on them (the oracle).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { applyNormalization } from '../../src/core/data/normalization';
import { NetworkEvaluator } from '../../src/core/nn/evaluator';
import { readWeights } from '../../src/core/weights/parse';
import type { TaskName } from '../../src/core/spec/schema';
import type { WeightsFile } from '../../src/core/weights/format';
import { loadTable } from '../../src/data/load-data';
import { openSpec } from '../../src/jobs/open-spec';
import { diskIo, type DiskIo } from '../cli/disk-io';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const example = (name: string): string => readFileSync(path.join(EXAMPLES, name), 'utf8');

/** A network that uses every activation: tanh, relu, linear and a softmax output, on iris. */
const MIX = `name: mix
layers:
  - units: 4
  - units: 6
    activation: tanh
  - units: 5
    activation: relu
  - units: 4
    activation: linear
  - units: 3
    activation: softmax
init:
  strategy: he
  seed: 2
train:
  iterations: 80
data:
  csv: data/iris.csv
  target: species
  normalize: minmax
`;

/** The specs: xor (inline, no scaling), iris (standard scaling, classes), the mix, a regression. */
export const SPECS = {
  xor: example('xor.nnspec'),
  iris: example('iris.nnspec'),
  mix: MIX,
  regression: example('regression.nnspec'),
} as const;

export type SpecName = keyof typeof SPECS;

export interface TrainedSpec {
  readonly io: DiskIo;
  /** The spec's and the weights' file names, relative to io.cwd. */
  readonly spec: string;
  readonly weights: string;
  readonly file: WeightsFile;
  readonly task: TaskName;
  /** The spec's examples, unscaled: m rows of n features, row-major. */
  readonly X: Float64Array;
  readonly m: number;
  readonly n: number;
  /** s_L, the outputs per example. */
  readonly k: number;
  /** NetworkEvaluator.predict on the scaled X: m × k, row-major. */
  readonly expected: Float64Array;
}

const trained = new Map<SpecName, Promise<TrainedSpec>>();

/** Trains `name` in a fresh temporary folder (once per run) and computes the oracle. */
export function trainedSpec(name: SpecName): Promise<TrainedSpec> {
  let promise = trained.get(name);
  if (!promise) {
    promise = train(name);
    trained.set(name, promise);
  }
  return promise;
}

async function train(name: SpecName): Promise<TrainedSpec> {
  const spec = `${name}.nnspec`, weights = `${name}.weights.json`;
  const io = diskIo({ [spec]: SPECS[name] });
  // iris and the mix read data/iris.csv, as in examples/.
  mkdirSync(path.join(io.cwd, 'data'));
  io.write(path.join('data', 'iris.csv'), readFileSync(path.join(EXAMPLES, 'data', 'iris.csv'), 'utf8'));
  const code = await run(['train', spec, '--quiet'], io);
  if (code !== 0) throw new Error(`training ${spec} failed (${code}): ${io.err()}`);
  const policy = { workspaceRoot: io.cwd, allowOutside: false };
  const opened = openSpec(path.join(io.cwd, spec), policy);
  if (!opened.ok) throw new Error(`${spec}: ${opened.failure.message}`);
  const sizes = opened.value.architecture.sizes;
  const loaded = readWeights(io.read(weights), sizes);
  if (!loaded.ok) throw new Error(`${weights}: ${loaded.error.message}`);
  const table = loadTable(opened.value.spec, opened.value.specPath, policy);
  if (!table.ok) throw new Error(`${spec}: ${table.error.message}`);
  const { X, m } = table.value;
  const n = sizes[0]!, k = sizes.at(-1)!;
  const scaled = applyNormalization(loaded.value.file.normalization, X);
  const expected = new NetworkEvaluator(opened.value.architecture).predict(loaded.value.theta, scaled, m, new Float64Array(m * k));
  return { io, spec, weights, file: loaded.value.file, task: opened.value.spec.task, X, m, n, k, expected };
}
