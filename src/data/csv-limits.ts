/** The CSV size limit, its default, the names that raise it and its failures: the same for every reader (Node and browser). */
import { fail, type DataErrorCode, type DataResult } from '../core/data/data-error';
import type { InputCode, InputFailure, InputOptions } from './input-failure';

/** The default limit on the size of a CSV file: 100 MiB, as the editor setting's default. Callers may pass another. */
export const DEFAULT_MAX_CSV_BYTES = 100 * 1024 * 1024;

/** The names under which users set the CSV size limit, for the message that refuses a file. */
export const MAX_CSV_BYTES_SETTING = 'nnspec.data.maxCsvBytes (CLI: --max-csv-bytes)';

/** The size limit of a CSV read. */
export interface CsvLimitOptions {
  /** Refuse files larger than this many bytes (default DEFAULT_MAX_CSV_BYTES). */
  readonly maxBytes?: number;
}

/** The opener's options for a CSV file (open-input.ts): its size limit and the setting that raises it. */
export function csvInput(options: CsvLimitOptions): InputOptions {
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

