/**
 * Errors of the debugger's expression language, as values. Every public function of the
 * language answers a `Result`: a value, or one `ExpressionError` with a stable `code`, a
 * half-open range [start, end) of 0-based UTF-16 offsets into the text that was given, and a
 * message that starts with the 1-based column ("column 7: expected ')'"). Tests and callers
 * key on `code` and the range, never on the wording.
 *
 * Inside the lexer, parser and evaluator a problem is thrown as an `ExpressionFault` and
 * caught at the public function, which turns it into `{ ok: false, error }`: nothing thrown
 * ever reaches a caller.
 */

/** What went wrong; stable, machine-readable. */
export type ExpressionErrorCode =
  /** The text is not an expression: an unexpected or missing token, an unknown character. */
  | 'syntax'
  /** A name the current stop does not have (the message suggests the nearest one). */
  | 'unknown-name'
  /** A call of a function the language does not have (the message suggests the nearest one). */
  | 'unknown-function'
  /** A layer, row, column or entry outside the valid range (the message gives the range). */
  | 'index-out-of-range'
  /** Operands or arguments whose shapes do not fit (the message names both shapes). */
  | 'shape-mismatch'
  /** An operand or argument of the wrong kind (a list of layers added, a matrix as a condition). */
  | 'type'
  /** A function called with too few or too many arguments. */
  | 'arity'
  /** The text is longer than MAX_EXPRESSION_LENGTH (or a log message than MAX_MESSAGE_LENGTH). */
  | 'too-long'
  /** The expression nests deeper than MAX_DEPTH. */
  | 'too-deep'
  /** A result would exceed MAX_ENTRIES entries, or the evaluation MAX_WORK operations. */
  | 'too-large'
  /** Set Value: the text names nothing that can be assigned (a sum, a whole matrix). */
  | 'not-assignable'
  /** Set Value: the new value is NaN or infinite. */
  | 'not-finite'
  /** A defect of the language itself, caught so that it never throws; tests assert it never occurs. */
  | 'internal';

/** One problem, with its place in the text. */
export interface ExpressionError {
  readonly code: ExpressionErrorCode;
  /** One sentence, starting with the place: "column 7: expected ')'". */
  readonly message: string;
  /** 0-based offset of the first code unit concerned. */
  readonly start: number;
  /** 0-based offset just past the last code unit concerned (start when the problem is a missing token). */
  readonly end: number;
  /** For unknown-name and unknown-function: the nearest name, when one is close. */
  readonly suggestion?: string;
}

/** A value, or the one error that stopped the work. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExpressionError };

/** Builds a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * The place of an offset as the message states it: "column c" on a one-line text, "line l,
 * column c" once the text has more than one line (both 1-based, columns in UTF-16 code units).
 */
export function placeOf(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = offset - lineStart + 1;
  if (!text.includes('\n')) return `column ${column}`;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (text.charCodeAt(i) === 10) line++;
  return `line ${line}, column ${column}`;
}

/** An error value whose message is `detail` prefixed with its place in `text`. */
export function expressionError(
  text: string, code: ExpressionErrorCode, detail: string, start: number, end: number, suggestion?: string,
): ExpressionError {
  const message = `${placeOf(text, start)}: ${detail}`;
  return suggestion === undefined ? { code, message, start, end } : { code, message, start, end, suggestion };
}

/** The internal carrier of an error: thrown inside the language, caught at its public functions. */
export class ExpressionFault {
  constructor(
    readonly code: ExpressionErrorCode,
    readonly detail: string,
    readonly start: number,
    readonly end: number,
    readonly suggestion?: string,
  ) {}
}

/**
 * Runs `work`, turning an ExpressionFault into its error value and anything else (a defect,
 * an engine limit) into an 'internal' error over the whole of [start, end): never throws.
 */
export function guard<T>(text: string, start: number, end: number, work: () => T): Result<T> {
  try {
    return ok(work());
  } catch (e) {
    if (e instanceof ExpressionFault) return { ok: false, error: expressionError(text, e.code, e.detail, e.start, e.end, e.suggestion) };
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: expressionError(text, 'internal', `internal error (${why})`, start, end) };
  }
}
