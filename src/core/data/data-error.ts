/**
 * Errors of the data pipeline, as values (style rule 6): a stable code, a message, and
 * where the problem is. CSV problems name the file, the 1-based line and the 1-based column;
 * inline problems name the 0-based row and column of `data.rows`.
 */
import type { Failure } from '../diagnostic';
import type { CsvProbeCode } from '../spec/data-probe';

/** Every way loading or preparing data can fail. The `csv-*` codes of the probe are included. */
export type DataErrorCode =
  | CsvProbeCode
  /** The CSV has a header row but no data rows. */
  | 'csv-header-only'
  /** A data row has more or fewer cells than the header. */
  | 'csv-ragged-row'
  /** Two header cells have the same name, so a column reference would be ambiguous. */
  | 'csv-duplicate-column'
  /** The spec names a target or feature column the header does not have. */
  | 'csv-missing-column'
  /** A cell that must be a number is empty. */
  | 'csv-empty-cell'
  /** A cell that must be a number is not one. */
  | 'csv-not-a-number'
  /** A cell holds NaN, Infinity or a number too large for a double. */
  | 'csv-non-finite'
  /** There are no examples at all. */
  | 'data-no-rows'
  /** Inline rows of different lengths. */
  | 'data-ragged-row'
  /** An inline feature (or regression target) that is not a number. */
  | 'data-not-a-number'
  /** An inline number that is NaN or infinite. */
  | 'data-non-finite'
  /** The number of features is not the number of input units s_1. */
  | 'data-input-mismatch'
  /** The classes (or the single regression target) do not fit the output units s_L. */
  | 'data-output-mismatch';

/** A data failure and where it happened; only the fields that apply are set. */
export interface DataFailure extends Failure<DataErrorCode> {
  /** The file, as resolved (CSV only). */
  readonly file?: string;
  /** 1-based line in the file (CSV only): the line on which the offending record ends. */
  readonly line?: number;
  /** 1-based column index in the file (CSV), or 0-based cell index in the row (inline). */
  readonly column?: number;
  /** Name of the offending column, when it has one. */
  readonly columnName?: string;
  /** 0-based index of the offending inline row (`data.rows`). */
  readonly row?: number;
}

/** A value or the reason there is none. Assignable to `Result<T, DataErrorCode>`. */
export type DataResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DataFailure };

/** Wraps a value as a success. */
export function ok<T>(value: T): DataResult<T> {
  return { ok: true, value };
}

/** Wraps a failure. */
export function fail<T = never>(error: DataFailure): DataResult<T> {
  return { ok: false, error };
}
