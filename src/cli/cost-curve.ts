/** A small cost curve drawn in the terminal (asciichart), log-scaled when J spans decades. */
import * as asciichart from 'asciichart';

export function costCurve(history: readonly number[], width = 60, height = 8): string {
  const finite = history.filter((j) => Number.isFinite(j));
  if (finite.length < 2) return '';
  const points = resample(finite, width);
  const positive = points.every((j) => j > 0);
  const spansDecades = positive && Math.max(...points) / Math.min(...points) > 100;
  const series = spansDecades ? points.map((j) => Math.log10(j)) : points;
  const chart = asciichart.plot(series, {
    height,
    format: (x: number) => (spansDecades ? `1e${x.toFixed(1)}` : x.toPrecision(3)).padStart(9),
  });
  return `${spansDecades ? 'J (log scale)' : 'J'} over ${history.length - 1} iterations\n${chart}\n`;
}

/** At most `width` points, picking evenly spaced samples (first and last kept). */
function resample(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  return Array.from({ length: width }, (_, k) => values[Math.round((k * (values.length - 1)) / (width - 1))]!);
}
