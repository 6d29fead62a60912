/**
 * A problem found in user input, as a value: the core never throws on bad input.
 * Offsets are UTF-16 code-unit offsets into the text that was checked; they become
 * line/column positions only at the edges (the CLI, VS Code).
 */
export type Severity = 'error' | 'warning' | 'info';

/** A half-open range [start, end) of offsets into the checked text. */
export type OffsetRange = readonly [start: number, end: number];

export interface RelatedInformation {
  readonly message: string;
  readonly range: OffsetRange;
}

export interface Diagnostic<Code extends string = string> {
  /** Stable machine-readable code; tests and quick fixes key on it, never on the message. */
  readonly code: Code;
  readonly severity: Severity;
  /** One sentence a newcomer understands. */
  readonly message: string;
  readonly range: OffsetRange;
  readonly related?: readonly RelatedInformation[];
  /** Machine-readable detail for quick fixes (e.g. the suggested replacement). */
  readonly fix?: DiagnosticFix;
}

/** A replacement a quick fix can apply: put `text` over `range`. */
export interface DiagnosticFix {
  readonly title: string;
  readonly range: OffsetRange;
  readonly text: string;
}

/** An error that is not tied to a place in a text (an I/O failure, a diverging run). */
export interface Failure<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
}

export type Result<T, Code extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: Failure<Code> };
