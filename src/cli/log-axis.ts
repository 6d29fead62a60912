/**
 * Readable ticks for the cost curve's log axis. Ticks are values a reader can say: powers of
 * ten (1, 0.1, 1e-2, …; every second or third one when J spans many decades), or 1-2-5 steps
 * (0.5, 1, 2) when J spans under a decade or two, or, inside a single 1-2-5 step, evenly
 * spaced nice numbers (0.9, 1, 1.1). Never a fractional exponent such as 1e-0.2.
 */

/** Relative slack when testing whether a computed tick lies in [lo, hi] (rounding of 10^e). */
const SLACK = 1e-9;


/** Ticks in [lo, hi] (0 < lo ≤ hi), ascending, at most maxTicks of them; [] for a range a log axis cannot show. */
export function logTicks(lo: number, hi: number, maxTicks = 5): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 && lo <= hi)) return [];
  // Two ticks at least: an axis needs them, and the strides below end once one is left.
  if (!(maxTicks >= 2)) maxTicks = 2;
  const oneTwoFive = ticksOf(lo, hi, [1, 2, 5], 1);
  if (oneTwoFive.length >= 2 && oneTwoFive.length <= maxTicks) return oneTwoFive;
  if (oneTwoFive.length > maxTicks) {
    // Exponent strides 1, 2, 3, 5, 10, 20, …: every power of ten, then every second, …
    let finer = oneTwoFive;
    for (let k = 0; ; k++) {
      for (const m of [1, 2, 3, 5]) {
        const decades = ticksOf(lo, hi, [1], m * 10 ** k);
        // Too few left (a decade or two, or a stride too coarse): every so many of the finer ones.
        if (decades.length <= maxTicks) return decades.length >= 2 ? decades : thin(finer, maxTicks);
        finer = decades;
      }
    }
  }
  return evenTicks(lo, hi, maxTicks);
}

/** A tick as printed: plain from 0.1 to 1000 ("0.5", "20"), else with an integer exponent ("1e-2", "5e-7", "1e4"). */
export function tickLabel(t: number): string {
  const v = Number(t.toPrecision(12));
  const e = Math.floor(Math.log10(v));
  return e >= -1 && e <= 3 ? String(v) : v.toExponential().replace('e+', 'e');
}

/**
 * The rows of a chart of `height` + 1 rows (0 at the bottom, at lo; `height` at the top, at
 * hi, spaced evenly in log10) that carry a tick, and its label; each tick on the row nearest
 * to it, the nearest tick when two fall on one row.
 */
export function tickRows(lo: number, hi: number, height: number, maxTicks = Math.floor(height / 2) + 1): Map<number, string> {
  const rows = new Map<number, { label: string; miss: number }>();
  const span = Math.log10(hi) - Math.log10(lo);
  for (const t of logTicks(lo, hi, maxTicks)) {
    const exact = span > 0 ? ((Math.log10(t) - Math.log10(lo)) / span) * height : 0;
    const row = Math.round(exact), miss = Math.abs(exact - row);
    const held = rows.get(row);
    if (!held || miss < held.miss) rows.set(row, { label: tickLabel(t), miss });
  }
  return new Map([...rows].map(([row, { label }]) => [row, label]));
}

/** m·10^e for each mantissa m and each exponent e that is a multiple of `stride`, inside [lo, hi]. */
function ticksOf(lo: number, hi: number, mantissas: readonly number[], stride: number): number[] {
  const out: number[] = [];
  const first = Math.floor(Math.log10(lo)) - 1, last = Math.ceil(Math.log10(hi)) + 1;
  for (let e = Math.ceil(first / stride) * stride; e <= last; e += stride) {
    for (const m of mantissas) {
      // Through the decimal text, so 1e-2 is the double nearest 0.01, not 10 ** -2's rounding.
      const t = Number(`${m}e${e}`);
      if (inside(t, lo, hi)) out.push(t);
    }
  }
  return out;
}

/** Multiples of the largest step m·10^k (m in 1, 2, 5) that puts at least two ticks in [lo, hi]. */
function evenTicks(lo: number, hi: number, maxTicks: number): number[] {
  if (hi === lo) return [Number(lo.toPrecision(12))];
  for (let k = Math.ceil(Math.log10(hi - lo)); k > Math.log10(hi - lo) - 4; k--) {
    for (const m of [5, 2, 1]) {
      const step = Number(`${m}e${k}`);
      const out: number[] = [];
      for (let n = Math.ceil(lo / step - SLACK); n * step <= hi * (1 + SLACK); n++) {
        const t = Number((n * step).toPrecision(12));
        if (inside(t, lo, hi)) out.push(t);
      }
      if (out.length >= 2) return thin(out, maxTicks);
    }
  }
  return [];
}

/** Every k-th tick, the first kept, with k as small as leaves at most maxTicks (at least 2 ≤ maxTicks remain). */
function thin(ticks: readonly number[], maxTicks: number): number[] {
  const k = Math.ceil(ticks.length / maxTicks);
  return ticks.filter((_, i) => i % k === 0);
}

function inside(t: number, lo: number, hi: number): boolean {
  // Finite first: 1e309 is Infinity, and so is hi · (1 + SLACK) near Number.MAX_VALUE.
  return Number.isFinite(t) && t >= lo * (1 - SLACK) && t <= hi * (1 + SLACK);
}
