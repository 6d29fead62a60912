/** The confusion matrix of a classifier's outputs. */
import { predictedClass } from '../train/accuracy';
import type { ConfusionMatrix } from './snapshot';

/**
 * counts[actual][predicted] over m examples, from outputs h (m × k, row-major) and the
 * true class indices; a single output unit is a binary classifier (2 classes).
 */
export function confusionMatrix(h: Float64Array, labels: Int32Array, m: number, k: number, classNames?: readonly (string | number)[]): ConfusionMatrix {
  const n = k === 1 ? 2 : k;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < m; i++) {
    const actual = labels[i]!;
    if (actual >= 0 && actual < n) counts[actual]![predictedClass(h, i, k)]!++;
  }
  const classes = Array.from({ length: n }, (_, c) => String(classNames?.[c] ?? c));
  return { classes, counts };
}
