/**
 * The optimisers, keyed by the names users write in `.nnspec` (train.optimizer). Each
 * minimises an Objective from θ0, which it never writes, and returns its own θ. Each comes
 * twice: as steps (`optimizerSteps`, for a driver of steps.ts) and drained at once (`optimizers`).
 */
import type { OptimizerName } from '../../spec/schema';
import { cgSteps } from './cg';
import { firstOrderSteps } from './first-order';
import { lbfgsSteps } from './lbfgs';
import type { AnyObjective, LearningRateCell, OptimizeOptions, OptimizeResult, Optimizer, OptimizerSteps } from './objective';
import { adamStep, gradientStep, momentumStep } from './step-rules';
import { runToEnd, type Steps } from './steps';

/** Default step sizes α (as the spec's effectiveLearningRate). */
export const DEFAULT_LEARNING_RATE = { gd: 0.5, momentum: 0.5, adam: 0.01 } as const;
/** Default momentum β. */
export const DEFAULT_MOMENTUM = 0.9;

function learningRate(options: OptimizeOptions, fallback: number): LearningRateCell {
  const rate = options.adjustableLearningRate ?? { value: options.learningRate ?? fallback };
  if (!(rate.value > 0 && Number.isFinite(rate.value))) throw new RangeError(`learningRate must be > 0, got ${rate.value}`);
  return rate;
}

/** Full-batch gradient descent θ ← θ − α∇J, as steps; options.batchSize is ignored. */
export function gdSteps(objective: AnyObjective, theta0: Float64Array, options: OptimizeOptions): Steps<OptimizeResult> {
  return firstOrderSteps(objective, theta0, options, gradientStep(learningRate(options, DEFAULT_LEARNING_RATE.gd)), true);
}

/** Momentum on mini-batches, as steps: v ← βv − α∇J_batch, θ ← θ + v; an iteration is an epoch. */
export function momentumSteps(objective: AnyObjective, theta0: Float64Array, options: OptimizeOptions): Steps<OptimizeResult> {
  const beta = options.momentum ?? DEFAULT_MOMENTUM;
  if (!(beta >= 0 && beta < 1)) throw new RangeError(`momentum must be in [0, 1), got ${beta}`);
  return firstOrderSteps(objective, theta0, options, momentumStep(theta0.length, learningRate(options, DEFAULT_LEARNING_RATE.momentum), beta), false);
}

/** Adam on mini-batches (β1 0.9, β2 0.999, ε 1e-8, bias-corrected), as steps; an iteration is an epoch. */
export function adamSteps(objective: AnyObjective, theta0: Float64Array, options: OptimizeOptions): Steps<OptimizeResult> {
  return firstOrderSteps(objective, theta0, options, adamStep(theta0.length, learningRate(options, DEFAULT_LEARNING_RATE.adam)), false);
}

/** Every optimiser as steps, by its `.nnspec` name. */
export const optimizerSteps: Readonly<Record<OptimizerName, OptimizerSteps>> = { gd: gdSteps, momentum: momentumSteps, adam: adamSteps, cg: cgSteps, lbfgs: lbfgsSteps };

/** The optimiser drained at once: the run as one synchronous loop. */
function drained(steps: OptimizerSteps): Optimizer {
  return (objective, theta0, options) => runToEnd(steps(objective, theta0, options));
}

/** Full-batch gradient descent (gdSteps), drained. */
export const gd = drained(gdSteps);
/** Momentum (momentumSteps), drained. */
export const momentum = drained(momentumSteps);
/** Adam (adamSteps), drained. */
export const adam = drained(adamSteps);
/** PR+ conjugate gradient (cg.ts), drained. */
export const cg = drained(cgSteps);
/** L-BFGS (lbfgs.ts), drained. */
export const lbfgs = drained(lbfgsSteps);

/** Every optimiser by its `.nnspec` name. */
export const optimizers: Readonly<Record<OptimizerName, Optimizer>> = { gd, momentum, adam, cg, lbfgs };
