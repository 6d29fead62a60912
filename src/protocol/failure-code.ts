/**
 * Every code a worker's `failed` event can carry, so the host can tell them apart with the
 * compiler's help. The data and weights codes are the core's own unions.
 */
import type { DataErrorCode } from '../core/data/data-error';
import type { WeightsErrorCode } from '../core/weights/format';

/** Why a job could not open its spec. */
export type SpecFailureCode =
  /** The spec file could not be read. */
  | 'spec-unreadable'
  /** The spec has errors; the event carries the validator's diagnostics. */
  | 'spec-invalid';

/** Why a worker ended without its job's answer: the worker itself, not the spec or data, failed. */
export type WorkerFailureCode =
  /** The worker was given a job type it does not know (a host and worker of different builds). */
  | 'unknown-job'
  /** The job threw: a bug, reported instead of lost. */
  | 'internal-error'
  /** The thread died or exited before its final event (the host's observation). */
  | 'worker-crashed'
  /** The host ended the thread on purpose: a stop, a newer job replacing it, a deleted spec (the host's observation). */
  | 'worker-terminated'
  /** The job's worker could not be started (the browser build: no Web Workers, or its script did not load); the message says why. */
  | 'worker-unavailable';

export type FailureCode = SpecFailureCode | DataErrorCode | WeightsErrorCode | WorkerFailureCode;
