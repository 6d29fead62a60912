import type { DataErrorCode } from '../core/data/data-error';
import type { Diagnostic } from '../core/diagnostic';
import type { WeightsWriteCode } from '../data/weights-file';
import type { SpecFailureCode } from '../protocol/failure-code';

/** Why a spec and its data could not be opened (what a worker passes on in its `failed` event). */
export type OpenFailureCode = SpecFailureCode | DataErrorCode;

/** Every code a job failure can carry: opening the spec and its data, or writing the weights. */
export type JobFailureCode = OpenFailureCode | WeightsWriteCode;

/**
 * Why a job (train, check, …) could not run or finish: a code, a message, and, when the
 * fault is in the spec, the validator's diagnostics (offsets into `specText`) so every
 * caller can show them at the right place.
 */
export interface JobFailure<Code extends JobFailureCode = JobFailureCode> {
  readonly code: Code;
  readonly message: string;
  readonly diagnostics?: readonly Diagnostic[];
  /** The spec text the diagnostics' offsets refer to. */
  readonly specText?: string;
  /** For data errors: the file, and 1-based line and column where known. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export type JobResult<T, Code extends JobFailureCode = JobFailureCode> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: JobFailure<Code> };
