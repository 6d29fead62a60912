/**
 * The desktop's training worker (a worker_threads thread): runs the one job in `workerData`
 * (run-job.ts) on the disk, hears a cancel and the inspector's wishes through the words the
 * host shares with it, posts throttled progress and a final event, and ends. It never
 * touches the editor.
 */
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readWeightsFileAsync, saveWeightsTo } from '../data/weights-file';
import { openNetwork, openSpec } from '../jobs/open-spec';
import { openJobCompute } from '../parallel/job-compute';
import { SNAPSHOT_EXAMPLE, SNAPSHOT_WANTED, type WorkerEvent, type WorkerJob } from '../protocol/worker-protocol';
import { lowerThreadPriority } from '../parallel/background-priority';
import type { Compute } from '../core/nn/compute';
import { runJob, type JobEnvironment } from './run-job';

function diskEnvironment(job: WorkerJob, compute: Compute): JobEnvironment {
  const flag = new Int32Array(job.cancelFlag);
  const control = job.type === 'train' ? new Int32Array(job.snapshotControl) : undefined;
  const weightsPath = job.type === 'check' || job.type === 'inspect' || job.type === 'export' ? job.weightsPath : undefined;
  return {
    open: () => openSpec(job.specPath, job.policy, job.specText),
    openNetwork: () => openNetwork(job.specPath, job.policy, job.specText),
    signal: {
      get aborted() {
        return Atomics.load(flag, 0) !== 0;
      },
    },
    snapshots: () => ({ wanted: control !== undefined && Atomics.load(control, SNAPSHOT_WANTED) === 1, example: control ? Atomics.load(control, SNAPSHOT_EXAMPLE) : 0 }),
    // An inspection or an export asks for the file beside the spec, which need not exist; a check names one that must.
    readWeights: async (sizes) => (weightsPath === undefined || (job.type !== 'check' && !existsSync(weightsPath)) ? 'missing' : readWeightsFileAsync(weightsPath, sizes)),
    saveWeights: saveWeightsTo(job.type === 'train' ? job.weightsPath : ''),
    compute,
    now: () => Date.now(),
  };
}

if (parentPort) {
  const port = parentPort;
  const job = workerData as WorkerJob;
  // Before the pool starts, so that its threads inherit the background priority.
  lowerThreadPriority();
  // The fast paths, as in the CLI; results equal the reference path's. The job owns them.
  const jobCompute = openJobCompute({ threads: job.threads ?? 1 });
  runJob(job, diskEnvironment(job, jobCompute.compute), (event) => port.postMessage(event))
    .catch((error: unknown) => {
      port.postMessage({ type: 'failed', code: 'internal-error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerEvent);
    })
    .finally(() => void jobCompute.dispose());
}
