/**
 * The probe's summary of a CSV file (core/spec/data-probe.ts) read as a stream, for the
 * extension host, which must never block: the file is parsed in chunks of CHUNK_BYTES
 * (csv-chunks.ts), each record is summarised as it arrives, and the event loop gets a turn
 * between chunks. The answer is the one the synchronous path gives (readCsvFile, then
 * summarizeCsv): the same codes, lines and messages.
 */
import { CsvStructure } from '../core/data/csv-records';
import { ok, type DataResult } from '../core/data/data-error';
import { ColumnSummaryBuilder, distinctCap } from '../core/data/csv-summary';
import { DISTINCT_CAP, type CsvSummary } from '../core/spec/data-probe';
import { readCsvChunks, type CsvStreamOptions as CsvChunkOptions } from './csv-chunks';

/**
 * How much of the file is parsed and summarised in one synchronous slice: 16 kB take about
 * 2 ms (csv-parse plus the summary, 400 numeric columns); 64 kB took 6 to 10 ms.
 */
export const CHUNK_BYTES = 16 * 1024;

/** Options of a streamed summary; `chunkBytes` exists for tests of chunk boundaries. */
export interface CsvStreamOptions extends CsvChunkOptions {
  /** Keep distinct values of this column only (see DataProbe). */
  readonly target?: string;
}

/**
 * Summarises the CSV file at `file` (an absolute path) without blocking the event loop
 * for more than one chunk. Never rejects.
 */
export async function summarizeCsvFile(file: string, options: CsvStreamOptions = {}): Promise<DataResult<CsvSummary>> {
  const summary = new CsvSummaryBuilder(DISTINCT_CAP, options.target);
  const read = await readCsvChunks(file, summary, { ...options, chunkBytes: options.chunkBytes ?? CHUNK_BYTES });
  return read.ok ? summary.finish(file, read.value.blank) : read;
}

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
