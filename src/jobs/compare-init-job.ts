/** Short runs of one spec under several initialisation strategies, for comparing their cost curves. */
import type { Compute } from '../core/nn/compute';
import type { Slicing } from '../core/nn/optimizers/steps';
import type { InitStrategyName } from '../core/spec/schema';
import type { InitComparisonRun } from '../protocol/worker-protocol';
import type { OpenedSpec } from './open-spec';
import { runTrainJob } from './train-job';

export async function runCompareInitJob(
  opened: OpenedSpec,
  strategies: readonly InitStrategyName[],
  iterations: number,
  signal: { readonly aborted: boolean },
  onProgress?: (strategy: InitStrategyName, done: number, total: number) => void,
  compute: Compute = {},
  slicing?: Slicing,
): Promise<InitComparisonRun[]> {
  const runs: InitComparisonRun[] = [];
  for (const strategy of strategies) {
    if (signal.aborted) break;
    onProgress?.(strategy, runs.length, strategies.length);
    const result = await runTrainJob(opened, { init: { strategy }, iterations, compute, ...(slicing ? { slicing } : {}) }, { signal });
    runs.push({
      strategy,
      costHistory: result.summary.costHistory,
      finalCost: result.summary.finalCost,
      ...(result.summary.trainAccuracy !== undefined ? { trainAccuracy: result.summary.trainAccuracy } : {}),
      symmetry: result.symmetry,
    });
  }
  return runs;
}
