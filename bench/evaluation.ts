/**
 * W1–W4 of the peer comparison: the median time of one cost + gradient evaluation over the
 * whole batch (forward, J, backprop, regularised D), float64, one thread.
 */
import { benchmarkEvaluation, WORKLOADS as NETWORKS } from '../src/core/nn/workloads';
import { parameterCount } from '../src/core/nn/network';
import type { BenchWorkload } from './workload';

export const evaluationWorkloads: readonly BenchWorkload[] = NETWORKS.map((w) => ({
  name: w.name,
  run: () => {
    const medianMs = benchmarkEvaluation(w, () => performance.now());
    const flops = 6 * w.m * parameterCount(w.sizes);
    return {
      layers: w.sizes.join('-'),
      m: w.m,
      medianMs: Number(medianMs.toPrecision(4)),
      gflops: Number((flops / (medianMs * 1e6)).toFixed(2)),
      threads: 1,
      kernel: 'typescript',
    };
  },
}));
