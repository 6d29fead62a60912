import type { ThreadedJob } from '../jobs/running-job';

/** What a job says in a build with no worker to run it. */
export const NO_WORKER_MESSAGE =
  'Training, gradient checks, comparisons and the inspector’s values need nnspec’s training worker, which the browser build does not have yet. Open the folder in VS Code on the desktop or in code-server to run them.';

/** What a debug session says in a build with no debug adapter. */
export const NO_DEBUGGER_MESSAGE =
  'The network debugger runs its adapter as a process, which the browser build does not have yet. Open the folder in VS Code on the desktop or in code-server to debug it.';

/** A job that ends at once, failed with `worker-unavailable` (the browser build, until its worker lands). */
export function unavailableJob(): ThreadedJob {
  return {
    done: Promise.resolve({ type: 'failed', code: 'worker-unavailable', message: NO_WORKER_MESSAGE }),
    cancel: () => undefined,
    terminate: () => undefined,
    worker: { terminate: () => undefined },
  };
}
