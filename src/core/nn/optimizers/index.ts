/** The optimisers over the unrolled parameter vector θ; see registry.ts, and steps.ts for how a run is driven. */
export type { AnyObjective, IterationReport, LearningRateCell, NotFinite, Objective, OptimizeOptions, OptimizeResult, Optimizer, OptimizerSteps, SteppedObjective, StopReason } from './objective';
export type { OptimizerName } from '../../spec/schema';
export { adam, adamSteps, cg, DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM, gd, gdSteps, lbfgs, momentum, momentumSteps, optimizers, optimizerSteps } from './registry';
export { cgSteps } from './cg';
export { lbfgsSteps } from './lbfgs';
export { DEFAULT_SLICE_MS, runInSlices, runToEnd, type Slicing, type Steps } from './steps';
export { WolfeLineSearch, type LineSearchStatus, type WolfeParameters } from './wolfe-line-search';
