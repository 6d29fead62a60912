/** Timing of repeated calls: calibrated rounds, medians (shared machines are noisy). */

/**
 * Median wall time in milliseconds of one call of `fn`, over `rounds` rounds of enough calls to
 * last about `minRoundMs` each (calibrated first; the calibration also warms the JIT up).
 */
export function medianCallMs(fn: () => unknown, rounds = 5, minRoundMs = 200): number {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    const dt = performance.now() - t0;
    if (dt >= minRoundMs / 4 || reps > 1e7) {
      reps = Math.max(1, Math.round((reps * minRoundMs) / Math.max(dt, 1e-3)));
      break;
    }
    reps *= 2;
  }
  const times: number[] = [];
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    times.push((performance.now() - t0) / reps);
  }
  return median(times);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A number to `digits` significant digits, as a number (for JSON lines). */
export function sig(x: number, digits = 4): number {
  return Number(x.toPrecision(digits));
}
