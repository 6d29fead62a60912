/**
 * The probe's summary of a CSV file (core/spec/data-probe.ts) read as a stream, for the
 * extension host, which must never block: the file goes through csv-parse's streaming
 * parser in chunks of CHUNK_BYTES, each record is summarised as it arrives, and the event
 * loop gets a turn between chunks. The answer is the one the synchronous path gives
 * (readCsvFile, then summarizeCsv): the same codes, lines and messages.
 */
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';
import { checkCsvRecords } from '../core/data/csv-records';
import { fail, ok, type DataResult } from '../core/data/data-error';
import { ByteLines } from '../core/data/byte-lines';
import { ColumnSummaryBuilder, distinctCap } from '../core/data/csv-summary';
import { DISTINCT_CAP, type CsvSummary } from '../core/spec/data-probe';
import { csvFailure, csvInput, type CsvReadOptions } from './csv-file';
import { errorLine, errorReason } from './csv-text';
import { failureOf, openInput, tooLargeFailure } from './open-input';

/**
 * How much of the file is parsed and summarised in one synchronous slice: 16 kB take about
 * 2 ms (csv-parse plus the summary, 400 numeric columns); 64 kB took 6 to 10 ms.
 */
export const CHUNK_BYTES = 16 * 1024;

/** Options of a streamed summary; `chunkBytes` exists for tests of chunk boundaries. */
export interface CsvStreamOptions extends CsvReadOptions {
  readonly chunkBytes?: number;
  /** Keep distinct values of this column only (see DataProbe). */
  readonly target?: string;
}

/**
 * Summarises the CSV file at `file` (an absolute path) without blocking the event loop
 * for more than one chunk. Never rejects.
 */
export async function summarizeCsvFile(file: string, options: CsvStreamOptions = {}): Promise<DataResult<CsvSummary>> {
  const input = csvInput(options);
  const opened = await openInput(file, input);
  if (!opened.ok) return csvFailure(opened.error);
  const { handle } = opened.value;
  // At most maxBytes + 1 bytes: one more than the limit tells that the file grew past it.
  const stream = handle.createReadStream({ encoding: 'utf8', highWaterMark: options.chunkBytes ?? CHUNK_BYTES, start: 0, end: input.maxBytes, autoClose: false });
  const summary = new CsvSummaryBuilder(DISTINCT_CAP, options.target);
  const lines = new ByteLines();
  let blank = true;
  const grown = (): boolean => stream.bytesRead > input.maxBytes;
  try {
    await pipeline(
      stream,
      async function* text(chunks: AsyncIterable<string>) {
        let first = true;
        for await (const chunk of chunks) {
          if (grown()) return;
          // Like parseCsvText: drop a byte-order mark; a file of whitespace only is empty.
          const body = first && chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk;
          if (chunk !== '') first = false;
          if (blank && /\S/.test(body)) blank = false;
          lines.add(body);
          yield body;
          await nextTurn();
        }
      },
      // The options of parseCsvText (csv-text.ts): a summary must agree with the loader.
      parse({ info: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
      async function summarise(records: AsyncIterable<ParsedRecord>) {
        for await (const { record, info } of records) summary.add(record, lines.recordLine(info.bytes));
      },
    );
  } catch (error) {
    if (grown()) return csvFailure(tooLargeFailure(file, undefined, input));
    if (!(error instanceof CsvError)) return csvFailure(failureOf(file, error));
    return blank ? summary.finish(file, true) : fail(malformed(file, error, lines));
  } finally {
    stream.destroy();
    await handle.close().catch(() => undefined);
  }
  if (grown()) return csvFailure(tooLargeFailure(file, undefined, input));
  return summary.finish(file, blank);
}

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly bytes: number };
}

/**
 * The summary of a CSV, one record at a time: the first record is the header, then each
 * data row updates every column exactly as summarizeCsv does over all rows at once.
 */
export class CsvSummaryBuilder {
  private header: readonly string[] | undefined;
  private columns: ColumnSummaryBuilder[] = [];
  private rows = 0;
  /** The first row whose width is not the header's, which decides the structural check. */
  private ragged: { readonly record: readonly string[]; readonly line: number } | undefined;

  constructor(
    private readonly cap: number = DISTINCT_CAP,
    private readonly target?: string,
  ) {}

  /** Adds a record that ends on the 1-based `line`. */
  add(record: readonly string[], line: number): void {
    if (!this.header) {
      this.header = record;
      this.columns = record.map((name) => new ColumnSummaryBuilder(distinctCap(name, this.cap, this.target)));
      return;
    }
    this.rows++;
    if (this.ragged) return;
    if (record.length !== this.header.length) {
      this.ragged = { record, line };
      return;
    }
    this.columns.forEach((column, c) => column.add(record[c] ?? '', line));
  }

  /**
   * The summary, or the structural failure checkCsvRecords reports for the whole file: it
   * is asked about the header and the one row that decides its verdict. A `blank` file
   * (whitespace only) is empty whatever csv-parse made of it, as in parseCsvText.
   */
  finish(file: string, blank = false): DataResult<CsvSummary> {
    const header = blank ? [] : (this.header ?? []);
    const decisive = this.ragged ? [this.ragged] : this.rows > 0 ? [{ record: header, line: 2 }] : [];
    const checked = checkCsvRecords({ file, header, rows: decisive.map((r) => r.record), lines: decisive.map((r) => r.line) });
    if (!checked.ok) return checked;
    const columns = header.map((name, c) => (this.columns[c] ?? new ColumnSummaryBuilder(this.cap)).finish(name));
    return ok({ columns, rows: this.rows });
  }
}

/** The failure parseCsvText reports for a csv-parse error. */
function malformed(file: string, error: CsvError, lines: ByteLines) {
  const line = errorLine(error, lines);
  return {
    code: 'csv-malformed' as const,
    file,
    ...(line !== undefined ? { line } : {}),
    message: `${file}${line !== undefined ? `:${line}` : ''}: the file is not valid CSV (${errorReason(error)}).`,
  };
}
