/**
 * The one rule that maps target values to class indices 0 … K−1:
 *
 * - every target a number: the distinct numbers in ascending numeric order, so labels
 *   1..K (the lecture's convention) and 0..K−1 both become 0..K−1 (the index is the rank);
 * - otherwise (string classes): the distinct values in order of first appearance in the data,
 *   compared by their text, so the first class seen is class 0.
 */

/** The classes of a data set and the class index of each example. */
export interface ClassMapping {
  /** The class values as written in the data; index = class index. */
  readonly classes: readonly (number | string)[];
  /** The class index of each example, in example order. */
  readonly labels: Int32Array;
}

/** Maps each target to its class index by the rule above. */
export function mapClasses(targets: readonly (number | string)[]): ClassMapping {
  const labels = new Int32Array(targets.length);
  if (targets.every((t) => typeof t === 'number')) {
    const classes = [...new Set(targets as readonly number[])].sort((a, b) => a - b);
    const index = new Map(classes.map((c, k) => [c, k]));
    targets.forEach((t, i) => {
      labels[i] = index.get(t as number) ?? 0;
    });
    return { classes, labels };
  }
  const classes: (number | string)[] = [];
  const index = new Map<string, number>();
  targets.forEach((t, i) => {
    const key = String(t);
    let k = index.get(key);
    if (k === undefined) {
      k = classes.length;
      index.set(key, k);
      classes.push(t);
    }
    labels[i] = k;
  });
  return { classes, labels };
}

/**
 * The target matrix Y (m × k, row-major) for class indices: a single 0/1 column when
 * k = 1 and there are 2 classes (one sigmoid output), otherwise one-hot rows.
 */
export function classTargets(labels: Int32Array, classCount: number, k: number): Float64Array {
  const m = labels.length;
  const Y = new Float64Array(m * k);
  const binary = k === 1 && classCount === 2;
  for (let i = 0; i < m; i++) {
    const label = labels[i] ?? 0;
    if (binary) Y[i] = label;
    else Y[i * k + label] = 1;
  }
  return Y;
}
