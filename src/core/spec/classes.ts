/**
 * How many classes K a classification target has: the number of distinct target values.
 * When every value is a number, values are compared as numbers (1 and 1.0 are one class);
 * otherwise as text. The mapping of values to class indices is core/data/classes.ts's
 * (numbers ascending; text in order of first appearance); the validator only needs K.
 */

/** K for inline targets. */
export function classCount(targets: Iterable<string | number>): number {
  const numbers = new Set<number>();
  const strings = new Set<string>();
  let allNumbers = true;
  for (const t of targets) {
    if (typeof t === 'number') numbers.add(t);
    else allNumbers = false;
    strings.add(String(t));
  }
  return allNumbers ? numbers.size : strings.size;
}

/** K for a CSV column given its distinct cells and whether every cell is numeric. */
export function csvClassCount(distinct: readonly string[], numeric: boolean): number {
  return numeric ? classCount(distinct.map(Number)) : distinct.length;
}
