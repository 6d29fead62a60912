/**
 * The benchmark workloads W1–W4 of the peer comparison (docs: peer-benchmarks): sigmoid layers,
 * the lecture's cross-entropy with λ = 1, weights uniform in [−0.12, 0.12], seeded data.
 * One evaluation = forward, cost, backpropagation and the regularised gradient over the batch.
 */
import type { Batch } from '../src/core/nn/batch';
import { parameterCount, type Architecture } from '../src/core/nn/network';
import { createRng } from '../src/core/nn/rng';

/** An evaluation workload: a network and how its data are made. */
export interface Workload {
  readonly name: string;
  readonly sizes: readonly number[];
  readonly m: number;
  readonly data: 'xor' | 'quadrants' | 'uniform-one-hot';
}

/** W1 … W4. */
export const EVALUATION_NETWORKS: readonly Workload[] = [
  { name: 'W1', sizes: [2, 2, 1], m: 4, data: 'xor' },
  { name: 'W2', sizes: [2, 8, 8, 1], m: 1000, data: 'quadrants' },
  { name: 'W3', sizes: [400, 25, 10], m: 5000, data: 'uniform-one-hot' },
  { name: 'W4', sizes: [784, 128, 10], m: 10000, data: 'uniform-one-hot' },
];

/** Everything one evaluation needs: architecture, θ, batch and the gradient buffer. */
export interface WorkloadInstance {
  readonly architecture: Architecture;
  readonly theta: Float64Array;
  readonly batch: Batch;
  readonly grad: Float64Array;
}

/** Builds a workload's network, weights (U[−0.12, 0.12]) and data from a seed. */
export function instantiateWorkload(w: Workload, seed = 1): WorkloadInstance {
  const rng = createRng(seed);
  const L = w.sizes.length, n = w.sizes[0]!, K = w.sizes[L - 1]!;
  const architecture: Architecture = {
    sizes: w.sizes,
    activations: w.sizes.slice(1).map(() => 'sigmoid' as const),
    cost: 'cross-entropy',
    lambda: 1,
  };
  const theta = new Float64Array(parameterCount(w.sizes)).map(() => (2 * rng.next() - 1) * 0.12);
  const X = new Float64Array(w.m * n), Y = new Float64Array(w.m * K);
  for (let i = 0; i < w.m; i++) {
    if (w.data === 'xor') {
      const x1 = i & 1, x2 = (i >> 1) & 1;
      X[2 * i] = x1;
      X[2 * i + 1] = x2;
      Y[i] = x1 ^ x2;
    } else if (w.data === 'quadrants') {
      const x1 = 2 * rng.next() - 1, x2 = 2 * rng.next() - 1;
      X[2 * i] = x1;
      X[2 * i + 1] = x2;
      Y[i] = x1 * x2 > 0 ? 1 : 0;
    } else {
      for (let c = 0; c < n; c++) X[i * n + c] = rng.next();
      Y[i * K + rng.nextInt(K)] = 1;
    }
  }
  return { architecture, theta, batch: { X, Y, m: w.m }, grad: new Float64Array(theta.length) };
}
