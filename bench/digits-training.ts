/**
 * T1: the digits training of the peer comparison, from examples/digits.nnspec (64-25-10,
 * λ = 1, 100 L-BFGS iterations): wall time of loading, training and the final accuracy.
 */
import * as path from 'node:path';
import { openSpec } from '../src/jobs/open-spec';
import { initialTheta } from '../src/core/train/architecture-of';
import { trainNetwork } from '../src/core/train/trainer';
import type { BenchWorkload } from './workload';

const ROOT = path.resolve(__dirname, '..');

export const digitsTraining: BenchWorkload = {
  name: 'T1',
  run: () => {
    const opened = openSpec(path.join(ROOT, 'examples', 'digits.nnspec'), { workspaceRoot: ROOT, allowOutside: false });
    if (!opened.ok) throw new Error(opened.failure.message);
    const { spec, architecture, data } = opened.value;
    const all = data.validation ? mergeParts(data) : data;
    const t0 = performance.now();
    const { summary } = trainNetwork({ architecture, data: all, theta0: initialTheta(spec).theta, train: spec.train });
    const wallMs = performance.now() - t0;
    return {
      layers: architecture.sizes.join('-'),
      m: all.train.m,
      optimizer: spec.train.optimizer,
      iterations: summary.iterations,
      wallMs: Math.round(wallMs),
      trainAccuracy: summary.trainAccuracy,
      finalCost: Number(summary.finalCost.toPrecision(4)),
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
