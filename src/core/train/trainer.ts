/**
 * The trainer: minimises a network's J(θ) on prepared data with the spec's optimiser and
 * reports each iteration to whoever listens. Pure; it runs in a worker thread (extension)
 * or the CLI's process, never on a UI thread. `trainNetwork` runs synchronously to the end;
 * `trainSliced` runs the same steps (see optimizers/steps.ts) in time slices, giving its
 * thread's event loop a turn between them, for a worker that can only hear a cancel as a
 * message event (a browser's: no shared memory).
 */
import type { Batch } from '../nn/batch';
import type { Compute } from '../nn/compute';
import { NetworkEvaluator } from '../nn/evaluator';
import type { Architecture } from '../nn/network';
import type { Dataset, PreparedData } from '../nn/dataset';
import { layerAt, layerIndex, parameterPosition } from '../nn/network';
import { createRng } from '../nn/rng';
import { optimizerSteps } from '../nn/optimizers/registry';
import type { AnyObjective, IterationReport, LearningRateCell, Objective } from '../nn/optimizers';
import { runInSlices, runToEnd, type Slicing, type Steps } from '../nn/optimizers/steps';
import { effectiveLearningRate, type TrainSpec } from '../spec/schema';
import { accuracy } from './accuracy';
import type { LayerProgress, NotFiniteReport, TrainingProgress, TrainingSummary } from './progress';

export interface TrainingProblem {
  readonly architecture: Architecture;
  readonly data: PreparedData;
  /** The starting parameters (only read). */
  readonly theta0: Float64Array;
  readonly train: TrainSpec;
}

export interface TrainingHooks {
  /**
   * Called after iterations, at most once per `progressIntervalMs`, and always after the last,
   * with the parameters reached: the optimiser's live buffer, to read at once and never keep.
   */
  readonly onProgress?: (progress: TrainingProgress, theta: Float64Array) => void;
  /** Minimum milliseconds between two progress reports (default 0: every iteration). */
  readonly progressIntervalMs?: number;
  /** AbortSignal-compatible: training stops within one iteration once it is set. */
  readonly signal?: { readonly aborted: boolean };
  /** Milliseconds since an arbitrary origin (injected so the core needs no timers). */
  readonly now?: () => number;
  /**
   * Wraps the optimiser's objective (the debugger's: it may run an evaluation step by step, or
   * stop after it). The wrapper returns J and writes ∂J/∂θ as the objective it wraps does; a
   * wrapper as steps may yield inside an evaluation (drive the run with `trainingSteps` then).
   */
  readonly wrapObjective?: (objective: Objective, data: Dataset) => AnyObjective;
  /** Called after every completed iteration, before progress is reported (the debugger stops there). */
  readonly onIteration?: (report: IterationReport) => void;
  /** gd, momentum, adam: α as a cell the caller may change between iterations (the debugger's Set Value); starts at the spec's. */
  readonly learningRate?: LearningRateCell;
}

export interface TrainingResult {
  /** The trained parameters; always finite (after a divergence, the last finite ones). */
  readonly theta: Float64Array;
  readonly summary: TrainingSummary;
}

/** Trains `problem` with the kernels and threads of `compute` and returns the parameters reached and what happened. */
export function trainNetwork(problem: TrainingProblem, hooks: TrainingHooks = {}, compute: Compute = {}): TrainingResult {
  return runToEnd(trainingSteps(problem, hooks, compute));
}

/**
 * `trainNetwork` in slices of `slicing.sliceMs`, awaiting `slicing.yieldTurn` between them:
 * the same steps, so the same Θ, summary, reports and objective calls, bit for bit (only
 * `elapsedMs` measures time). A cancel (hooks.signal) set by a message handler during a turn
 * stops the run at the next safe point.
 */
export function trainSliced(problem: TrainingProblem, hooks: TrainingHooks, compute: Compute, slicing: Slicing): Promise<TrainingResult> {
  return runInSlices(trainingSteps(problem, hooks, compute), slicing);
}

/** The training as steps: the optimiser's, with the set-up before and the summary after (the debugger drives them itself). */
export function* trainingSteps(problem: TrainingProblem, hooks: TrainingHooks, compute: Compute): Steps<TrainingResult> {
  const { architecture, data, train } = problem;
  const now = hooks.now ?? (() => Date.now());
  const started = now();
  const evaluator = new NetworkEvaluator(architecture, data.train.m, { compute });
  const metrics = new Metrics(architecture, data);
  const objective = createObjective(evaluator, data.train);
  const wrapped = hooks.wrapObjective ? hooks.wrapObjective(objective.evaluate, data.train) : objective.evaluate;
  let initialCost = NaN, calls = 0;
  const evaluate: AnyObjective = typeof wrapped === 'function'
    ? (theta, gradOut, batch) => {
        const cost = wrapped(theta, gradOut, batch);
        if (calls++ === 0) initialCost = cost;
        return cost;
      }
    : {
        *steps(theta, gradOut, batch) {
          const cost = yield* wrapped.steps(theta, gradOut, batch);
          if (calls++ === 0) initialCost = cost;
          return cost;
        },
      };
  const costHistory: number[] = [];
  let lastReportAt = -Infinity;
  let lastReported = 0;

  const report = (iteration: number, cost: number, theta: Float64Array): void => {
    lastReportAt = now();
    lastReported = iteration;
    hooks.onProgress?.(
      {
        iteration,
        maxIterations: train.iterations,
        cost,
        ...metrics.measure(theta),
        layers: layerProgress(evaluator),
        elapsedMs: lastReportAt - started,
      },
      theta,
    );
  };

  const result = yield* optimizerSteps[train.optimizer](evaluate, problem.theta0, {
    maxIterations: train.iterations,
    tolerance: train.tolerance,
    learningRate: effectiveLearningRate(train),
    ...(hooks.learningRate ? { adjustableLearningRate: hooks.learningRate } : {}),
    batchSize: train.batchSize,
    momentum: train.momentum,
    examples: data.train.m,
    rng: createRng(train.seed),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    onIteration: (step: IterationReport) => {
      hooks.onIteration?.(step);
      if (costHistory.length === 0) costHistory.push(initialCost);
      costHistory.push(step.cost);
      if (hooks.onProgress && now() - lastReportAt >= (hooks.progressIntervalMs ?? 0)) report(step.iteration, step.cost, step.theta);
    },
  });
  if (costHistory.length === 0) costHistory.push(result.initialCost);

  const finalCost = result.reason === 'not-finite' || train.batchSize !== 'all' ? fullCost(evaluator, result.theta, data.train) : result.cost;
  if (hooks.onProgress && lastReported !== result.iterations) report(result.iterations, finalCost, result.theta);
  const final = metrics.measure(result.theta);
  const notFinite: NotFiniteReport | undefined = result.notFinite && {
    iteration: result.notFinite.iteration,
    where: result.notFinite.where,
    ...layerOf(architecture, result.notFinite.index, objective.firstNonFiniteLayer),
  };
  return {
    theta: result.theta,
    summary: {
      reason: result.reason,
      iterations: result.iterations,
      evaluations: result.evaluations,
      initialCost: result.initialCost,
      finalCost,
      ...final,
      elapsedMs: now() - started,
      ...(notFinite ? { notFinite } : {}),
      costHistory,
    },
  };
}

/** J(θ) over the whole training set (regularised), by forward propagation only. */
function fullCost(evaluator: NetworkEvaluator, theta: Float64Array, data: Dataset): number {
  return evaluator.cost(theta, data);
}

/** The optimiser's objective over the training set; a mini-batch is a row selection (no copy). */
function createObjective(evaluator: NetworkEvaluator, data: Dataset) {
  const state = { firstNonFiniteLayer: undefined as number | undefined };
  const selection: { X: Float64Array; Y: Float64Array; m: number; rows: Int32Array } = { X: data.X, Y: data.Y, m: 0, rows: new Int32Array(0) };
  const evaluate: Objective = (theta, gradOut, batch) => {
    let source: Batch = data;
    if (batch) {
      selection.m = batch.length;
      selection.rows = batch;
      source = selection;
    }
    const cost = evaluator.costAndGradient(theta, source, gradOut);
    if (state.firstNonFiniteLayer === undefined) {
      const norms = evaluator.stats.gradientNorm;
      for (let i = 0; i < norms.length; i++) {
        if (!Number.isFinite(norms[i]!)) {
          state.firstNonFiniteLayer = layerAt(i);
          break;
        }
      }
    }
    return cost;
  };
  return {
    evaluate,
    get firstNonFiniteLayer() {
      return state.firstNonFiniteLayer;
    },
  };
}

/** The Θ layer to blame for a non-finite value: the parameter's own, else the first whose gradient norm was not finite. */
function layerOf(architecture: Architecture, index: number | undefined, firstNonFinite: number | undefined): { layer?: number } {
  if (index !== undefined) return { layer: parameterPosition(architecture.sizes, index).layer };
  if (firstNonFinite !== undefined) return { layer: firstNonFinite };
  return {};
}

/** Per Θ^(l): ‖D^(l)‖ and the mean |δ^(l+1)| that feeds it. */
function layerProgress(evaluator: NetworkEvaluator): LayerProgress[] {
  const { gradientNorm, meanAbsDelta } = evaluator.stats;
  return Array.from(gradientNorm, (norm, i) => {
    const l = layerAt(i);
    return { layer: l, gradientNorm: norm, meanAbsDelta: meanAbsDelta[layerIndex(l + 1)]! };
  });
}

/** Validation cost and accuracies, with their buffers allocated once. */
class Metrics {
  private readonly plain: NetworkEvaluator | undefined;
  private readonly outputs: Float64Array;
  private readonly classification: boolean;

  constructor(
    architecture: Architecture,
    private readonly data: PreparedData,
  ) {
    this.classification = data.train.labels !== undefined;
    const validation = data.validation && data.validation.m > 0 ? data.validation : undefined;
    const largest = Math.max(data.train.m, validation?.m ?? 0);
    this.plain = new NetworkEvaluator({ ...architecture, lambda: 0 }, largest);
    this.outputs = new Float64Array(this.classification ? largest * data.train.k : 0);
  }

  measure(theta: Float64Array): Pick<TrainingProgress, 'validationCost' | 'trainAccuracy' | 'validationAccuracy'> {
    const validation = this.data.validation && this.data.validation.m > 0 ? this.data.validation : undefined;
    const out: { validationCost?: number; trainAccuracy?: number; validationAccuracy?: number } = {};
    if (validation && this.plain) out.validationCost = this.plain.cost(theta, validation);
    if (this.classification && this.plain) {
      out.trainAccuracy = this.accuracyOn(theta, this.data.train);
      if (validation) out.validationAccuracy = this.accuracyOn(theta, validation);
    }
    return out;
  }

  private accuracyOn(theta: Float64Array, set: Dataset): number {
    this.plain!.predict(theta, set.X, set.m, this.outputs);
    return accuracy(this.outputs, set.labels!, set.m, set.k);
  }
}
