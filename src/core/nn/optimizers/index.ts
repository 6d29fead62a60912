/** The optimisers over the unrolled parameter vector θ; see registry.ts. */
export type { IterationReport, LearningRateCell, NotFinite, Objective, OptimizeOptions, OptimizeResult, Optimizer, StopReason } from './objective';
export type { OptimizerName } from '../../spec/schema';
export { adam, DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM, gd, momentum, optimizers } from './registry';
export { cg } from './cg';
export { lbfgs } from './lbfgs';
export { WolfeLineSearch, type LineSearchStatus, type WolfeParameters } from './wolfe-line-search';
