/**
 * What the inspector shows of a network at one θ: the weights (small networks only), their
 * per-layer sizes, one example's backprop trace, the output over the input plane and, at
 * the end of a run, the confusion matrix. Plain arrays, so a snapshot crosses worker,
 * extension host and webview as JSON without conversion.
 */
import type { SymmetricLayer } from '../nn/symmetry';

/** Networks with more parameters send per-layer summaries only, not θ and D. */
export const SNAPSHOT_THETA_LIMIT = 20_000;

/** Θ^(l) at a glance (index l − 1): its shape and the size of its entries. */
export interface WeightLayerSummary {
  readonly rows: number;
  readonly cols: number;
  /** Mean |Θ^(l)_ij| over all entries (bias column included). */
  readonly meanAbs: number;
  readonly maxAbs: number;
}

/** One example through the network (lecture notation; index l − 1 for layer l). */
export interface TraceData {
  /** 0-based index into the training set. */
  readonly example: number;
  /** a^(1) = x (after the spec's normalisation). */
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** z^(l) (empty for l = 1). */
  readonly z: readonly (readonly number[])[];
  /** a^(l) without the bias unit a_0 = 1. */
  readonly a: readonly (readonly number[])[];
  /** δ^(l) = ∂J_i/∂z^(l) (empty for l = 1). */
  readonly delta: readonly (readonly number[])[];
  /** J_i, the example's unregularised cost. */
  readonly cost: number;
}

/** Two input features: h over a grid of the plane, with the data drawn on it. */
export interface PlaneGrid {
  readonly kind: 'plane';
  /** The plane spans [x0, x1] × [y0, y1] in normalised feature units. */
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** nx × ny cells, row-major from y0 upwards. */
  readonly nx: number;
  readonly ny: number;
  /** The predicted class of each cell. */
  readonly cls: readonly number[];
  /** How sure: the winning output (or max(h, 1 − h) for one sigmoid output), in [0, 1]. */
  readonly confidence: readonly number[];
  readonly classes: number;
  readonly points: readonly GridPoint[];
}

/** Regression on one input: the prediction over the data's x range, with the data. */
export interface CurveGrid {
  readonly kind: 'curve';
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly points: readonly GridPoint[];
}

export interface GridPoint {
  readonly x: number;
  /** The second feature (plane) or the target (curve). */
  readonly y: number;
  /** The class (plane); 0 for curves. */
  readonly label: number;
  readonly split: 'train' | 'validation';
}

export interface ConfusionMatrix {
  readonly classes: readonly string[];
  /** counts[actual][predicted] on the training set. */
  readonly counts: readonly (readonly number[])[];
}

export type WeightsSource = 'initial' | 'weights-file' | 'training' | 'trained';

export interface InspectionSnapshot {
  readonly source: WeightsSource;
  /** The iteration the weights come from, during or after training. */
  readonly iteration?: number;
  readonly sizes: readonly number[];
  readonly parameterCount: number;
  /** m, the training examples one can trace (0 … m − 1). */
  readonly trainExamples: number;
  readonly layers: readonly WeightLayerSummary[];
  /** θ unrolled (Θ^(1) first, row-major), when parameterCount ≤ SNAPSHOT_THETA_LIMIT. */
  readonly theta?: readonly number[];
  /** D = ∂J/∂θ on the training set at θ, unrolled like θ, under the same limit. */
  readonly gradient?: readonly number[];
  /** J(θ) on the training set (regularised), when the gradient was computed. */
  readonly cost?: number;
  readonly trace?: TraceData;
  readonly grid?: PlaneGrid | CurveGrid;
  readonly confusion?: ConfusionMatrix;
  /** Hidden units with identical incoming weights (e.g. after zero initialisation). */
  readonly symmetry?: readonly SymmetricLayer[];
}
