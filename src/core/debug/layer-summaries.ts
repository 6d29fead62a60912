/**
 * One short line of numbers per layer at a stop, shown at the end of the layer's line in the
 * spec (inline values) and in its hover: inside an example, mean a^(l) and ‖δ^(l)‖ where the
 * step has computed them; at an evaluation's or iteration's end, ‖Θ^(l)‖ and ‖D^(l)‖.
 */
import { computedValues } from './computed-values';
import type { StopView } from './stop-view';

export interface LayerSummary {
  /** l = 1 … L. */
  readonly layer: number;
  /** e.g. `mean a 0.512  ‖δ‖ 0.0310`. */
  readonly text: string;
}

export function layerSummaries(view: StopView): LayerSummary[] {
  const { step, shapes } = view, L = view.architecture.sizes.length;
  const out: LayerSummary[] = [];
  const ex = view.example;
  const computed = computedValues(step, L);
  if (ex && computed) {
    const { forwardTo, deltaFrom } = computed;
    for (let l = 1; l <= L; l++) {
      if (l > forwardTo) continue;
      const v = ex.values(l);
      const parts = [`${l === 1 ? 'mean x' : 'mean a'} ${fmt(mean(v.a))}`];
      if (l > 1 && l >= deltaFrom) parts.push(`‖δ‖ ${fmt(norm(v.delta))}`);
      out.push({ layer: l, text: parts.join('  ') });
    }
    return out;
  }
  for (const s of shapes) {
    const parts = [`‖Θ‖ ${fmt(norm(view.theta.subarray(s.offset, s.offset + s.size)))}`];
    if (view.D) parts.push(`‖D‖ ${fmt(norm(view.D.subarray(s.offset, s.offset + s.size)))}`);
    // Θ^(l) maps layer l to l + 1: its numbers belong on layer l's line.
    out.push({ layer: s.layer, text: parts.join('  ') });
  }
  return out;
}

function mean(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return v.length === 0 ? NaN : s / v.length;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(3) : String(v);
}
