/**
 * The optimisers, keyed by the names users write in `.nnspec` (train.optimizer). Each
 * minimises an Objective from θ0, which it never writes, and returns its own θ.
 */
import type { OptimizerName } from '../../spec/schema';
import { cg } from './cg';
import { runFirstOrder } from './first-order';
import { lbfgs } from './lbfgs';
import type { LearningRateCell, Objective, OptimizeOptions, OptimizeResult, Optimizer } from './objective';
import { adamStep, gradientStep, momentumStep } from './step-rules';

/** Default step sizes α (as the spec's effectiveLearningRate). */
export const DEFAULT_LEARNING_RATE = { gd: 0.5, momentum: 0.5, adam: 0.01 } as const;
/** Default momentum β. */
export const DEFAULT_MOMENTUM = 0.9;

function learningRate(options: OptimizeOptions, fallback: number): LearningRateCell {
  const rate = options.adjustableLearningRate ?? { value: options.learningRate ?? fallback };
  if (!(rate.value > 0 && Number.isFinite(rate.value))) throw new RangeError(`learningRate must be > 0, got ${rate.value}`);
  return rate;
}

/** Full-batch gradient descent θ ← θ − α∇J; options.batchSize is ignored. */
export function gd(objective: Objective, theta0: Float64Array, options: OptimizeOptions): OptimizeResult {
  return runFirstOrder(objective, theta0, options, gradientStep(learningRate(options, DEFAULT_LEARNING_RATE.gd)), true);
}

/** Momentum on mini-batches: v ← βv − α∇J_batch, θ ← θ + v; an iteration is an epoch. */
export function momentum(objective: Objective, theta0: Float64Array, options: OptimizeOptions): OptimizeResult {
  const beta = options.momentum ?? DEFAULT_MOMENTUM;
  if (!(beta >= 0 && beta < 1)) throw new RangeError(`momentum must be in [0, 1), got ${beta}`);
  return runFirstOrder(objective, theta0, options, momentumStep(theta0.length, learningRate(options, DEFAULT_LEARNING_RATE.momentum), beta), false);
}

/** Adam on mini-batches (β1 0.9, β2 0.999, ε 1e-8, bias-corrected); an iteration is an epoch. */
export function adam(objective: Objective, theta0: Float64Array, options: OptimizeOptions): OptimizeResult {
  return runFirstOrder(objective, theta0, options, adamStep(theta0.length, learningRate(options, DEFAULT_LEARNING_RATE.adam)), false);
}

/** Every optimiser by its `.nnspec` name. */
export const optimizers: Readonly<Record<OptimizerName, Optimizer>> = { gd, momentum, adam, cg, lbfgs };
