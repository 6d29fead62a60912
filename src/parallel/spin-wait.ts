/**
 * Short waits between the threads of an evaluation. A thread asleep in Atomics.wait takes
 * tens to hundreds of microseconds to wake on a busy virtual machine, as long as a piece of a
 * batch takes; the waits here are usually shorter than that (an optimiser's step between two
 * evaluations, the other thread's last piece), so a thread polls first and sleeps only after.
 */

/** How long a thread polls before it sleeps, in milliseconds. */
export const SPIN_MS = 1;

/** Polls words[index] until it is no longer `value` or `ms` milliseconds pass; returns whether it changed. */
export function awaitChange(words: Int32Array, index: number, value: number, ms: number): boolean {
  const deadline = performance.now() + ms;
  for (;;) {
    // The clock is read once per 64 looks: reading it costs more than a look.
    for (let i = 0; i < 64; i++) if (Atomics.load(words, index) !== value) return true;
    if (performance.now() >= deadline) return false;
  }
}
