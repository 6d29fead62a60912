/**
 * The training worker: runs the one job in `workerData` with the core, posts throttled
 * progress and a final event, and ends. It never touches the editor.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readWeightsFileAsync } from '../data/weights-file';
import { runCheckJob } from '../jobs/check-job';
import { runCompareInitJob } from '../jobs/compare-init-job';
import { runInspectJob } from '../jobs/inspect-job';
import { openSpec } from '../jobs/open-spec';
import { runTrainJob } from '../jobs/train-job';
import type { Compute } from '../core/nn/compute';
import { openJobCompute } from '../parallel/job-compute';
import type { TrainingProgress } from '../core/train/progress';
import { SNAPSHOT_EXAMPLE, SNAPSHOT_WANTED, type WorkerEvent, type WorkerJob } from '../protocol/worker-protocol';
import { lowerThreadPriority } from '../parallel/background-priority';
import { SnapshotThrottle } from './snapshot-throttle';

const CHECK_PROGRESS_INTERVAL_MS = 100;

async function runJob(job: WorkerJob, post: (event: WorkerEvent) => void, compute: Compute): Promise<void> {
  const flag = new Int32Array(job.cancelFlag);
  const signal = {
    get aborted() {
      return Atomics.load(flag, 0) !== 0;
    },
  };
  const opened = openSpec(job.specPath, job.policy, job.specText);
  if (!opened.ok) {
    const { code, message, diagnostics } = opened.failure;
    post({ type: 'failed', code, message, ...(diagnostics ? { diagnostics } : {}) });
    return;
  }
  switch (job.type) {
    case 'train': {
      // Snapshots only while an inspector follows the spec; it may open or close mid-run.
      const control = new Int32Array(job.snapshotControl);
      const wanted = (): boolean => Atomics.load(control, SNAPSHOT_WANTED) === 1;
      const example = (): number => Atomics.load(control, SNAPSHOT_EXAMPLE);
      let throttle: SnapshotThrottle | undefined;
      const snapshots = (): SnapshotThrottle => (throttle ??= new SnapshotThrottle(opened.value, job.snapshotIntervalMs, undefined, compute));
      // θ is the optimiser's live buffer (when the trainer passes it): read now, never kept.
      const onProgress = (progress: TrainingProgress, theta?: Float64Array): void => {
        const snapshot = wanted() ? snapshots().during(progress, theta, example()) : undefined;
        post({ type: 'progress', progress, ...(snapshot ? { snapshot } : {}) });
      };
      const result = await runTrainJob(opened.value, { weightsPath: job.weightsPath, compute }, { signal, progressIntervalMs: job.progressIntervalMs, onProgress });
      post({
        type: 'trained',
        summary: result.summary,
        partial: result.partial,
        symmetry: result.symmetry,
        health: result.health,
        ...(result.weights && 'path' in result.weights ? { weightsPath: result.weights.path } : {}),
        ...(result.weights && 'failure' in result.weights ? { weightsError: result.weights.failure.message } : {}),
        ...(wanted() ? { inspection: snapshots().final(result.theta, result.summary.iterations, example()) } : {}),
      });
      return;
    }
    case 'check': {
      let theta: Float64Array | undefined;
      if (job.weightsPath !== undefined) {
        const loaded = await readWeightsFileAsync(job.weightsPath, opened.value.architecture.sizes);
        if (!loaded.ok) {
          post({ type: 'failed', code: loaded.error.code, message: loaded.error.message });
          return;
        }
        theta = loaded.value.theta;
      }
      let last = 0;
      const report = runCheckJob(opened.value, {
        ...(theta ? { theta } : {}),
        compute,
        isCancelled: () => signal.aborted,
        onProgress: (fraction) => {
          const now = Date.now();
          if (now - last >= CHECK_PROGRESS_INTERVAL_MS) {
            last = now;
            post({ type: 'check-progress', fraction });
          }
        },
      });
      post({ type: 'checked', report, atWeights: theta !== undefined });
      return;
    }
    case 'compare-init': {
      const runs = await runCompareInitJob(opened.value, job.strategies, job.iterations, signal, (strategy, done, total) =>
        post({ type: 'compare-progress', strategy, done, total }), compute,
      );
      post({ type: 'compared', runs });
      return;
    }
    case 'inspect': {
      const result = await runInspectJob(opened.value, { example: job.example, compute, ...(job.weightsPath !== undefined ? { weightsPath: job.weightsPath } : {}) });
      post({ type: 'inspected', snapshot: result.snapshot, ...(result.weightsNote !== undefined ? { weightsNote: result.weightsNote } : {}) });
      return;
    }
    default: {
      const never: never = job;
      post({ type: 'failed', code: 'unknown-job', message: `Unknown job ${JSON.stringify(never)}` });
    }
  }
}

if (parentPort) {
  const port = parentPort;
  const job = workerData as WorkerJob;
  // Before the pool starts, so that its threads inherit the background priority.
  lowerThreadPriority();
  // The fast paths, as in the CLI; results equal the reference path's. The job owns them.
  const jobCompute = openJobCompute({ threads: job.threads ?? 1 });
  runJob(job, (event) => port.postMessage(event), jobCompute.compute)
    .catch((error: unknown) => {
      port.postMessage({ type: 'failed', code: 'internal-error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerEvent);
    })
    .finally(() => void jobCompute.dispose());
}
