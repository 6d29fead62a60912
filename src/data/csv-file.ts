/**
 * Reading a CSV file from disk: the opener (open-input.ts: a regular file within the size
 * limit, never a pipe or a device), then the text (csv-text.ts) and the structure
 * (core/data/csv-records.ts), and finally, for training, the numbers (core/data/csv-table.ts).
 * Every error is a value naming the file, and the line and column where they apply.
 */
import { checkCsvRecords, type CsvRecords } from '../core/data/csv-records';
import { tableFromCsv, type CsvColumns } from '../core/data/csv-table';
import { fail, type DataErrorCode, type DataResult } from '../core/data/data-error';
import type { DataTable } from '../core/data/table';
import { parseCsvText } from './csv-text';
import { readInput, readInputSync, type InputCode, type InputFailure, type InputOptions } from './open-input';

// Where it has always been imported from.
export { formatBytes } from './open-input';

/** The default limit on the size of a CSV file: 100 MiB, as the editor setting's default. Callers may pass another. */
export const DEFAULT_MAX_CSV_BYTES = 100 * 1024 * 1024;

/** Options of every CSV read. */
export interface CsvReadOptions {
  /** Refuse files larger than this many bytes (default DEFAULT_MAX_CSV_BYTES). */
  readonly maxBytes?: number;
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
  if (!memo) return readCsvFileNow(file, options);
  const key = `${file}\u0000${options.maxBytes ?? DEFAULT_MAX_CSV_BYTES}`;
  let answer = memo.get(key);
  if (!answer) {
    answer = readCsvFileNow(file, options);
    memo.set(key, answer);
  }
  return answer;
}

function readCsvFileNow(file: string, options: CsvReadOptions): DataResult<CsvRecords> {
  const read = readInputSync(file, csvInput(options));
  return read.ok ? recordsOf(read.value.text, file) : csvFailure(read.error);
}

/** The asynchronous twin of readCsvFile, for the extension host. Never rejects. */
export async function readCsvFileAsync(file: string, options: CsvReadOptions = {}): Promise<DataResult<CsvRecords>> {
  const read = await readInput(file, csvInput(options));
  return read.ok ? recordsOf(read.value.text, file) : csvFailure(read.error);
}

/** Reads the CSV file at `file` as a data table with the given target and feature columns. */
export function loadCsvFile(file: string, columns: CsvColumns, options: CsvReadOptions = {}): DataResult<DataTable> {
  const records = readCsvFile(file, options);
  return records.ok ? tableFromCsv(records.value, columns) : records;
}

function recordsOf(text: string, file: string): DataResult<CsvRecords> {
  const parsed = parseCsvText(text, file);
  return parsed.ok ? checkCsvRecords(parsed.value) : parsed;
}

/** The names under which users set the CSV size limit, for the message that refuses a file. */
export const MAX_CSV_BYTES_SETTING = 'nnspec.data.maxCsvBytes (CLI: --max-csv-bytes)';

/** The opener's options for a CSV file (open-input.ts): its size limit and the setting that raises it. */
export function csvInput(options: CsvReadOptions): InputOptions {
  return { maxBytes: options.maxBytes ?? DEFAULT_MAX_CSV_BYTES, what: 'a CSV file', raise: `the setting ${MAX_CSV_BYTES_SETTING}` };
}

/** The opener's failure as the loader's code: csv-not-found, csv-not-a-file, csv-too-large, csv-unreadable. */
export function csvFailure(error: InputFailure): DataResult<never> {
  const { file, message } = error;
  return fail({ code: CSV_CODE[error.code], file, message });
}

const CSV_CODE = {
  'input-not-found': 'csv-not-found',
  'input-not-a-file': 'csv-not-a-file',
  'input-too-large': 'csv-too-large',
  'input-unreadable': 'csv-unreadable',
} as const satisfies Record<InputCode, DataErrorCode>;
