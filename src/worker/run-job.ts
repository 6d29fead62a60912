/**
 * One job of a training worker, from its opened spec to its final event: the same for the
 * desktop's worker thread (worker.ts: shared memory, the disk) and the browser's Web Worker
 * (web-worker.ts: messages, files its host read), which differ only in their environment.
 */
import type { Compute } from '../core/nn/compute';
import type { Slicing } from '../core/nn/optimizers/steps';
import type { TrainingProgress } from '../core/train/progress';
import type { WeightsFile, WeightsResult } from '../core/weights/format';
import { runCheckJob } from '../jobs/check-job';
import { runCompareInitJob } from '../jobs/compare-init-job';
import { exportContents, weightsAreStale } from '../jobs/export-job';
import type { JobFailure, JobResult, OpenFailureCode } from '../jobs/job-failure';
import { runInspectJob } from '../jobs/inspect-job';
import type { OpenedNetwork, OpenedSpec } from '../jobs/opened-spec';
import { runTrainJob, type WeightsSaver } from '../jobs/train-job';
import type { WebWorkerJob } from '../protocol/web-worker-protocol';
import type { WorkerEvent } from '../protocol/worker-protocol';
import { SnapshotThrottle } from './snapshot-throttle';

const CHECK_PROGRESS_INTERVAL_MS = 100;

/** A job as either worker runs it: the protocol's, without the shared-memory words of the desktop's. */
export type RunnableJob = WebWorkerJob;

/** A weights file as read, checked against the layer sizes: the file and its unrolled θ. */
export type ReadWeights = WeightsResult<{ readonly file: WeightsFile; readonly theta: Float64Array }>;

/** What a worker gives its job: how it opens the spec, hears a cancel, reads and saves weights. */
export interface JobEnvironment {
  /** The job's spec, validated, with its data. */
  open(): JobResult<OpenedSpec, OpenFailureCode>;
  /** The job's spec, validated, without reading its data (an export needs only the network). */
  openNetwork(): JobResult<OpenedNetwork, OpenFailureCode>;
  /** Set once the host asks the job to stop. */
  readonly signal: { readonly aborted: boolean };
  /** Whether an inspector wants training snapshots now, and of which example (0-based). */
  snapshots(): { readonly wanted: boolean; readonly example: number };
  /** The job's weights file ('missing' when there is none). */
  readWeights(layerSizes: readonly number[]): Promise<ReadWeights | 'missing'>;
  /** Saves a train job's weights. */
  readonly saveWeights: WeightsSaver;
  readonly compute: Compute;
  /** Train in slices, giving the thread's event loop a turn (where a cancel arrives only as a message). */
  readonly slicing?: Slicing;
  /** Milliseconds since an arbitrary origin, for throttling check progress. */
  readonly now: () => number;
}

export async function runJob(job: RunnableJob, env: JobEnvironment, post: (event: WorkerEvent) => void): Promise<void> {
  const { compute, signal } = env;
  if (job.type === 'export') return runExport(job, env, post);
  const opened = env.open();
  if (!opened.ok) return postOpenFailure(opened.failure, post);
  const slicing = env.slicing ? { slicing: env.slicing } : {};
  switch (job.type) {
    case 'train': {
      // Snapshots only while an inspector follows the spec; it may open or close mid-run.
      let throttle: SnapshotThrottle | undefined;
      const snapshots = (): SnapshotThrottle => (throttle ??= new SnapshotThrottle(opened.value, job.snapshotIntervalMs, undefined, compute));
      // θ is the optimiser's live buffer (when the trainer passes it): read now, never kept.
      const onProgress = (progress: TrainingProgress, theta?: Float64Array): void => {
        const { wanted, example } = env.snapshots();
        const snapshot = wanted ? snapshots().during(progress, theta, example) : undefined;
        post({ type: 'progress', progress, ...(snapshot ? { snapshot } : {}) });
      };
      const result = await runTrainJob(opened.value, { saveWeights: env.saveWeights, compute, ...slicing }, { signal, progressIntervalMs: job.progressIntervalMs, onProgress });
      const { wanted, example } = env.snapshots();
      post({
        type: 'trained',
        summary: result.summary,
        partial: result.partial,
        symmetry: result.symmetry,
        health: result.health,
        ...(result.weights && 'path' in result.weights ? { weightsPath: result.weights.path } : {}),
        ...(result.weights && 'failure' in result.weights ? { weightsError: result.weights.failure.message } : {}),
        ...(wanted ? { inspection: snapshots().final(result.theta, result.summary.iterations, example) } : {}),
      });
      return;
    }
    case 'check': {
      let theta: Float64Array | undefined;
      if (job.weightsPath !== undefined) {
        const loaded = await env.readWeights(opened.value.architecture.sizes);
        if (loaded === 'missing' || !loaded.ok) {
          const message = loaded === 'missing' ? `Cannot read the weights file ${job.weightsPath}: no such file.` : loaded.error.message;
          post({ type: 'failed', code: loaded === 'missing' ? 'weights-unreadable' : loaded.error.code, message });
          return;
        }
        theta = loaded.value.theta;
      }
      let last = -Infinity;
      const report = runCheckJob(opened.value, {
        ...(theta ? { theta } : {}),
        compute,
        isCancelled: () => signal.aborted,
        onProgress: (fraction) => {
          const now = env.now();
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
        post({ type: 'compare-progress', strategy, done, total }), compute, env.slicing,
      );
      post({ type: 'compared', runs });
      return;
    }
    case 'inspect': {
      const readWeights = job.weightsPath !== undefined ? (sizes: readonly number[]) => env.readWeights(sizes) : undefined;
      const result = await runInspectJob(opened.value, { example: job.example, compute, ...(readWeights ? { readWeights } : {}) });
      post({ type: 'inspected', snapshot: result.snapshot, ...(result.weightsNote !== undefined ? { weightsNote: result.weightsNote } : {}) });
      return;
    }
    default: {
      const never: never = job;
      post({ type: 'failed', code: 'unknown-job', message: `Unknown job ${JSON.stringify(never)}` });
    }
  }
}

/** An export: the network and its weights, no data (a weights file carries the normalisation and the classes). */
async function runExport(job: Extract<RunnableJob, { type: 'export' }>, env: JobEnvironment, post: (event: WorkerEvent) => void): Promise<void> {
  const opened = env.openNetwork();
  if (!opened.ok) return postOpenFailure(opened.failure, post);
  const weights = await env.readWeights(opened.value.architecture.sizes);
  if (weights === 'missing') {
    post({ type: 'failed', code: 'weights-unreadable', message: `Cannot read the weights file ${job.weightsPath}: no such file; train the network first.` });
    return;
  }
  if (!weights.ok) {
    post({ type: 'failed', code: weights.error.code, message: weights.error.message });
    return;
  }
  post({ type: 'exported', contents: exportContents(opened.value, weights.value, job.target), staleWeights: weightsAreStale(opened.value, weights.value) });
}

function postOpenFailure(failure: JobFailure<OpenFailureCode>, post: (event: WorkerEvent) => void): void {
  const { code, message, diagnostics } = failure;
  post({ type: 'failed', code, message, ...(diagnostics ? { diagnostics } : {}) });
}
