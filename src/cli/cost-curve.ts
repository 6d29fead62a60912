/** A small cost curve drawn in the terminal (asciichart), log-scaled when J spans decades. */
import * as asciichart from 'asciichart';
import { tickRows } from './log-axis';

export function costCurve(history: readonly number[], width = 60, height = 8): string {
  const finite = history.filter((j) => Number.isFinite(j));
  if (finite.length < 2) return '';
  const points = resample(finite, width);
  const lo = Math.min(...points), hi = Math.max(...points);
  const spansDecades = lo > 0 && hi / lo > 100;
  const chart = spansDecades ? logChart(points, lo, hi, height) : asciichart.plot(points, { height, format: (x: number) => x.toPrecision(3).padStart(9) });
  return `${spansDecades ? 'J (log scale)' : 'J'} over ${history.length - 1} iterations\n${chart}\n`;
}

/**
 * J on a log axis, labelled only where a readable tick falls (log-axis.ts). The series is
 * given in rows, evenly spaced in log10 J from lo to hi, so that asciichart's rows are exactly
 * tickRows' 0 … height; counted from 1, because asciichart marks its row 0 with ┼ as if it
 * were J = 0.
 */
function logChart(points: readonly number[], lo: number, hi: number, height: number): string {
  const span = Math.log10(hi) - Math.log10(lo);
  const rows = points.map((j) => 1 + ((Math.log10(j) - Math.log10(lo)) / span) * height);
  const labels = tickRows(lo, hi, height);
  return asciichart.plot(rows, { height, min: 1, max: 1 + height, format: (row: number) => (labels.get(Math.round(row) - 1) ?? '').padStart(9) });
}

/** At most `width` points, picking evenly spaced samples (first and last kept). */
function resample(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  return Array.from({ length: width }, (_, k) => values[Math.round((k * (values.length - 1)) / (width - 1))]!);
}
