/**
 * CSV records to a data table: the feature columns (default every column but the target,
 * in file order) must hold finite numbers; the target column holds numbers (regression,
 * or numeric classes) or class names. Errors name the file, line and column.
 */
import type { TaskName } from '../spec/schema';
import type { CsvRecords } from './csv-records';
import { fail, ok, type DataFailure, type DataResult } from './data-error';
import { parseNumberCell } from './number-cell';
import type { DataTable } from './table';

/** Which columns of the CSV to use, and what the target means. */
export interface CsvColumns {
  readonly target: string;
  /** The feature columns in order; default every column but the target. */
  readonly features?: readonly string[];
  readonly task: TaskName;
}

/** Builds a table from structurally valid records (see checkCsvRecords). */
export function tableFromCsv(records: CsvRecords, columns: CsvColumns): DataResult<DataTable> {
  const { file, header, rows, lines } = records;
  const indexOf = (name: string): number => header.indexOf(name);
  const missing = (name: string, role: string): DataResult<never> =>
    fail({
      code: 'csv-missing-column',
      file,
      line: 1,
      columnName: name,
      message: `${file} has no ${role} column "${name}"; its columns are ${header.map((h) => `"${h}"`).join(', ')}.`,
    });

  const t = indexOf(columns.target);
  if (t < 0) return missing(columns.target, 'target');
  const featureNames = columns.features ? [...columns.features] : header.filter((_, c) => c !== t);
  const featureIndex: number[] = [];
  for (const name of featureNames) {
    const c = indexOf(name);
    if (c < 0) return missing(name, 'feature');
    featureIndex.push(c);
  }

  const m = rows.length;
  const n = featureIndex.length;
  const X = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const row = rows[i] ?? [];
    for (let j = 0; j < n; j++) {
      const c = featureIndex[j] ?? 0;
      const cell = readNumber(row[c] ?? '', file, lines[i] ?? i + 2, c, header[c] ?? '');
      if (!cell.ok) return cell;
      X[i * n + j] = cell.value;
    }
  }
  const targets = readTargets(records, t, columns.task);
  if (!targets.ok) return targets;
  return ok({ m, n, X, targets: targets.value, featureNames });
}

/**
 * The target column: numbers for regression; for classification, numbers when every cell
 * is one (numeric classes), otherwise the cells as class names. A NaN or Infinity among
 * numbers is an error rather than a class of its own.
 */
function readTargets(records: CsvRecords, t: number, task: TaskName): DataResult<(number | string)[]> {
  const { file, header, rows, lines } = records;
  const name = header[t] ?? '';
  const cells = rows.map((row) => (row[t] ?? '').trim());
  const numbers: number[] = [];
  let firstBad: DataFailure | undefined;
  let anyNonFinite: DataFailure | undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = readNumber(cells[i] ?? '', file, lines[i] ?? i + 2, t, name);
    if (cell.ok) numbers.push(cell.value);
    else {
      firstBad ??= cell.error;
      if (cell.error.code === 'csv-non-finite') anyNonFinite ??= cell.error;
      if (cell.error.code === 'csv-empty-cell') return cell;
    }
  }
  if (!firstBad) return ok(numbers);
  if (task === 'regression') return fail(firstBad);
  if (anyNonFinite && cells.every((c) => parseNumberCell(c).kind !== 'not-a-number')) return fail(anyNonFinite);
  return ok(cells);
}

function readNumber(text: string, file: string, line: number, c: number, name: string): DataResult<number> {
  const cell = parseNumberCell(text);
  const where = { file, line, column: c + 1, columnName: name };
  const at = `${file}:${line}: column ${c + 1} ("${name}")`;
  switch (cell.kind) {
    case 'number':
      return ok(cell.value);
    case 'empty':
      return fail({ code: 'csv-empty-cell', ...where, message: `${at} is empty; it needs a number.` });
    case 'non-finite':
      return fail({ code: 'csv-non-finite', ...where, message: `${at} is ${JSON.stringify(text.trim())}; only finite numbers can be used.` });
    case 'not-a-number':
      return fail({ code: 'csv-not-a-number', ...where, message: `${at} is ${JSON.stringify(text.trim())}, not a number.` });
    default: {
      const never: never = cell;
      return never;
    }
  }
}
