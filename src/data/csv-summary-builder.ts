import { CsvStructure } from '../core/data/csv-records';
import { ok, type DataResult } from '../core/data/data-error';
import { ColumnSummaryBuilder, distinctCap } from '../core/data/csv-summary';
import { DISTINCT_CAP, type CsvSummary } from '../core/spec/data-probe';

/**
 * The summary of a CSV, one record at a time: the first record is the header, then each
 * data row updates every column exactly as summarizeCsv does over all rows at once.
 */
export class CsvSummaryBuilder {
  private readonly structure = new CsvStructure();
  private columns: ColumnSummaryBuilder[] = [];

  constructor(
    private readonly cap: number = DISTINCT_CAP,
    private readonly target?: string,
  ) {}

  /** Adds a record that ends on the 1-based `line`. */
  add(record: readonly string[], line: number): void {
    const kind = this.structure.add(record, line);
    if (kind === 'header') this.columns = record.map((name) => new ColumnSummaryBuilder(distinctCap(name, this.cap, this.target)));
    else if (kind === 'row') this.columns.forEach((column, c) => column.add(record[c] ?? '', line));
  }

  /**
   * The summary, or the structural failure checkCsvRecords reports for the whole file. A
   * `blank` file (whitespace only) is empty whatever csv-parse made of it, as in parseCsvText.
   */
  finish(file: string, blank = false): DataResult<CsvSummary> {
    const header = this.structure.check(file, blank);
    if (!header.ok) return header;
    const columns = header.value.map((name, c) => (this.columns[c] ?? new ColumnSummaryBuilder(this.cap)).finish(name));
    return ok({ columns, rows: this.structure.rows });
  }
}
