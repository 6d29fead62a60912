/**
 * The weights file, `<spec>.weights.json` beside the spec. Other tools read it, so these
 * names are fixed:
 *
 * ```json
 * {
 *   "format": "nnspec-weights",
 *   "version": 1,
 *   "specHash": "fnv1a64:…",             // see spec-hash.ts
 *   "layers": [                           // Θ^(1) … Θ^(L−1)
 *     {"rows": 2, "cols": 3, "data": […]} // s_(l+1) × (s_l + 1), row-major, bias in column 0
 *   ],
 *   "normalization": {"kind": "standard", "shift": […], "scale": […]},  // x' = (x − shift) / scale
 *   "classes": ["setosa", …],             // classification: class index → value
 *   "run": {"optimizer": "lbfgs", "iterations": 100, "finalCost": 0.01, "reason": "iterations",
 *           "partial": false, "elapsedMs": 812, "trainAccuracy": 1, …}
 * }
 * ```
 *
 * Numbers are JSON doubles written in the shortest form that reads back to the same double
 * (−0 as `-0`), so weights round-trip exactly. Readers ignore keys they do not know.
 */
import type { Failure } from '../diagnostic';
import type { Normalization } from '../nn/dataset';

export const WEIGHTS_FORMAT = 'nnspec-weights';
export const WEIGHTS_VERSION = 1;

/** One weight matrix Θ^(l): `rows` × `cols` numbers, row-major, the bias in column 0. */
export interface WeightsLayer {
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly number[];
}

/** How the weights were obtained. */
export interface WeightsRun {
  readonly optimizer: string;
  /** Iterations (epochs for mini-batch optimisers) actually run. */
  readonly iterations: number;
  /** The training cost J at the saved weights; null when it was not finite. */
  readonly finalCost: number | null;
  /** The validation cost at the saved weights, when there was a validation part. */
  readonly validationCost?: number | null;
  /** Fraction of training examples classified correctly (classification). */
  readonly trainAccuracy?: number;
  /** Fraction of validation examples classified correctly (classification with validation). */
  readonly validationAccuracy?: number;
  /** Why training stopped (e.g. iterations, tolerance, cancelled, non-finite). */
  readonly reason: string;
  /** True when training stopped before it finished (cancelled or failed): the weights are a snapshot. */
  readonly partial: boolean;
  /** Wall time of the run in milliseconds. */
  readonly elapsedMs: number;
}

/** A parsed, validated weights file. */
export interface WeightsFile {
  readonly format: typeof WEIGHTS_FORMAT;
  readonly version: typeof WEIGHTS_VERSION;
  readonly specHash: string;
  readonly layers: readonly WeightsLayer[];
  /** Per-feature shift and scale, as long as the input layer (s_1). */
  readonly normalization: Normalization;
  readonly classes?: readonly (string | number)[];
  readonly run?: WeightsRun;
}

/** Why a weights file cannot be written, read, or used with a spec. */
export type WeightsErrorCode =
  /** The file could not be read (reported by the node edge). */
  | 'weights-unreadable'
  | 'weights-not-json'
  | 'weights-wrong-format'
  | 'weights-wrong-version'
  /** A required key is missing or has the wrong type. */
  | 'weights-invalid'
  /** A weight or statistic is NaN, infinite or null. */
  | 'weights-non-finite'
  /** The file has a different number of weight matrices than the spec has layers − 1. */
  | 'weights-layer-count'
  /** A matrix is not s_(l+1) × (s_l + 1), or its data is not rows × cols long. */
  | 'weights-layer-shape';

/** A weights failure; `layer` is the 1-based l of Θ^(l) when one layer is at fault. */
export interface WeightsFailure extends Failure<WeightsErrorCode> {
  readonly layer?: number;
}

export type WeightsResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: WeightsFailure };
