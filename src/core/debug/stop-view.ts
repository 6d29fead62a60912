/**
 * What is known at a stop of a debugged run, for Variables, the Debug Console and hovers: the
 * step, θ (live: Set Value writes into it), and whichever of Δ, D, J and the example's a^(l),
 * z^(l), δ^(l) the run has computed there.
 */
import type { Architecture, LayerShape } from '../nn/network';
import type { OptimizerName } from '../spec/schema';
import type { LayerValues } from './stepped-evaluation';
import type { StepPoint } from './step-point';

/** The example a stop is inside. */
export interface StoppedExample {
  /** 0-based, in the evaluation's batch. */
  readonly index: number;
  /** 0-based row of the training data (differs from `index` in a mini-batch). */
  readonly row: number;
  readonly values: (l: number) => LayerValues;
  /** y of the example. */
  readonly y: Float64Array;
}

/** Training only: what the optimiser runs with. */
export interface TrainingState {
  readonly optimizer: OptimizerName;
  /** gd, momentum and adam. */
  readonly learningRate?: number;
  readonly batchSize: number | 'all';
  readonly maxIterations: number;
}

export interface StopView {
  readonly step: StepPoint;
  readonly mode: 'evaluate' | 'train';
  readonly architecture: Architecture;
  readonly shapes: readonly LayerShape[];
  /** Examples in the evaluation (the training set at an iteration's end). */
  readonly m: number;
  readonly lambda: number;
  /** θ of the evaluation or iteration; Set Value writes here. */
  readonly theta: Float64Array;
  /** Σ over the examples so far; only when the evaluation went example by example. */
  readonly Delta?: Float64Array;
  /** ∂J/∂θ, once the evaluation (or iteration) is done. */
  readonly D?: Float64Array;
  readonly J?: number;
  readonly example?: StoppedExample;
  /** Training: iterations completed. */
  readonly iteration?: number;
  /** Evaluations so far, this one included. */
  readonly evaluation: number;
  readonly training?: TrainingState;
}
