/**
 * A data table: the examples as numeric features and raw targets, before the targets are
 * mapped to Y and before the split and the normalisation. Every source (inline rows, a CSV
 * file, a generator) produces one; `prepareData` turns it into training data.
 */
import type { TaskName } from '../spec/schema';
import { fail, ok, type DataResult } from './data-error';

export interface DataTable {
  /** Number of examples. */
  readonly m: number;
  /** Number of features. */
  readonly n: number;
  /** The features, m × n row-major: example i, feature j at X[i * n + j]. */
  readonly X: Float64Array;
  /** The target of each example: a number, or a class name for string classes. */
  readonly targets: readonly (number | string)[];
  /** The name of each feature, in column order. */
  readonly featureNames: readonly string[];
}

/** The names given to unnamed features (inline rows, generators): x1 … xn, as in the lecture. */
export function defaultFeatureNames(n: number): string[] {
  return Array.from({ length: n }, (_, j) => `x${j + 1}`);
}

/**
 * Inline rows (`data.rows`) to a table: every cell but the last is a feature and must be a
 * finite number; the last is the target (a number, or a string class for classification;
 * regression needs a number). Rows must all have the same length, at least 2.
 */
export function tableFromRows(rows: readonly (readonly (number | string)[])[], task: TaskName): DataResult<DataTable> {
  const first = rows[0];
  if (first === undefined) return fail({ code: 'data-no-rows', message: 'The data has no rows.' });
  const width = first.length;
  if (width < 2) {
    return fail({ code: 'data-ragged-row', row: 0, message: 'Row 1 needs at least one feature and the target.' });
  }
  const m = rows.length;
  const n = width - 1;
  const X = new Float64Array(m * n);
  const targets: (number | string)[] = [];
  for (let i = 0; i < m; i++) {
    const row = rows[i] ?? [];
    if (row.length !== width) {
      return fail({
        code: 'data-ragged-row',
        row: i,
        message: `Row ${i + 1} has ${row.length} cells but row 1 has ${width}.`,
      });
    }
    for (let j = 0; j < width; j++) {
      const cell = row[j];
      const isTarget = j === n;
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) {
          return fail({ code: 'data-non-finite', row: i, column: j, message: `Row ${i + 1}, cell ${j + 1} is ${cell}; only finite numbers can be used.` });
        }
        if (isTarget) targets.push(cell);
        else X[i * n + j] = cell;
      } else if (isTarget && task === 'classification') {
        targets.push(String(cell));
      } else {
        const what = isTarget ? 'the regression target' : `feature ${j + 1}`;
        return fail({ code: 'data-not-a-number', row: i, column: j, message: `Row ${i + 1}: ${what} is ${JSON.stringify(cell)}, not a number.` });
      }
    }
  }
  return ok({ m, n, X, targets, featureNames: defaultFeatureNames(n) });
}
