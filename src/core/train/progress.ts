/**
 * What a training run reports, to whoever listens (the CLI's progress bar, the worker's
 * throttled messages, the inspector). The trainer knows nothing of its listeners.
 */

/** Per weight layer Θ^(l), l = 1 … L−1. */
export interface LayerProgress {
  /** l of Θ^(l), 1-based as in the lecture. */
  readonly layer: number;
  /** ‖D^(l)‖, the Frobenius norm of the gradient of Θ^(l). */
  readonly gradientNorm: number;
  /** Mean |δ^(l+1)| over the units of layer l+1 and the examples of the last evaluation. */
  readonly meanAbsDelta: number;
}

export interface TrainingProgress {
  /** 1-based. */
  readonly iteration: number;
  readonly maxIterations: number;
  /** J on the training set (regularised) after this iteration. */
  readonly cost: number;
  /** J on the validation set, when there is one (unregularised). */
  readonly validationCost?: number;
  /** Classification only: the fraction of training examples classified correctly. */
  readonly trainAccuracy?: number;
  readonly validationAccuracy?: number;
  readonly layers: readonly LayerProgress[];
  /** Milliseconds since training started. */
  readonly elapsedMs: number;
}

export type StopReason = 'max-iterations' | 'converged' | 'cancelled' | 'not-finite' | 'stopped';

/** Where a run that turned NaN or infinite did so. */
export interface NotFiniteReport {
  readonly iteration: number;
  readonly where: 'cost' | 'gradient';
  /** The 1-based Θ layer where non-finite values first appeared, when known. */
  readonly layer?: number;
}

export interface TrainingSummary {
  readonly reason: StopReason;
  readonly iterations: number;
  readonly evaluations: number;
  readonly initialCost: number;
  readonly finalCost: number;
  readonly validationCost?: number;
  readonly trainAccuracy?: number;
  readonly validationAccuracy?: number;
  readonly elapsedMs: number;
  readonly notFinite?: NotFiniteReport;
  /** J after each iteration (index 0 = before the first). */
  readonly costHistory: readonly number[];
}
