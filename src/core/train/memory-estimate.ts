/**
 * How much memory a training run will take, estimated before anything is allocated, so
 * that a run that cannot fit is refused with a message instead of crashing the worker (or
 * the machine) part-way. An upper estimate from the shapes alone, in bytes, by part:
 *
 *   parameters     P = Σ_l s_(l+1)(s_l + 1) doubles per vector: θ₀, the optimiser's θ, the
 *                  gradient D, the last finite θ, plus the optimiser's own state
 *                  (OPTIMIZER_VECTORS: lbfgs keeps 2·10 pairs, adam 2 moments, momentum 1 …)
 *   evaluators     two (training, metrics), each with z, a and δ for a chunk of examples
 *                  (3 · chunk · Σ s_l doubles) and the gathered chunk inputs and targets
 *   data           the examples twice (the table, then the training/validation copies):
 *                  2 · m · (n + k) doubles, labels, and the predictions of the metrics
 *                  (m · k doubles)
 *   source         a CSV's text (2 bytes a character) and its cells as strings while parsed
 *   weights text   the weights file as JSON text, about 24 characters a parameter
 *
 * Pure: no I/O. The caller compares `total` with its limit (checkRunMemory).
 */
import type { Failure } from '../diagnostic';
import type { OptimizerName, Spec } from '../spec/schema';

const DOUBLE = 8;
const MiB = 1024 * 1024;
/** The evaluator's smallest chunk of examples and its budget of doubles a buffer (evaluator.ts; a test keeps them equal). */
export const EVALUATOR_CHUNK = 64;
export const EVALUATOR_CHUNK_BUDGET = 32768;

/** The default limit on a run's estimated memory: 4 GiB (setting nnspec.limits.maxMemoryMB). */
export const DEFAULT_MAX_MEMORY_MB = 4096;

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
  /** When the data comes from a CSV file: its size in bytes, when known. */
  readonly csvBytes?: number;
  /** When the data comes from a CSV file: its number of columns (default n + 1). */
  readonly csvColumns?: number;
  readonly source: 'csv' | 'rows' | 'generate';
}

export interface MemoryPart {
  readonly name: 'parameters' | 'evaluators' | 'data' | 'source' | 'weights text';
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
  const evaluators = 2 * (3 * chunk * width + chunk * (n + k)) * DOUBLE;
  const data = (2 * m * (n + k) + m * k) * DOUBLE + 2 * m * 4;
  const columns = shape.csvColumns ?? n + 1;
  const source =
    shape.source === 'csv'
      ? // The text as a JS string (2 bytes a character), and each cell as a small string (~40 bytes).
        2 * (shape.csvBytes ?? m * columns * 8) + m * columns * 40
      : 0;
  const weightsText = 24 * P * 3;
  const parts: MemoryPart[] = [
    { name: 'parameters', bytes: parameters },
    { name: 'evaluators', bytes: evaluators },
    { name: 'data', bytes: data },
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
 * gives the estimate, its largest parts, the limit and the setting that raises it.
 */
export function checkRunMemory(estimate: MemoryEstimate, maxMB: number = DEFAULT_MAX_MEMORY_MB): Failure<MemoryCode> | undefined {
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
      `Training would need about ${formatMB(estimate.bytes)} of memory (${largest}), over the limit of ${formatMB(limit)}; ` +
      'use fewer or smaller layers or fewer examples, or raise the setting nnspec.limits.maxMemoryMB.',
  };
}

/** Bytes for people, in MiB below 1 GiB and in GiB above (one decimal); "more than 1e6 GiB" for absurd sizes. */
export function formatMB(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes > 1e6 * 1024 * MiB) return 'more than 1,000,000 GiB';
  if (bytes < 1024 * MiB) return `${Number((bytes / MiB).toFixed(1))} MiB`;
  return `${Number((bytes / (1024 * MiB)).toFixed(1))} GiB`;
}
