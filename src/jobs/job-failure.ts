import type { Diagnostic } from '../core/diagnostic';

/**
 * Why a job (train, check, …) could not run or finish: a code, a message, and, when the
 * fault is in the spec, the validator's diagnostics (offsets into `specText`) so every
 * caller can show them at the right place.
 */
export interface JobFailure {
  readonly code: string;
  readonly message: string;
  readonly diagnostics?: readonly Diagnostic[];
  /** The spec text the diagnostics' offsets refer to. */
  readonly specText?: string;
  /** For data errors: the file, and 1-based line and column where known. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export type JobResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: JobFailure };
