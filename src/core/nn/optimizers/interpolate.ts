/** Step-length interpolation for the line searches. */

/**
 * The minimiser of the cubic that matches φ and φ' at a and at b (Nocedal & Wright eq. 3.59):
 *   d1 = φ'(a) + φ'(b) − 3 (φ(a) − φ(b)) / (a − b),
 *   d2 = sign(b − a) · √(d1² − φ'(a) φ'(b)),
 *   x  = b − (b − a) · (φ'(b) + d2 − d1) / (φ'(b) − φ'(a) + 2 d2).
 * x may lie outside [a, b] (extrapolation). NaN when the cubic has no local minimiser
 * (d1² < φ'(a) φ'(b)) or the formula degenerates; the caller safeguards.
 */
export function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  const x = b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
  return Number.isFinite(x) ? x : NaN;
}

/** x clamped to [lo, hi]; NaN maps to `fallback`. */
export function clampStep(x: number, lo: number, hi: number, fallback: number): number {
  if (Number.isNaN(x)) return fallback;
  return x < lo ? lo : x > hi ? hi : x;
}
