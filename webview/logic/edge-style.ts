/** How an edge shows its weight: colour by the sign of Θ_ij, thickness by |Θ_ij|. */

export type EdgeSign = 'positive' | 'negative' | 'zero' | 'unknown';

export interface EdgeStyle {
  readonly sign: EdgeSign;
  /** Stroke width in SVG user units. */
  readonly width: number;
}

const MIN_WIDTH = 0.4;
const MAX_WIDTH = 4;

/** The largest |θ_k| over the given indices (0 when there are none). */
export function maxAbsAt(theta: readonly number[], indices: Iterable<number>): number {
  let max = 0;
  for (const k of indices) {
    const v = Math.abs(theta[k] ?? 0);
    if (v > max) max = v;
  }
  return max;
}

/**
 * The style of an edge of weight `value` when the largest drawn |Θ| is `maxAbs`. Width grows
 * with √(|Θ|/max), so small weights stay visible beside large ones.
 */
export function edgeStyle(value: number | undefined, maxAbs: number): EdgeStyle {
  if (value === undefined || !Number.isFinite(value)) return { sign: 'unknown', width: MIN_WIDTH };
  if (value === 0 || maxAbs === 0) return { sign: 'zero', width: MIN_WIDTH };
  const t = Math.min(1, Math.sqrt(Math.abs(value) / maxAbs));
  return { sign: value > 0 ? 'positive' : 'negative', width: MIN_WIDTH + t * (MAX_WIDTH - MIN_WIDTH) };
}
