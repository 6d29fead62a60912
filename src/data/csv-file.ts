/**
 * Reading a CSV file from disk: the size limit, the file-system errors, then the text
 * (csv-text.ts) and the structure (core/data/csv-records.ts), and finally, for training,
 * the numbers (core/data/csv-table.ts). Every error is a value naming the file, and the
 * line and column where they apply.
 */
import * as fs from 'node:fs';
import { checkCsvRecords, type CsvRecords } from '../core/data/csv-records';
import { tableFromCsv, type CsvColumns } from '../core/data/csv-table';
import { fail, type DataResult } from '../core/data/data-error';
import type { DataTable } from '../core/data/table';
import { parseCsvText } from './csv-text';
import { accessFailure } from './resolve-data-path';

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
  let text: string;
  try {
    const failure = checkStats(file, fs.statSync(file), options);
    if (failure) return failure;
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return fail(accessFailure(file, error));
  }
  return recordsOf(text, file);
}

/** The asynchronous twin of readCsvFile, for the extension host. Never rejects. */
export async function readCsvFileAsync(file: string, options: CsvReadOptions = {}): Promise<DataResult<CsvRecords>> {
  let text: string;
  try {
    const failure = checkStats(file, await fs.promises.stat(file), options);
    if (failure) return failure;
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    return fail(accessFailure(file, error));
  }
  return recordsOf(text, file);
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

/** The checks made on a file's stats before it is read: a regular file, within the size limit. */
export function checkStats(file: string, stats: fs.Stats, options: CsvReadOptions): DataResult<never> | undefined {
  if (!stats.isFile()) return fail({ code: 'csv-not-a-file', file, message: `${file} is ${stats.isDirectory() ? 'a directory' : 'not a regular file'}, not a CSV file.` });
  const limit = options.maxBytes ?? DEFAULT_MAX_CSV_BYTES;
  if (stats.size > limit) {
    return fail({
      code: 'csv-too-large',
      file,
      message: `${file} is ${formatBytes(stats.size)}, over the limit of ${formatBytes(limit)} (${limit} bytes) for a CSV file; raise the limit with the setting ${MAX_CSV_BYTES_SETTING}.`,
    });
  }
  return undefined;
}

/** A byte count for people: bytes below 1 kB, else kB or MB with up to one decimal (powers of 1000). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}
