/**
 * What the caller and a pool thread share: the control words (Int32Array on shared memory) and
 * the setup messages (sent on a MessagePort, read synchronously by the worker).
 */
import type { GradientSums } from '../core/nn/gradient-sums';
import type { Architecture } from '../core/nn/network';

/** Indices of the control words. */
export const CONTROL = {
  /** Sequence number of the last job announced (the worker waits on it). */
  JOB: 0,
  /** Sequence number of the last job finished (the caller waits on it). */
  DONE: 1,
  /** Non-zero when the last job failed. */
  FAILED: 2,
  /** The job: evaluator id, data id, rows per piece (batch-pieces.ts), example count m, 1 when rows are given. */
  EVALUATOR: 3,
  DATA: 4,
  PIECE_ROWS: 5,
  COUNT: 6,
  ROWS: 7,
  /** The last job's state: JOB_PENDING until the worker takes it (RUNNING) or the caller takes it back (CANCELLED). */
  STATE: 8,
  /** The next piece to take (every thread adds 1 to take one), and how many pieces there are. */
  NEXT: 9,
  PIECES: 10,
  /** The caller's kernels, which the pool thread uses too: KERNELS_TYPESCRIPT or KERNELS_WASM. */
  KERNELS: 11,
  SIZE: 12,
} as const;

/** Values of the STATE word. */
export const JOB_IDLE = 0, JOB_PENDING = 1, JOB_RUNNING = 2, JOB_CANCELLED = 3;

/** Values of the KERNELS word. */
export const KERNELS_TYPESCRIPT = 0, KERNELS_WASM = 1;

/** Setup of the worker: an evaluator with its θ, its piece slots, a batch's data, a rows buffer. */
export type SetupMessage =
  | {
      readonly type: 'evaluator';
      readonly id: number;
      readonly architecture: Architecture;
      readonly chunk: number;
      /** θ, written by the caller before each job (only read here). */
      readonly theta: Float64Array;
    }
  | {
      /**
       * The evaluator's piece slots (sent again when a batch needs more): slot p holds piece p's
       * sums, whichever thread took it: Δ at p·|θ|, Σ|δ^(l)| at p·L + layerIndex(l), Σ J_i at p.
       */
      readonly type: 'slots';
      readonly id: number;
      readonly count: number;
      readonly Delta: Float64Array;
      readonly absDeltaSum: Float64Array;
      readonly costSum: Float64Array;
      /** done[p] is set to 1 once slot p holds its piece's whole sums (the caller clears it before each job). */
      readonly done: Int32Array;
    }
  | { readonly type: 'data'; readonly id: number; readonly X: Float64Array; readonly Y: Float64Array }
  | { readonly type: 'rows'; readonly id: number; readonly rows: Int32Array }
  /** The caller no longer holds the evaluator or data of this id (garbage-collected): free it. */
  | { readonly type: 'drop'; readonly id: number };

/** The `count` slots of one message's arrays, as GradientSums views (the caller's and the worker's alike). */
export function slotViews(
  count: number, parameters: number, layers: number, Delta: Float64Array, absDeltaSum: Float64Array, costSum: Float64Array,
): GradientSums[] {
  const slots: GradientSums[] = [];
  for (let p = 0; p < count; p++) {
    slots.push({
      Delta: Delta.subarray(p * parameters, (p + 1) * parameters),
      absDeltaSum: absDeltaSum.subarray(p * layers, (p + 1) * layers),
      costSum: costSum.subarray(p, p + 1),
    });
  }
  return slots;
}
