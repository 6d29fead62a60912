/**
 * A run as steps: an optimiser (or the trainer) is a generator that yields at its safe
 * points, just before it reads `options.signal` ahead of an objective call, when every
 * iterate, count and report it has made is complete. Two drivers run it: `runToEnd` drains it
 * at once (the desktop: worker threads see a cancel through shared memory, at the same
 * checks), `runInSlices` gives the event loop a turn between slices (a browser's worker,
 * where a cancel can only arrive as a message event).
 *
 * A generator here is control flow only; its vector loops live in plain functions. V8
 * compiles a generator as one unit, and a big one compiled slowly enough to cost the first
 * trainings of a process (docs/performance.md).
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

/** How a sliced run shares its thread. */
export interface Slicing {
  /** Milliseconds of work before the event loop gets a turn (default 50); 0: a turn at every safe point. */
  readonly sliceMs?: number;
  /** Gives the event loop one turn (in a worker: a MessageChannel round trip, or setTimeout 0), so pending messages are handled. */
  readonly yieldTurn: () => Promise<void>;
  /** Milliseconds since an arbitrary origin (performance.now; injected so the core needs no timers). */
  readonly now: () => number;
}

/** The default slice: long enough that turns cost nothing measurable, short enough for a cancel to feel immediate. */
export const DEFAULT_SLICE_MS = 50;

/**
 * Runs `steps` in slices: steps until `sliceMs` have passed, then one awaited `yieldTurn`, and
 * so on; a slice ends at the first safe point after its time is up. The steps, and so the
 * result, are those of `runToEnd`: only what the turns' handlers change (an aborted signal)
 * can differ, and it is read at the safe points as it is there.
 */
export async function runInSlices<T>(steps: Steps<T>, slicing: Slicing): Promise<T> {
  const { yieldTurn, now } = slicing;
  const sliceMs = slicing.sliceMs ?? DEFAULT_SLICE_MS;
  if (!(sliceMs >= 0)) throw new RangeError(`sliceMs must be ≥ 0, got ${sliceMs}`);
  let sliceEnd = now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() >= sliceEnd) {
      await yieldTurn();
      sliceEnd = now() + sliceMs;
    }
  }
}
