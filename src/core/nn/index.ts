/** The network core: kernels, activations, costs, the evaluator, gradient check, initialisation, symmetry. */
export { gemmStrided, gemmNT, gemmNN, gemmTN, affineRows, accumulateOuter } from './matrix';
export { gemmReference } from './matrix-reference';
export { activations, sigmoid, tanh, relu, linear, softmax, sigmoidGradient, type Activation } from './activations';
export { costs, sumSquaredWeights, CE_CLAMP, type OutputLayer } from './costs';
export {
  layerShapes, parameterCount, thetaView, parameterPosition, architectureProblems,
  type Architecture, type LayerShape,
} from './network';
export { NetworkEvaluator, CHUNK, type Batch, type LayerStatistics, type ExampleTrace } from './evaluator';
export {
  checkGradients, checkNetworkGradients, FULL_CHECK_LIMIT,
  type GradientCheckOptions, type GradientCheckReport, type LayerCheck, type ParameterComparison,
  type CheckProblem, type CostFunction, type GradientFunction,
} from './gradient-check';
export { initStrategies, initializeTheta, defaultUniformEpsilon, debugMatrix, type InitOptions, type InitStrategy } from './init';
export { findSymmetricUnits, type SymmetricLayer } from './symmetry';
export { WORKLOADS, instantiateWorkload, benchmarkEvaluation, type Workload, type WorkloadInstance } from './workloads';
export { createRng, type Rng } from './rng';
export type { Dataset, Normalization, PreparedData } from './dataset';
