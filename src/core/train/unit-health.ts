/**
 * Units that no longer learn, found on the training data after a run:
 * - a relu unit is **dead** when its output is 0 on every example checked (z ≤ 0, so
 *   g'(z) = 0 and no gradient reaches its incoming weights);
 * - a sigmoid or tanh unit is **saturated** when g'(z) < 0.01 on at least 95 % of the
 *   examples (sigmoid a < ~0.01 or > ~0.99, tanh |a| > ~0.995): its δ is scaled by that
 *   g' and its weights barely move.
 * Hidden layers only: the output layer's δ does not pass through g' for the matched costs.
 */
import type { Dataset } from '../nn/dataset';
import type { NetworkEvaluator } from '../nn/evaluator';

/** At most this many examples are looked at (evenly spaced), so the check stays cheap. */
export const HEALTH_SAMPLE = 1000;
const SATURATED_SLOPE = 0.01;
const SATURATED_SHARE = 0.95;

export interface LayerHealth {
  /** The layer l (2 … L − 1), 1-based as in the spec's `layers`. */
  readonly layer: number;
  readonly units: number;
  /** 1-based units of the layer that are dead (relu) — empty for other activations. */
  readonly dead: readonly number[];
  /** 1-based units that are saturated (sigmoid, tanh). */
  readonly saturated: readonly number[];
  /** Examples looked at. */
  readonly examples: number;
}

/** The hidden layers with dead or saturated units (layers without any are left out). */
export function unitHealth(evaluator: NetworkEvaluator, theta: Float64Array, data: Dataset): LayerHealth[] {
  const { sizes, activations } = evaluator.architecture;
  const L = sizes.length;
  if (L < 3 || data.m === 0) return [];
  const count = Math.min(HEALTH_SAMPLE, data.m);
  const active = sizes.map((s) => new Int32Array(s));
  const flat = sizes.map((s) => new Int32Array(s));
  for (let k = 0; k < count; k++) {
    const trace = evaluator.trace(theta, data, Math.floor((k * data.m) / count));
    for (let l = 1; l < L - 1; l++) {
      const a = trace.a[l]!, g = activations[l - 1]!;
      for (let u = 0; u < a.length; u++) {
        const v = a[u]!;
        if (v > 0) active[l]![u]!++;
        const slope = g === 'sigmoid' ? v * (1 - v) : g === 'tanh' ? 1 - v * v : 1;
        if (slope < SATURATED_SLOPE) flat[l]![u]!++;
      }
    }
  }
  const result: LayerHealth[] = [];
  for (let l = 1; l < L - 1; l++) {
    const g = activations[l - 1]!;
    const dead: number[] = [], saturated: number[] = [];
    for (let u = 0; u < sizes[l]!; u++) {
      if (g === 'relu' && active[l]![u] === 0) dead.push(u + 1);
      if ((g === 'sigmoid' || g === 'tanh') && flat[l]![u]! >= SATURATED_SHARE * count) saturated.push(u + 1);
    }
    if (dead.length > 0 || saturated.length > 0) result.push({ layer: l + 1, units: sizes[l]!, dead, saturated, examples: count });
  }
  return result;
}
