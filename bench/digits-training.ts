/**
 * T1: the digits training of the peer comparison, from examples/digits.nnspec (64-25-10,
 * λ = 1, 100 L-BFGS iterations): wall time of training and the final accuracy. With
 * --compare, scikit-learn trains the same data from the same initial weights in the same run.
 */
import * as path from 'node:path';
import { openSpec } from '../src/jobs/open-spec';
import { initialTheta } from '../src/core/train/architecture-of';
import { trainNetwork } from '../src/core/train/trainer';
import { median } from './timing';
import type { BenchOptions } from './options';
import { sklearnDigits } from './peers';
import type { BenchWorkload } from './workload';

/** scikit-learn 1.2 MLPClassifier (lbfgs, logistic) on the same task, from the peer notes. */
const SKLEARN_NOTES_MS = 101;

const ROOT = path.resolve(__dirname, '..');

export const digitsTraining: BenchWorkload = {
  name: 'T1',
  run: (options?: BenchOptions) => {
    const opened = openSpec(path.join(ROOT, 'examples', 'digits.nnspec'), { workspaceRoot: ROOT, allowOutside: false });
    if (!opened.ok) throw new Error(opened.failure.message);
    const { spec, architecture, data } = opened.value;
    const all = data.validation ? mergeParts(data) : data;
    // Median of five trainings from the same initial weights (the result is the same each time).
    const walls: number[] = [];
    let summary: ReturnType<typeof trainNetwork>['summary'] | undefined;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      summary = trainNetwork({ architecture, data: all, theta0: initialTheta(spec).theta, train: spec.train }, {}, options?.compute).summary;
      walls.push(performance.now() - t0);
    }
    const wallMs = median(walls);
    if (!summary) throw new Error('no training ran');
    const sklearn = options?.compare ? sklearnPeer(spec, architecture.sizes) : undefined;
    const measured = sklearn && 'medianMs' in sklearn ? sklearn.medianMs : undefined;
    return {
      layers: architecture.sizes.join('-'),
      m: all.train.m,
      optimizer: spec.train.optimizer,
      iterations: summary.iterations,
      threads: options?.compute?.sharing ? options.threads : 1,
      kernel: options?.compute?.wasm ? 'wasm-simd' : 'typescript',
      wallMs: Math.round(wallMs),
      wallsMs: walls.map((w) => Math.round(w)),
      trainAccuracy: summary.trainAccuracy,
      finalCost: Number(summary.finalCost.toPrecision(4)),
      sklearnNotesMs: SKLEARN_NOTES_MS,
      ...(sklearn ? { sklearn: 'medianMs' in sklearn ? { ...sklearn, medianMs: Math.round(sklearn.medianMs) } : sklearn } : {}),
      ratioToSklearn: Number((wallMs / (measured ?? SKLEARN_NOTES_MS)).toFixed(2)),
      // Met against the notes' figure and, when measured, against this run's.
      met: wallMs <= Math.min(SKLEARN_NOTES_MS, measured ?? Infinity) && summary.trainAccuracy !== undefined && summary.trainAccuracy >= 0.994,
    };
  },
};

/** The peers train on all 1,797 examples: put the validation part back into training. */
function mergeParts(data: import('../src/core/nn/dataset').PreparedData): import('../src/core/nn/dataset').PreparedData {
  const { train, validation } = data;
  if (!validation) return data;
  const X = new Float64Array(train.X.length + validation.X.length);
  X.set(train.X);
  X.set(validation.X, train.X.length);
  const Y = new Float64Array(train.Y.length + validation.Y.length);
  Y.set(train.Y);
  Y.set(validation.Y, train.Y.length);
  const labels = new Int32Array(train.m + validation.m);
  labels.set(train.labels!);
  labels.set(validation.labels!, train.m);
  const { validation: _dropped, ...rest } = data;
  return { ...rest, train: { m: train.m + validation.m, n: train.n, k: train.k, X, Y, labels } };
}

/** scikit-learn on the same 1,797 examples from the spec's initial weights (the CSV holds all of them). */
function sklearnPeer(spec: Parameters<typeof initialTheta>[0], sizes: readonly number[]) {
  const theta = initialTheta(spec).theta;
  const block = (offset: number, rows: number, cols: number): number[][] =>
    Array.from({ length: rows }, (_, r) => Array.from(theta.subarray(offset + r * cols, offset + (r + 1) * cols)));
  const [n, h, k] = sizes as [number, number, number];
  return sklearnDigits(path.join(ROOT, 'examples', 'data', 'digits.csv'), block(0, h, n + 1), block(h * (n + 1), k, h + 1));
}
