/**
 * Reading a CSV file from disk: the opener (open-input.ts: a regular file within the size
 * limit, never a pipe or a device), then a streamed parse (csv-chunks.ts) into records
 * (csv-text.ts) and the structure (core/data/csv-records.ts), and finally, for training,
 * the numbers (core/data/csv-table.ts). Every error is a value naming the file, and the
 * line and column where they apply.
 */
import { checkCsvRecords, type CsvRecords } from '../core/data/csv-records';
import { tableFromCsv, type CsvColumns } from '../core/data/csv-table';
import type { DataResult } from '../core/data/data-error';
import type { DataTable } from '../core/data/table';
import { readCsvChunksSync, type CsvStreamOptions } from './csv-chunks';
import { CsvRecordsCollector } from './csv-text';

// Where they have always been imported from.
export { formatBytes } from './open-input';
export { csvFailure, csvInput, DEFAULT_MAX_CSV_BYTES, MAX_CSV_BYTES_SETTING } from './csv-chunks';

/** Options of every CSV read (`chunkBytes` exists for tests of chunk boundaries). */
export interface CsvReadOptions extends CsvStreamOptions {
  /**
   * Answers already read during one job, by file: opening a spec probes its CSV for the
   * validator and then loads it, and the file is parsed once. Make one per job (files may
   * change between jobs).
   */
  readonly readOnce?: Map<string, DataResult<CsvRecords>>;
}

/** Reads and checks the records of the CSV file at `file` (an absolute path). */
export function readCsvFile(file: string, options: CsvReadOptions = {}): DataResult<CsvRecords> {
  const memo = options.readOnce;
  const key = `${file}\u0000${options.maxBytes ?? ''}`;
  const known = memo?.get(key);
  if (known) return known;
  const records = new CsvRecordsCollector();
  const read = readCsvChunksSync(file, records, options);
  const answer = read.ok ? checkCsvRecords(records.finish(file, read.value.blank)) : read;
  memo?.set(key, answer);
  return answer;
}

/** Reads the CSV file at `file` as a data table with the given target and feature columns. */
export function loadCsvFile(file: string, columns: CsvColumns, options: CsvReadOptions = {}): DataResult<DataTable> {
  const records = readCsvFile(file, options);
  return records.ok ? tableFromCsv(records.value, columns) : records;
}
