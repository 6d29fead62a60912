/**
 * Data-parallel evaluation as the core sees it: other threads evaluate pieces of a batch while
 * the evaluator evaluates the rest; Σ J_i, Δ and Σ|δ| of the parts are added. The core only knows this interface; src/parallel/pool.ts provides it with
 * worker_threads and installs it (the core imports no platform module).
 */
import type { Architecture } from '../network';

/** A batch as the evaluator takes it (see evaluator.ts). */
export interface ShardBatch {
  readonly X: Float64Array;
  readonly Y: Float64Array;
  readonly m: number;
  readonly rows?: Int32Array;
}

/**
 * The other threads' share of one evaluator's batches. The batch is cut into pieces of
 * `pieceRows` examples; every thread takes the next piece from a shared counter until none is
 * left, each adding into its own Δ; the caller then adds the others' sums to its own.
 */
export interface RemoteShards {
  /** Starts the other threads on the batch at θ (only read); returns the rows per piece. */
  start(theta: Float64Array, data: ShardBatch): number;
  /** The next piece for the caller (examples [i·pieceRows, (i + 1)·pieceRows) ∩ [0, m)), or −1 when none is left. */
  next(): number;
  /**
   * Waits for the other threads' pieces; adds their Δ sums into gradOut and their |δ| sums into
   * absDelta; returns their Σ J_i, or undefined when no other thread took part.
   */
  finish(gradOut: Float64Array, absDelta: Float64Array): number | undefined;
  /** The threads evaluating, the caller's included. */
  readonly threads: number;
}

/** Makes the remote part for one evaluator, or undefined when there are no other threads. */
export type RemoteShardFactory = (architecture: Architecture, chunk: number, parameterCount: number) => RemoteShards | undefined;

/**
 * Below this many multiply-adds per pass (m · |θ|) the evaluator stays on one thread: waking
 * another thread and adding its Δ costs tens of microseconds.
 */
export const PARALLEL_MIN_WORK = 1_000_000;

let factory: RemoteShardFactory | undefined;

/** Installs (or removes) data-parallel evaluation for evaluators made afterwards. */
export function installRemoteShards(f: RemoteShardFactory | undefined): void {
  factory = f;
}

/** The installed factory, if any. */
export function remoteShardFactory(): RemoteShardFactory | undefined {
  return factory;
}
