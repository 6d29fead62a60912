/**
 * A job's one final event: the first of a result, a failure, an error or an exit wins, and
 * its worker is ended then. Shared by the desktop's worker threads and the browser's Web
 * Workers, whose events race the same way.
 */
import type { FinalWorkerEvent } from '../../protocol/worker-protocol';

export interface FinalEvent {
  /** Resolves with the first event given to finish. */
  readonly done: Promise<FinalWorkerEvent>;
  /** Settles done with `event` unless it is settled; then ends the worker. */
  finish(event: FinalWorkerEvent): void;
  readonly finished: boolean;
}

export function finalEvent(endWorker: () => void): FinalEvent {
  let finished = false;
  let settle!: (event: FinalWorkerEvent) => void;
  const done = new Promise<FinalWorkerEvent>((resolve) => (settle = resolve));
  return {
    done,
    finish(event) {
      if (finished) return;
      finished = true;
      settle(event);
      endWorker();
    },
    get finished() {
      return finished;
    },
  };
}
