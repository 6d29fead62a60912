import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DistributiveOmit } from '../../protocol/distributive-omit';
import { isFinal, type FinalWorkerEvent, type WorkerEvent, type WorkerJob } from '../../protocol/worker-protocol';
import { finalEvent } from '../jobs/final-event';
import type { ThreadedJob } from '../jobs/running-job';

/** A job running in its own worker thread. */
export interface WorkerThreadJob extends ThreadedJob {
  readonly worker: Worker;
}

/** Starts `job` in a new worker (dist/worker.js); `onEvent` sees each non-final event. */
export function startWorkerJob(extensionPath: string, job: DistributiveOmit<WorkerJob, 'cancelFlag'>, onEvent: (event: WorkerEvent) => void): WorkerThreadJob {
  const cancelFlag = new SharedArrayBuffer(4);
  const worker = new Worker(path.join(extensionPath, 'dist', 'worker.js'), { workerData: { ...job, cancelFlag } });
  const final = finalEvent(() => void worker.terminate());
  const finish = (event: FinalWorkerEvent): void => final.finish(event);
  worker.on('message', (event: WorkerEvent) => {
    if (isFinal(event)) finish(event);
    else if (!final.finished) onEvent(event);
  });
  worker.on('error', (error) => finish({ type: 'failed', code: 'worker-crashed', message: `The worker failed: ${error.message}` }));
  worker.on('exit', (code) =>
    finish({ type: 'failed', code: 'worker-crashed', message: `The worker stopped unexpectedly (exit code ${code}) before it finished.` }),
  );
  return {
    done: final.done,
    cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1),
    terminate: (reason = 'The job was stopped.') => finish({ type: 'failed', code: 'worker-terminated', message: reason }),
    worker,
  };
}
