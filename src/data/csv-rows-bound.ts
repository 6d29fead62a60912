/**
 * The most data rows a CSV file can hold, found before it is parsed (core/spec/data-probe.ts,
 * CsvRowsBound): one pass over its bytes by the readers' rule (csv-chunks.ts: the opener, a
 * regular file within the size limit, at most maxBytes + 1 bytes into one reused buffer),
 * counting line breaks (line-break-count.ts). Nothing is decoded or kept: the validator
 * refuses a run that cannot fit before the file is parsed into anything.
 */
import type { DataResult } from '../core/data/data-error';
import { readCsvBytes, readCsvBytesSync, type CsvStreamOptions } from './csv-chunks';
import { CsvRowCounter, type CsvRowCount } from './csv-row-count';

export type { CsvRowCount };

/** How much is counted at a time: more than a parse reads at once, as nothing of a chunk is decoded or kept. */
export const COUNT_CHUNK_BYTES = 1024 * 1024;

/** Counts the rows of the CSV file at `file` (an absolute path). Never throws. */
export function countCsvRowsSync(file: string, options: CsvStreamOptions = {}): DataResult<CsvRowCount> {
  return readCsvBytesSync(file, () => new CsvRowCounter(), withChunk(options));
}

/** The asynchronous twin of countCsvRowsSync: the event loop gets a turn after every chunk. Never rejects. */
export function countCsvRows(file: string, options: CsvStreamOptions = {}): Promise<DataResult<CsvRowCount>> {
  return readCsvBytes(file, () => new CsvRowCounter(), withChunk(options));
}

function withChunk(options: CsvStreamOptions): CsvStreamOptions {
  return { ...options, chunkBytes: options.chunkBytes ?? COUNT_CHUNK_BYTES };
}
