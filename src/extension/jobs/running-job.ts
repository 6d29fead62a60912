import type { FinalWorkerEvent } from '../../protocol/worker-protocol';

/** What the job registry needs of a running job: a worker thread's handle, or a fake in tests. */
export interface RunningJob {
  /** Resolves with the job's final event; a crashed worker becomes a `failed` event. Never rejects. */
  readonly done: Promise<FinalWorkerEvent>;
  /** Asks the job to stop at its next iteration (it still ends with its final event). */
  cancel(): void;
  /** Ends the job at once (its final event is then `failed` with code `worker-terminated`). */
  terminate(reason?: string): void;
}

/** A job in a thread of its own (a worker_threads Worker, a Web Worker). */
export interface ThreadedJob extends RunningJob {
  /** The thread itself: tests end it to prove a crash is survived. */
  readonly worker: { terminate(): unknown; readonly threadId?: number };
}
