/**
 * CSV records to a data table: the feature columns (default every column but the target,
 * in file order) must hold finite numbers; the target column holds numbers (regression,
 * or numeric classes) or class names. Errors name the file, line and column.
 *
 * The table is built a record at a time (CsvTableBuilder), so a file read as a stream goes
 * straight into typed arrays: the features into Float64Array blocks, the target as its
 * numbers and, for class names, one code per row into the distinct names. No row is kept
 * as strings. `tableFromCsv` feeds records already in memory through the same builder.
 */
import type { TaskName } from '../spec/schema';
import { CsvStructure, type CsvRecords } from './csv-records';
import { fail, ok, type DataFailure, type DataResult } from './data-error';
import { parseNumberCell, type NumberCell } from './number-cell';
import type { DataTable } from './table';
import { TypedBlocks } from './typed-blocks';

/** Which columns of the CSV to use, and what the target means. */
export interface CsvColumns {
  readonly target: string;
  /** The feature columns in order; default every column but the target. */
  readonly features?: readonly string[];
  readonly task: TaskName;
}

/**
 * The most distinct target texts a builder keeps by default. Class names are only needed
 * when the target holds text; past this many distinct values (a regression target of
 * unique numbers) the builder stops keeping them, and a caller that turns out to need them
 * reads the file again with no cap (CsvTableBuilder.finish answers undefined).
 */
export const TARGET_TEXT_CAP = 65_536;

/** Builds a table from structurally valid records (see checkCsvRecords). */
export function tableFromCsv(records: CsvRecords, columns: CsvColumns): DataResult<DataTable> {
  const builder = new CsvTableBuilder(columns.target, columns.features, Infinity);
  builder.add(records.header, 1);
  records.rows.forEach((row, i) => builder.add(row, records.lines[i] ?? i + 2));
  return builder.finish(records.file, columns.task)!;
}

/** A cell that is not a finite number, where it is. */
interface BadCell {
  readonly row: number;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly kind: Exclude<NumberCell['kind'], 'number'>;
}

/**
 * A table, one record at a time: the first record is the header, then each data row. The
 * verdict is the one of checkCsvRecords and then the cell checks over the whole file: a
 * structural problem (a ragged row anywhere) before a missing column, before the first bad
 * feature cell in row order, before the target's problems.
 */
export class CsvTableBuilder {
  private readonly structure = new CsvStructure();
  /** The target's and the features' columns, once the header has them all. */
  private t = -1;
  private featureIndex: number[] | undefined;
  private readonly X = new TypedBlocks(Float64Array);
  private firstBadFeature: BadCell | undefined;
  /** The target of each row as a number (NaN when it is not one), and the first cell of each kind that is not. */
  private readonly targetValues = new TypedBlocks(Float64Array);
  private readonly targetFirst: Partial<Record<BadCell['kind'], BadCell>> = {};
  /** The target of each row as text: a code into `texts` (the distinct trimmed cells, in order of appearance). */
  private readonly targetCodes = new TypedBlocks(Int32Array);
  private readonly texts: string[] = [];
  private readonly textCode = new Map<string, number>();
  private textsOverflow = false;

  constructor(
    private readonly target: string,
    private readonly features: readonly string[] | undefined,
    private readonly targetTextCap: number = TARGET_TEXT_CAP,
  ) {}

  /** Adds a record that ends on the 1-based `line`. */
  add(record: readonly string[], line: number): void {
    const kind = this.structure.add(record, line);
    if (kind === 'header') {
      const resolved = resolveColumns('', record, this.target, this.features);
      if (resolved.ok) ({ t: this.t, featureIndex: this.featureIndex } = resolved.value);
    }
    if (kind !== 'row') return;
    // A missing column or a bad feature cell decides the answer: nothing more is kept.
    const featureIndex = this.featureIndex;
    if (!featureIndex || this.firstBadFeature) return;
    const row = this.structure.rows - 1;
    for (const c of featureIndex) {
      const text = record[c] ?? '';
      const cell = parseNumberCell(text);
      if (cell.kind !== 'number') {
        this.firstBadFeature = { row, line, column: c, text, kind: cell.kind };
        return;
      }
      this.X.push(cell.value);
    }
    const text = (record[this.t] ?? '').trim();
    const cell = parseNumberCell(text);
    if (cell.kind === 'number') this.targetValues.push(cell.value);
    else {
      this.targetValues.push(NaN);
      this.targetFirst[cell.kind] ??= { row, line, column: this.t, text, kind: cell.kind };
    }
    if (this.textsOverflow) return;
    let code = this.textCode.get(text);
    if (code === undefined) {
      if (this.texts.length >= this.targetTextCap) {
        this.textsOverflow = true;
        return;
      }
      code = this.texts.length;
      this.texts.push(text);
      this.textCode.set(text, code);
    }
    this.targetCodes.push(code);
  }

  /**
   * The table, or the failure for the whole file. A `blank` file (whitespace only) is empty
   * whatever its records, as in parseCsvText. Undefined when the target turned out to hold
   * class names and there were more distinct ones than the cap: read again with no cap.
   */
  finish(file: string, task: TaskName, blank = false): DataResult<DataTable> | undefined {
    const header = this.structure.check(file, blank);
    if (!header.ok) return header;
    const resolved = resolveColumns(file, header.value, this.target, this.features);
    if (!resolved.ok) return resolved;
    const { featureNames } = resolved.value;
    if (this.firstBadFeature) return fail(this.cellFailure(file, this.firstBadFeature));
    const targets = this.finishTargets(file, task);
    if (targets === undefined || !targets.ok) return targets;
    const m = this.structure.rows;
    return ok({ m, n: featureNames.length, X: this.X.toArray(), targets: targets.value, featureNames });
  }

  /**
   * The target column: numbers for regression; for classification, numbers when every cell
   * is one (numeric classes), otherwise the cells as class names. A NaN or Infinity among
   * numbers is an error rather than a class of its own; an empty cell always is.
   */
  private finishTargets(file: string, task: TaskName): DataResult<(number | string)[]> | undefined {
    const { empty, 'non-finite': nonFinite, 'not-a-number': notANumber } = this.targetFirst;
    if (empty) return fail(this.cellFailure(file, empty));
    const firstBad = [nonFinite, notANumber].filter((c) => c !== undefined).sort((a, b) => a.row - b.row)[0];
    if (!firstBad) return ok(Array.from(this.targetValues.toArray()));
    if (task === 'regression') return fail(this.cellFailure(file, firstBad));
    if (nonFinite && !notANumber) return fail(this.cellFailure(file, nonFinite));
    if (this.textsOverflow) return undefined;
    const { texts } = this;
    return ok(Array.from(this.targetCodes.toArray(), (code) => texts[code]!));
  }

  private cellFailure(file: string, cell: BadCell): DataFailure {
    return cellFailure(cell.kind, cell.text, file, cell.line, cell.column, this.structure.header?.[cell.column] ?? '');
  }
}

/** The target's column and the features' (default every column but the target), or csv-missing-column. */
function resolveColumns(file: string, header: readonly string[], target: string, features: readonly string[] | undefined): DataResult<{ t: number; featureIndex: number[]; featureNames: string[] }> {
  const missing = (name: string, role: string): DataResult<never> =>
    fail({
      code: 'csv-missing-column',
      file,
      line: 1,
      columnName: name,
      message: `${file} has no ${role} column "${name}"; its columns are ${header.map((h) => `"${h}"`).join(', ')}.`,
    });
  const t = header.indexOf(target);
  if (t < 0) return missing(target, 'target');
  const featureNames = features ? [...features] : header.filter((_, c) => c !== t);
  const featureIndex: number[] = [];
  for (const name of featureNames) {
    const c = header.indexOf(name);
    if (c < 0) return missing(name, 'feature');
    featureIndex.push(c);
  }
  return ok({ t, featureIndex, featureNames });
}

/** The failure for a cell of `kind` (not a number) on `line`, column `c` (0-based) named `name`. */
function cellFailure(kind: BadCell['kind'], text: string, file: string, line: number, c: number, name: string): DataFailure {
  const where = { file, line, column: c + 1, columnName: name };
  const at = `${file}:${line}: column ${c + 1} ("${name}")`;
  switch (kind) {
    case 'empty':
      return { code: 'csv-empty-cell', ...where, message: `${at} is empty; it needs a number.` };
    case 'non-finite':
      return { code: 'csv-non-finite', ...where, message: `${at} is ${JSON.stringify(text.trim())}; only finite numbers can be used.` };
    case 'not-a-number':
      return { code: 'csv-not-a-number', ...where, message: `${at} is ${JSON.stringify(text.trim())}, not a number.` };
    default: {
      const never: never = kind;
      return never;
    }
  }
}
