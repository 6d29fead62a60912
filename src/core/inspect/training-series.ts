/**
 * The time series the inspector plots, gathered from throttled progress events: J on the
 * training and validation sets, accuracy, and per layer mean |δ| and ‖D‖. Columns aligned on
 * the iteration, as uPlot wants them; gaps are null.
 */
import type { TrainingProgress } from '../train/progress';

export type Column = (number | null)[];

/** Every column of a TrainingSeries at some of its iterations: what the webview saves. */
export interface SavedHistory {
  readonly iterations: readonly number[];
  readonly train: Column;
  readonly validation: Column;
  readonly trainAccuracy: Column;
  readonly validationAccuracy: Column;
  readonly gradientNorm: readonly Column[];
  readonly meanAbsDelta: readonly Column[];
}

export class TrainingSeries {
  readonly iterations: number[] = [];
  readonly train: Column = [];
  readonly validation: Column = [];
  readonly trainAccuracy: Column = [];
  readonly validationAccuracy: Column = [];
  /** Per Θ layer l (index l − 1): ‖D^(l)‖ and mean |δ^(l+1)| per iteration. */
  gradientNorm: Column[] = [];
  meanAbsDelta: Column[] = [];

  get length(): number {
    return this.iterations.length;
  }

  clear(): void {
    for (const c of [this.iterations, this.train, this.validation, this.trainAccuracy, this.validationAccuracy]) c.length = 0;
    this.gradientNorm = [];
    this.meanAbsDelta = [];
  }

  add(p: TrainingProgress): void {
    const last = this.iterations.at(-1);
    // A new run (iterations restart): start over rather than draw back in time.
    if (last !== undefined && p.iteration <= last) this.clear();
    const before = this.length;
    this.iterations.push(p.iteration);
    this.train.push(finite(p.cost));
    this.validation.push(finite(p.validationCost));
    this.trainAccuracy.push(finite(p.trainAccuracy));
    this.validationAccuracy.push(finite(p.validationAccuracy));
    p.layers.forEach((layer, l) => {
      this.gradientNorm[l] ??= new Array<number | null>(before).fill(null);
      this.meanAbsDelta[l] ??= new Array<number | null>(before).fill(null);
      this.gradientNorm[l].push(finite(layer.gradientNorm));
      this.meanAbsDelta[l].push(finite(layer.meanAbsDelta));
    });
  }

  /**
   * The full cost history of a finished run (index 0 = before the first iteration) replaces
   * the sampled training curve; the other columns keep their samples.
   */
  finish(costHistory: readonly number[]): void {
    const sampled = new Map(this.iterations.map((it, k) => [it, k]));
    const old = { validation: this.validation.slice(), ta: this.trainAccuracy.slice(), va: this.validationAccuracy.slice(), g: this.gradientNorm.map((c) => c.slice()), d: this.meanAbsDelta.map((c) => c.slice()) };
    const at = <T>(column: T[], it: number): T | null => {
      const k = sampled.get(it);
      return k === undefined ? null : (column[k] ?? null);
    };
    this.clear();
    costHistory.forEach((cost, it) => {
      this.iterations.push(it);
      this.train.push(finite(cost));
      this.validation.push(at(old.validation, it));
      this.trainAccuracy.push(at(old.ta, it));
      this.validationAccuracy.push(at(old.va, it));
    });
    this.gradientNorm = old.g.map((c) => costHistory.map((_, it) => at(c, it)));
    this.meanAbsDelta = old.d.map((c) => costHistory.map((_, it) => at(c, it)));
  }

  /**
   * At most `max` of the iterations, every column aligned: the sampled ones (where validation
   * J, accuracy, mean |δ| or ‖D‖ is known), thinned to half the budget if need be, and the
   * training curve's points thinned into the rest. The first and last are always kept.
   */
  saved(max: number): SavedHistory {
    const n = this.length;
    const others = [this.validation, this.trainAccuracy, this.validationAccuracy, ...this.gradientNorm, ...this.meanAbsDelta];
    const sampled = [...Array(n).keys()].filter((k) => others.some((c) => c[k] !== null && c[k] !== undefined));
    const keep = new Set(thin(sampled, Math.floor(max / 2)));
    const all = [...Array(n).keys()];
    for (const k of thin(all, Math.max(2, max - keep.size))) keep.add(k);
    const rows = [...keep].sort((a, b) => a - b).slice(0, max);
    if (n > 0 && !rows.includes(n - 1)) rows[rows.length - 1] = n - 1;
    const pick = (c: Column): Column => rows.map((k) => c[k] ?? null);
    return {
      iterations: rows.map((k) => this.iterations[k]!),
      train: pick(this.train),
      validation: pick(this.validation),
      trainAccuracy: pick(this.trainAccuracy),
      validationAccuracy: pick(this.validationAccuracy),
      gradientNorm: this.gradientNorm.map(pick),
      meanAbsDelta: this.meanAbsDelta.map(pick),
    };
  }

  /** A saved history (see saved), e.g. after a reload. */
  restoreHistory(h: SavedHistory): void {
    this.clear();
    this.iterations.push(...h.iterations);
    this.train.push(...h.train);
    this.validation.push(...h.validation);
    this.trainAccuracy.push(...h.trainAccuracy);
    this.validationAccuracy.push(...h.validationAccuracy);
    this.gradientNorm = h.gradientNorm.map((c) => c.slice());
    this.meanAbsDelta = h.meanAbsDelta.map((c) => c.slice());
  }

  /** A saved (iteration, J) history of an older version, e.g. after a reload: the training curve only. */
  restore(pairs: readonly (readonly [number, number | null])[]): void {
    this.clear();
    for (const [iteration, cost] of pairs) {
      this.iterations.push(iteration);
      this.train.push(cost);
      for (const c of [this.validation, this.trainAccuracy, this.validationAccuracy]) c.push(null);
    }
  }

  /** The first and last finite training cost (for the caption, and for tests). */
  ends(): { first?: number; last?: number } {
    const finiteCosts = this.train.filter((v): v is number => v !== null);
    return { ...(finiteCosts.length ? { first: finiteCosts[0], last: finiteCosts.at(-1) } : {}) };
  }
}

function finite(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}

/** A column fit for a log axis: non-positive values become gaps. */
export function forLogScale(column: Column): Column {
  return column.map((v) => (v !== null && v > 0 ? v : null));
}

/** Every `step`-th point, the last always kept: a long history saved in the webview's state stays small. */
export function thin<T>(column: readonly T[], max: number): T[] {
  if (column.length <= max) return column.slice();
  const step = column.length / max;
  const out: T[] = [];
  for (let k = 0; k < max - 1; k++) out.push(column[Math.floor(k * step)]!);
  out.push(column.at(-1)!);
  return out;
}
