/**
 * Data-parallel evaluation as the core sees it: other threads take pieces of a batch while this
 * one takes the rest, each running the reference backprop (backprop.ts) on its pieces; their
 * sums are added. src/parallel provides it with worker_threads, owned by the job that made it
 * (the core imports no platform module and keeps no pool of its own).
 */
import type { Batch } from '../batch';
import type { GradientSums } from '../gradient-sums';
import type { Architecture } from '../network';
import type { KernelSet } from './kernel-set';

/** Other threads sharing one evaluator's batches. */
export interface BatchSharing {
  /**
   * Adds the gradient sums of the whole batch at θ into out, sharing its pieces with the other
   * threads; `kernels` (begun at θ by the caller) computes this thread's pieces. Returns the
   * threads that took part, this one included (1 when the others were not free in time, or
   * the pool has been disposed: then this thread did it all).
   */
  share(kernels: KernelSet, theta: Float64Array, batch: Batch, out: GradientSums): number;
}

/** What makes the sharing of each evaluator (a pool of threads, for example). */
export interface BatchSharingProvider {
  /** The sharing for one evaluator, or undefined when there are no other threads. */
  sharingFor(architecture: Architecture, chunk: number, parameterCount: number): BatchSharing | undefined;
}

/**
 * Below this many multiply-adds per pass (m · |θ|) the evaluator stays on one thread: waking
 * another thread and adding its Δ costs tens of microseconds.
 */
export const PARALLEL_MIN_WORK = 1_000_000;
