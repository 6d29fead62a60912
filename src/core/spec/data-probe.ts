/**
 * What the validator needs to know about a CSV file without reading it itself: the core
 * does no I/O. The node edge (src/data/csv-probe.ts) implements this for the CLI and the
 * worker; the extension answers from a cache it fills asynchronously.
 */
import type { Failure } from '../diagnostic';

/** Why a CSV could not be probed; each becomes a diagnostic on the `csv` value. */
export type CsvProbeCode =
  | 'csv-not-found'
  | 'csv-outside-workspace'
  | 'csv-not-a-file'
  | 'csv-too-large'
  | 'csv-unreadable'
  | 'csv-empty'
  | 'csv-malformed';

export interface CsvColumnSummary {
  readonly name: string;
  /** True when every cell of the column parses as a finite number. */
  readonly numeric: boolean;
  /** The distinct cell values, in order of first appearance, at most `DISTINCT_CAP` of them. */
  readonly distinct: readonly string[];
  /** True when the column had more distinct values than were kept. */
  readonly distinctTruncated: boolean;
  /** The first cell that is not a finite number, where `numeric` is false: its 1-based line and why. */
  readonly firstNonNumeric?: NonNumericCell;
  /** The first cell of each kind that is not a finite number (set with firstNonNumeric): the target's checks need them. */
  readonly firstOfKind?: Readonly<Partial<Record<NonNumericCell['kind'], NonNumericCell>>>;
}

/** A cell that keeps a column from being numeric, for messages that point at it. */
export interface NonNumericCell {
  /** The 1-based line of the file the cell's record ends on. */
  readonly line: number;
  /** The cell, trimmed. */
  readonly cell: string;
  readonly kind: 'empty' | 'non-finite' | 'not-a-number';
}

export const DISTINCT_CAP = 1000;

export interface CsvSummary {
  readonly columns: readonly CsvColumnSummary[];
  /** Data rows, header excluded. */
  readonly rows: number;
}

export type CsvProbeResult =
  | { readonly status: 'ok'; readonly summary: CsvSummary }
  | { readonly status: 'failed'; readonly error: Failure<CsvProbeCode> }
  /** Not known yet (an asynchronous read is under way): the data checks are skipped. */
  | { readonly status: 'pending' };

/**
 * Before a CSV is parsed: its size, and the most data rows it can hold, from a count of its
 * line breaks (LF, CRLF and a lone CR, the record ends the parser accepts) without decoding
 * it: rows ≤ lines − 1 (the header), where the lines are the breaks and one more when bytes
 * follow the last. A quoted cell holding a line break only makes it larger.
 */
export type CsvRowsBound =
  | { readonly status: 'ok'; readonly bytes: number; readonly rows: number }
  /** The probe would refuse the path or the file: it says why when it is asked. */
  | { readonly status: 'refused' }
  /** Not known yet (an asynchronous count is under way): the CSV is not probed yet either. */
  | { readonly status: 'pending' };

/**
 * Answers for a `csv:` path exactly as written in the spec (relative to the spec file). With
 * `target`, only that column's distinct values are kept (the others' would cost memory and
 * time for nothing: their `distinct` is then empty and `distinctTruncated` true). `features`
 * are the columns the spec lists, when it lists them: a job that loads the file next may
 * read the table in the same pass.
 *
 * `rowsBound`, when the probe has it, is asked first: the validator estimates the run's
 * memory with that many rows, and refuses a run that cannot fit without parsing the file
 * (nothing of it is held). The CLI, the job and the editor all give it, so they agree.
 */
export type DataProbe = ((csvPath: string, target?: string, features?: readonly string[]) => CsvProbeResult) & {
  readonly rowsBound?: (csvPath: string) => CsvRowsBound;
};
