/**
 * T1: the digits training of the peer comparison, from examples/digits.nnspec (64-25-10,
 * λ = 1, 100 L-BFGS iterations): wall time of loading, training and the final accuracy.
 */
import * as path from 'node:path';
import { openSpec } from '../src/jobs/open-spec';
import { initialTheta } from '../src/core/train/architecture-of';
import { trainNetwork } from '../src/core/train/trainer';
import { wasmKernelFactory } from '../src/core/nn/kernels/wasm-kernels';
import { evaluationThreads } from '../src/parallel/pool';
import { median } from './timing';
import type { BenchWorkload } from './workload';

/** scikit-learn 1.2 MLPClassifier (lbfgs, logistic) on the same task: docs/peer-benchmarks (python3-sklearn is not on this machine). */
const SKLEARN_MS = 101;

const ROOT = path.resolve(__dirname, '..');

export const digitsTraining: BenchWorkload = {
  name: 'T1',
  run: () => {
    const opened = openSpec(path.join(ROOT, 'examples', 'digits.nnspec'), { workspaceRoot: ROOT, allowOutside: false });
    if (!opened.ok) throw new Error(opened.failure.message);
    const { spec, architecture, data } = opened.value;
    const all = data.validation ? mergeParts(data) : data;
    // Median of five trainings from the same initial weights (the result is the same each time).
    const walls: number[] = [];
    let summary: ReturnType<typeof trainNetwork>['summary'] | undefined;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      summary = trainNetwork({ architecture, data: all, theta0: initialTheta(spec).theta, train: spec.train }).summary;
      walls.push(performance.now() - t0);
    }
    const wallMs = median(walls);
    if (!summary) throw new Error('no training ran');
    return {
      layers: architecture.sizes.join('-'),
      m: all.train.m,
      optimizer: spec.train.optimizer,
      iterations: summary.iterations,
      threads: evaluationThreads(),
      kernel: wasmKernelFactory() ? 'wasm-simd' : 'typescript',
      wallMs: Math.round(wallMs),
      wallsMs: walls.map((w) => Math.round(w)),
      trainAccuracy: summary.trainAccuracy,
      finalCost: Number(summary.finalCost.toPrecision(4)),
      sklearnMs: SKLEARN_MS,
      ratioToSklearn: Number((wallMs / SKLEARN_MS).toFixed(2)),
      met: wallMs <= SKLEARN_MS && summary.trainAccuracy !== undefined && summary.trainAccuracy >= 0.994,
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
