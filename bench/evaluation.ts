/**
 * W1–W4 of the peer comparison: the median time of one cost + gradient evaluation over the
 * whole batch (forward, J, backprop, regularised D), float64, with the kernels and threads the
 * evaluator chose (reported). With --compare, PyTorch and the OpenBLAS limit are timed on the
 * same workload in the same run, interleaved round by round, and the ratios printed.
 */
import { NetworkEvaluator } from '../src/core/nn/evaluator';
import { parameterCount } from '../src/core/nn/network';
import { EVALUATION_NETWORKS as NETWORKS, instantiateWorkload, type Workload } from './evaluation-networks';
import type { BenchOptions } from './options';
import { openblasLimit, torchEvaluation, type PeerTime } from './peers';
import { median, medianCallMs, sig } from './timing';
import type { BenchWorkload } from './workload';

/** Issue 6's targets: the largest ratio to the limit allowed for each workload. */
export const TARGETS: Readonly<Record<string, number>> = { W1: 1.5, W2: 2, W3: 2.5, W4: 3 };

/** Times our evaluation of a workload: median ms, and the path and threads used. */
export function timeOurs(w: Workload, options: Pick<BenchOptions, 'kernels' | 'compute'>, rounds = 5): { medianMs: number; kernel: string; threads: number } {
  const inst = instantiateWorkload(w);
  const ev = new NetworkEvaluator(inst.architecture, w.m, { kernels: options.kernels, compute: options.compute ?? {} });
  const medianMs = medianCallMs(() => ev.costAndGradient(inst.theta, inst.batch, inst.grad), rounds);
  return { medianMs, kernel: ev.lastKernelPath, threads: ev.lastThreads };
}

function peerMs(p: PeerTime): number | undefined {
  return 'medianMs' in p ? p.medianMs : undefined;
}

export const evaluationWorkloads: readonly BenchWorkload[] = NETWORKS.map((w) => ({
  name: w.name,
  run: (options) => {
    const flops = 6 * w.m * parameterCount(w.sizes);
    const base = { layers: w.sizes.join('-'), m: w.m };
    if (!options?.compare) {
      const ours = timeOurs(w, options ?? { kernels: 'auto' });
      return { ...base, medianMs: sig(ours.medianMs), gflops: Number((flops / (ours.medianMs * 1e6)).toFixed(2)), threads: ours.threads, kernel: ours.kernel };
    }
    // Interleaved: three rounds of (ours, the limit, PyTorch), each a median of its own; then medians.
    const ours: number[] = [], limit: number[] = [], torch: number[] = [];
    let kernel = '', threads = 1;
    const notes: string[] = [];
    for (let round = 0; round < 3; round++) {
      const o = timeOurs(w, options, 3);
      ours.push(o.medianMs);
      kernel = o.kernel;
      threads = o.threads;
      const l = openblasLimit(w.sizes, w.m, 3), t = torchEvaluation(w.sizes, w.m, 3);
      if (peerMs(l) !== undefined) limit.push(peerMs(l)!);
      else if ('unavailable' in l && !notes.includes(l.unavailable)) notes.push(l.unavailable);
      if (peerMs(t) !== undefined) torch.push(peerMs(t)!);
      else if ('unavailable' in t && !notes.includes(t.unavailable)) notes.push(t.unavailable);
    }
    const oursMs = median(ours);
    const limitMs = limit.length > 0 ? median(limit) : undefined;
    const torchMs = torch.length > 0 ? median(torch) : undefined;
    const ratio = limitMs !== undefined ? oursMs / limitMs : undefined;
    return {
      ...base,
      medianMs: sig(oursMs),
      gflops: Number((flops / (oursMs * 1e6)).toFixed(2)),
      threads,
      kernel,
      limitMs: limitMs !== undefined ? sig(limitMs) : null,
      torchMs: torchMs !== undefined ? sig(torchMs) : null,
      ratioToLimit: ratio !== undefined ? sig(ratio, 3) : null,
      ratioToTorch: torchMs !== undefined ? sig(oursMs / torchMs, 3) : null,
      target: TARGETS[w.name],
      met: ratio !== undefined ? ratio <= TARGETS[w.name]! : null,
      ...(notes.length > 0 ? { notes } : {}),
    };
  },
}));
