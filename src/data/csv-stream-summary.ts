/**
 * The probe's summary of a CSV file (core/spec/data-probe.ts) read as a stream, for the
 * extension host, which must never block: the file is parsed in chunks of CHUNK_BYTES
 * (csv-chunks.ts), each record is summarised as it arrives, and the event loop gets a turn
 * between chunks. The answer is the one the synchronous path gives (readCsvFile, then
 * summarizeCsv): the same codes, lines and messages.
 */
import type { DataResult } from '../core/data/data-error';
import { DISTINCT_CAP, type CsvSummary } from '../core/spec/data-probe';
import { readCsvChunks, type CsvStreamOptions as CsvChunkOptions } from './csv-chunks';
import { CsvSummaryBuilder } from './csv-summary-builder';

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
