import type { RunningJob } from '../../../src/extension/jobs/running-job';
import type { FinalWorkerEvent } from '../../../src/protocol/worker-protocol';

/** A job without a worker: it ends when told to, the way a worker's handle would. */
export class FakeJob implements RunningJob {
  cancelled = false;
  /** The reason of the first terminate, if any. */
  terminatedWith: string | undefined;
  readonly done: Promise<FinalWorkerEvent>;
  private settle!: (event: FinalWorkerEvent) => void;
  private fail!: (error: Error) => void;

  constructor() {
    this.done = new Promise<FinalWorkerEvent>((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
  }

  /** Like a worker's loop seeing the flag at its next iteration: the job ends a little later, with its (partial) answer. */
  cancel(): void {
    this.cancelled = true;
    setImmediate(() => this.finish({ type: 'compared', runs: [] }));
  }

  terminate(reason = 'The job was stopped.'): void {
    this.terminatedWith ??= reason;
    this.finish({ type: 'failed', code: 'worker-terminated', message: reason });
  }

  finish(event: FinalWorkerEvent): void {
    this.settle(event);
  }

  /** The thread died: the handle reports it as a `failed` event. */
  crash(): void {
    this.finish({ type: 'failed', code: 'worker-crashed', message: 'The worker stopped unexpectedly.' });
  }

  /** Breaks the handle's promise never to reject. */
  reject(error: Error): void {
    this.fail(error);
  }
}
