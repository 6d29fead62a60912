/**
 * The fixed pieces a batch's gradient sums are cut into, so that J and D do not depend on the
 * number of threads or on which thread takes which piece: piece p is examples
 * [p · rows, min(m, (p + 1) · rows)), its Σ J_i, Δ and Σ|δ| are computed from zero into a
 * buffer of its own, and the pieces are added into the result in piece order,
 * out = (((0 + s_0) + s_1) + … + s_(count−1)). The cut depends on m and |θ| only.
 */
import { gradientSums } from './backprop';
import type { Batch } from './batch';
import type { GradientSums } from './gradient-sums';
import type { KernelSet } from './kernels/kernel-set';

/** The fewest examples in a piece: the kernels' blocks need rows, and each piece pays a few calls. */
export const MIN_PIECE_ROWS = 64;

/** About this many pieces per batch: small enough to balance two threads, large enough that taking one costs nothing. */
export const PIECES_PER_BATCH = 16;

/** Bytes the piece buffers of one evaluator may take (count · |θ| · 8); at least 2 pieces are kept whatever |θ|. */
export const PIECE_BUFFER_BUDGET = 64 * 1024 * 1024;

/** How a batch of m examples is cut: `rows` examples a piece (the last may hold fewer), `count` pieces. */
export interface BatchPieces {
  readonly rows: number;
  readonly count: number;
}

/** The most pieces whose Δ buffers (|θ| doubles each) fit PIECE_BUFFER_BUDGET, and never fewer than 2. */
export function maxPieces(parameterCount: number): number {
  return Math.max(2, Math.min(PIECES_PER_BATCH, Math.floor(PIECE_BUFFER_BUDGET / (8 * Math.max(1, parameterCount)))));
}

/** The pieces of a batch of m ≥ 1 examples for a network of `parameterCount` parameters. */
export function batchPieces(m: number, parameterCount: number): BatchPieces {
  let rows = Math.max(MIN_PIECE_ROWS, Math.ceil(m / PIECES_PER_BATCH));
  const most = maxPieces(parameterCount);
  if (Math.ceil(m / rows) > most) rows = Math.ceil(m / most);
  return { rows, count: Math.ceil(m / rows) };
}

/**
 * The sums of piece p alone, from zero, into `slot` (kernels.startPiece … finishPiece), so slot
 * holds the piece's whole Σ J_i, Δ and Σ|δ| on return and nothing of it reaches the previous
 * Δ target. Call between kernels.begin and kernels.end.
 */
export function pieceGradientSums(
  kernels: KernelSet, batch: Batch, pieces: BatchPieces, p: number, slot: GradientSums,
): void {
  const abs = slot.absDeltaSum;
  for (let l = 0; l < abs.length; l++) abs[l] = 0;
  slot.costSum[0] = 0;
  kernels.startPiece(slot.Delta);
  const r0 = p * pieces.rows;
  gradientSums(kernels, batch, r0, Math.min(batch.m, r0 + pieces.rows), slot);
  kernels.finishPiece();
}

/**
 * out += s, entry by entry (Δ, Σ|δ^(l)|, Σ J_i): one step of the in-order reduction. Adding
 * onto a cleared out (+0) never yields −0, so the result is the same as copying the first piece.
 */
export function addGradientSums(out: GradientSums, s: GradientSums, parameters: number): void {
  const outDelta = out.Delta, Delta = s.Delta, outAbs = out.absDeltaSum, abs = s.absDeltaSum;
  for (let k = 0; k < parameters; k++) outDelta[k] = outDelta[k]! + Delta[k]!;
  for (let l = 0; l < outAbs.length; l++) outAbs[l] = outAbs[l]! + abs[l]!;
  out.costSum[0] = out.costSum[0]! + s.costSum[0]!;
}

/**
 * The sums of the whole batch added into out piece by piece on one thread, through one scratch
 * slot: the same bits as any sharing of the same pieces between threads. Call between
 * kernels.begin(θ, out.Delta) and kernels.end(); the Δ target is out.Delta again on return.
 */
export function sumInPieces(
  kernels: KernelSet, batch: Batch, pieces: BatchPieces, scratch: GradientSums, out: GradientSums, parameters: number,
): void {
  for (let p = 0; p < pieces.count; p++) {
    pieceGradientSums(kernels, batch, pieces, p, scratch);
    addGradientSums(out, scratch, parameters);
  }
  kernels.setDeltaTarget(out.Delta);
}
