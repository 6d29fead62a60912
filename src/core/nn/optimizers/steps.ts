/**
 * A run as steps: an optimiser (or the trainer) is a generator that yields at its safe
 * points, just before it reads `options.signal` ahead of an objective call, when every
 * iterate, count and report it has made is complete. `runToEnd` drains it at once (the
 * desktop: worker threads see a cancel through shared memory, at the same checks).
 */

/** A run that yields (nothing) at each safe point and returns T. */
export type Steps<T> = Generator<void, T, void>;

/** Drains `steps` synchronously: the run as one loop, with nothing between its steps. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
