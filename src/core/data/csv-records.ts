/**
 * A parsed CSV file as plain text cells, and the structural checks every reader of it
 * needs (the loader and the probe): a header, at least one data row, rows as wide as the
 * header, no duplicate column names. Parsing the text itself happens at the node edge
 * (src/data/csv-text.ts, with csv-parse); everything from here on is pure.
 */
import { fail, ok, type DataResult } from './data-error';

export interface CsvRecords {
  /** The file, as resolved; named in every error. */
  readonly file: string;
  /** The header row: the column names. Empty when the file has no records at all. */
  readonly header: readonly string[];
  /** The data rows, header excluded, each a list of cells. */
  readonly rows: readonly (readonly string[])[];
  /** The 1-based line of each data row (where the record ends, for quoted multi-line cells). */
  readonly lines: readonly number[];
}

/** Checks the structure of `records`: not empty, not header-only, not ragged, no duplicate names. */
export function checkCsvRecords(records: CsvRecords): DataResult<CsvRecords> {
  const { file, header, rows, lines } = records;
  if (header.length === 0) return fail({ code: 'csv-empty', file, message: `${file} is empty: it needs a header row and data rows.` });
  const seen = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    const name = header[c] ?? '';
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      return fail({
        code: 'csv-duplicate-column',
        file,
        line: 1,
        column: c + 1,
        columnName: name,
        message: `${file}:1:${c + 1}: column ${c + 1} is named "${name}" like column ${earlier + 1}; column names must be unique.`,
      });
    }
    seen.set(name, c);
  }
  if (rows.length === 0) return fail({ code: 'csv-header-only', file, line: 1, message: `${file} has a header row but no data rows.` });
  for (let i = 0; i < rows.length; i++) {
    const width = rows[i]?.length ?? 0;
    if (width !== header.length) {
      const line = lines[i] ?? i + 2;
      return fail({
        code: 'csv-ragged-row',
        file,
        line,
        message: `${file}:${line}: this row has ${width} cell${width === 1 ? '' : 's'} but the header has ${header.length}.`,
      });
    }
  }
  return ok(records);
}

/**
 * The structure of a CSV read a record at a time, for the readers that keep no rows (the
 * table and the summary): the first record is the header, then each data row. The verdict
 * is the one checkCsvRecords gives the whole file, asked about the header and the one row
 * that decides it (the first row whose width is not the header's).
 */
export class CsvStructure {
  header: readonly string[] | undefined;
  /** The data rows so far. */
  rows = 0;
  private ragged: { readonly record: readonly string[]; readonly line: number } | undefined;

  /** Takes a record that ends on the 1-based `line`: the header, a row to use, or a row to skip (a ragged row decides the answer). */
  add(record: readonly string[], line: number): 'header' | 'row' | 'skip' {
    if (!this.header) {
      this.header = record;
      return 'header';
    }
    this.rows++;
    if (this.ragged) return 'skip';
    if (record.length !== this.header.length) {
      this.ragged = { record, line };
      return 'skip';
    }
    return 'row';
  }

  /** The header, or the structural failure of the file. A `blank` file (whitespace only) is empty whatever its records. */
  check(file: string, blank = false): DataResult<readonly string[]> {
    const header = blank ? [] : (this.header ?? []);
    const decisive = this.ragged ? [this.ragged] : this.rows > 0 ? [{ record: header, line: 2 }] : [];
    const checked = checkCsvRecords({ file, header, rows: decisive.map((r) => r.record), lines: decisive.map((r) => r.line) });
    return checked.ok ? ok(header) : checked;
  }
}
