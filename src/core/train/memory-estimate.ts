/**
 * How much memory a training run will take, estimated before anything is allocated, so
 * that a run that cannot fit is refused with a message instead of crashing the worker (or
 * the machine) part-way. An upper estimate from the shapes alone, in bytes, by part:
 *
 *   parameters     P = Σ_l s_(l+1)(s_l + 1) doubles per vector: θ₀, the optimiser's θ, the
 *                  gradient D, the last finite θ, plus the optimiser's own state
 *                  (OPTIMIZER_VECTORS: lbfgs keeps 2·10 pairs, adam 2 moments, momentum 1 …)
 *   evaluators     two (training, metrics), each with z, a and δ for a chunk of examples
 *                  (3 · chunk · Σ s_l doubles) and the gathered chunk inputs and targets;
 *                  and the training one's piece buffers (core/nn/batch-pieces.ts): a Δ of P
 *                  doubles for each fixed piece of the batch (up to 16, together within
 *                  PIECE_BUFFER_BUDGET = 64 MiB, but never fewer than 2), which two threads
 *                  fill (one thread keeps a single scratch piece instead)
 *   data           the examples twice (the table, then the training/validation copies):
 *                  2 · m · (n + k) doubles, labels, and the predictions of the metrics
 *                  (m · k doubles). Loading a CSV fits in it too: its blocks of doubles
 *                  are copied once into the table, two copies of m · n for that moment
 *   shared data    the examples once more (m · (n + k) doubles): with two threads, the
 *                  evaluation pool copies each batch it splits into shared memory
 *                  (parallel/evaluation-pool.ts); counted always, as an upper bound
 *   source         reading a CSV: it is parsed as a stream straight into typed arrays, so
 *                  never its text or its cells as strings, but one chunk and the blocks'
 *                  unfilled ends (CSV_READ_BUFFERS, whatever the file's size) and the
 *                  target column while it is read: its value, its class-name code and the
 *                  table's target, 20 bytes a row
 *   weights text   the weights file as JSON text, about 24 characters a parameter
 *
 * Before a CSV is parsed, m is not known: the probe's count of its line breaks bounds it
 * (DataProbe.rowsBound), and the estimate with that many examples is an upper bound on the
 * run's, tight for an ordinary file (one record a line).
 *
 * Pure: no I/O. The caller compares `total` with its limit (checkRunMemory).
 */
import type { Failure } from '../diagnostic';
import { batchPieces } from '../nn/batch-pieces';
import type { OptimizerName, Spec } from '../spec/schema';

const DOUBLE = 8;
const MiB = 1024 * 1024;
/** The evaluator's smallest chunk of examples and its budget of doubles a buffer (evaluator.ts; a test keeps them equal). */
export const EVALUATOR_CHUNK = 64;
export const EVALUATOR_CHUNK_BUDGET = 32768;

/** The default limit on a run's estimated memory: 4 GiB (setting nnspec.limits.maxMemoryMB). */
export const DEFAULT_MAX_MEMORY_MB = 4096;

/** The names under which users set the memory limit, for the messages that refuse a run. */
export const MAX_MEMORY_SETTING = 'nnspec.limits.maxMemoryMB (CLI: --max-memory-mb)';

/**
 * What reading a CSV holds whatever its size (src/data/csv-chunks.ts): the chunk read (256
 * KiB), its text, the same encoded again for csv-parse and the record being parsed, about
 * 1.5 MiB; and the unfilled end of the last block of each column the table fills
 * (core/data/typed-blocks.ts: blocks of at most 64 Ki values, 1.25 MiB for X, the target's
 * values and its codes). 4 MiB is generous.
 */
export const CSV_READ_BUFFERS = 4 * MiB;

/** Working vectors of length P an optimiser keeps beyond θ₀, θ, D and the last finite θ. */
export const OPTIMIZER_VECTORS: Readonly<Record<OptimizerName, number>> = {
  // The previous θ (for the step's size).
  gd: 1,
  // The previous θ and the velocity v.
  momentum: 2,
  // The previous θ, the mean mini-batch gradient and the moments m and v.
  adam: 4,
  // The direction d and the line search's trial and bracketing θ and D.
  cg: 5,
  // The 2·10 pairs (s, y), the direction d and the line search's 4 vectors.
  lbfgs: 25,
};

/** The shape of a run: all the estimate needs. */
export interface RunShape {
  /** Units s_1 … s_L. */
  readonly sizes: readonly number[];
  /** Examples m (all of them: training and validation). */
  readonly examples: number;
  readonly optimizer: OptimizerName;
  readonly source: 'csv' | 'rows' | 'generate';
}

export interface MemoryPart {
  readonly name: 'parameters' | 'evaluators' | 'data' | 'shared data' | 'source' | 'weights text';
  readonly bytes: number;
}

export interface MemoryEstimate {
  /** Σ of the parts, in bytes (may be Infinity for absurd shapes, never NaN). */
  readonly bytes: number;
  readonly parts: readonly MemoryPart[];
  /** The parameter count P used. */
  readonly parameters: number;
}

/** The estimate for `shape` (see the module comment for each part). */
export function estimateRunMemory(shape: RunShape): MemoryEstimate {
  const sizes = shape.sizes.map((s) => Math.max(0, s));
  const n = sizes[0] ?? 0;
  const k = sizes[sizes.length - 1] ?? 0;
  const m = Math.max(0, shape.examples);
  let P = 0;
  for (let l = 0; l + 1 < sizes.length; l++) P += sizes[l + 1]! * (sizes[l]! + 1);
  const width = sizes.reduce((a, s) => a + s, 0);

  const parameters = (4 + OPTIMIZER_VECTORS[shape.optimizer]) * P * DOUBLE;
  // As the evaluator sizes its chunk (evaluator.ts): at least CHUNK rows, ~32k doubles a buffer.
  const chunk = Math.max(1, Math.min(Math.max(EVALUATOR_CHUNK, Math.floor(EVALUATOR_CHUNK_BUDGET / Math.max(1, width))), Math.max(1, m)));
  // The pieces of the largest batch, m (mini-batches are cut into no more); each Δ, Σ|δ^(l)|, Σ J_i.
  const pieces = P > 0 ? batchPieces(Math.max(1, m), P).count : 0;
  const evaluators = (2 * (3 * chunk * width + chunk * (n + k)) + pieces * (P + sizes.length + 1)) * DOUBLE;
  const data = (2 * m * (n + k) + m * k) * DOUBLE + 2 * m * 4;
  const shared = m * (n + k) * DOUBLE;
  // Streamed: the reader's buffers and the target column while it is read, never the text.
  const source = shape.source === 'csv' ? CSV_READ_BUFFERS + 20 * m : 0;
  const weightsText = 24 * P * 3;
  const parts: MemoryPart[] = [
    { name: 'parameters', bytes: parameters },
    { name: 'evaluators', bytes: evaluators },
    { name: 'data', bytes: data },
    { name: 'shared data', bytes: shared },
    { name: 'source', bytes: source },
    { name: 'weights text', bytes: weightsText },
  ];
  const bytes = parts.reduce((a, p) => a + p.bytes, 0);
  return { bytes: Number.isNaN(bytes) ? Infinity : bytes, parts, parameters: P };
}

/** The shape of the run a valid spec describes, with `examples` from the validator (DataShape.rows). */
export function runShapeOf(spec: Pick<Spec, 'layers' | 'train' | 'data'>, examples: number): RunShape {
  const data = spec.data;
  const source = 'csv' in data ? 'csv' : 'rows' in data ? 'rows' : 'generate';
  return { sizes: spec.layers.map((l) => l.units), examples, optimizer: spec.train.optimizer, source };
}

/** Why a run is refused before it starts. */
export type MemoryCode = 'memory-limit';

/**
 * Undefined when `estimate` fits in `maxMB` mebibytes; otherwise a failure whose message
 * gives the estimate, its largest parts, the limit and the setting that raises it. With
 * `basis`, the estimate is an upper bound and `basis` says what it rests on ("estimated
 * from the line breaks of x.csv (3 GiB: at most … data rows) before parsing it").
 */
export function checkRunMemory(estimate: MemoryEstimate, maxMB: number = DEFAULT_MAX_MEMORY_MB, basis?: string): Failure<MemoryCode> | undefined {
  const limit = Number.isFinite(maxMB) && maxMB > 0 ? maxMB * MiB : DEFAULT_MAX_MEMORY_MB * MiB;
  if (estimate.bytes <= limit) return undefined;
  const largest = [...estimate.parts]
    .filter((p) => p.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 2)
    .map((p) => `${p.name} ${formatMB(p.bytes)}`)
    .join(', ');
  return {
    code: 'memory-limit',
    message:
      `Training would need ${basis ? 'up to' : 'about'} ${formatMB(estimate.bytes)} of memory (${largest})${basis ? `, ${basis},` : ''} over the limit of ${formatMB(limit)}; ` +
      `use fewer or smaller layers or fewer examples, or raise the setting ${MAX_MEMORY_SETTING}.`,
  };
}

/** Bytes for people, in MiB below 1 GiB and in GiB above (one decimal); "more than 1e6 GiB" for absurd sizes. */
export function formatMB(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes > 1e6 * 1024 * MiB) return 'more than 1,000,000 GiB';
  if (bytes < 1024 * MiB) return `${Number((bytes / MiB).toFixed(1))} MiB`;
  return `${Number((bytes / (1024 * MiB)).toFixed(1))} GiB`;
}
