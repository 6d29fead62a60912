/**
 * A training run from an opened spec to a weights file: train, then save the weights
 * (marked partial when the run was cancelled or diverged). Where and how they are saved is
 * the caller's (data/weights-file.ts's saveWeightsTo on a disk, a message to the host in the
 * browser's worker), so the run itself reads and writes nothing.
 */
import type { Compute } from '../core/nn/compute';
import { NetworkEvaluator } from '../core/nn/evaluator';
import { findSymmetricUnits, type SymmetricLayer } from '../core/nn/symmetry';
import type { InitStrategyName, TrainSpec } from '../core/spec/schema';
import { initialTheta } from '../core/train/architecture-of';
import type { TrainingSummary } from '../core/train/progress';
import { trainNetwork, trainSliced, type TrainingHooks } from '../core/train/trainer';
import type { Slicing } from '../core/nn/optimizers/steps';
import { unitHealth, type LayerHealth } from '../core/train/unit-health';
import type { WeightsInput } from '../core/weights/serialize';
import { specHash } from '../core/weights/spec-hash';
import type { JobFailure } from './job-failure';
import type { OpenedSpec } from './open-spec';

export interface TrainJobOptions {
  /** Saves the trained weights; undefined: they are not saved. */
  readonly saveWeights?: WeightsSaver;
  /** Start from these parameters instead of the spec's initialisation. */
  readonly theta0?: Float64Array;
  readonly init?: { readonly strategy?: InitStrategyName; readonly seed?: number };
  /** Override the spec's iteration count (e.g. short comparison runs). */
  readonly iterations?: number;
  /** The kernels and threads the run may use (default TypeScript, one thread). */
  readonly compute?: Compute;
  /** Train in time slices, giving the thread's event loop a turn between them (a worker that hears a cancel only as a message). */
  readonly slicing?: Slicing;
}

/** Where the weights went, or why they could not be saved. */
export type SavedWeights = { readonly path: string } | { readonly failure: JobFailure };

/** Saves a finished run's weights file. Never rejects. */
export type WeightsSaver = (weights: WeightsInput) => Promise<SavedWeights>;

export interface TrainJobResult {
  readonly summary: TrainingSummary;
  readonly theta: Float64Array;
  /** The weights are a snapshot of an unfinished run (cancelled or diverged). */
  readonly partial: boolean;
  /** Hidden units that stayed interchangeable (after zero initialisation, all of a layer's). */
  readonly symmetry: readonly SymmetricLayer[];
  /** Hidden layers with dead (relu) or saturated (sigmoid, tanh) units after the run. */
  readonly health: readonly LayerHealth[];
  /** Where the weights were written, or why they could not be. */
  readonly weights?: SavedWeights;
}

export async function runTrainJob(opened: OpenedSpec, options: TrainJobOptions, hooks: TrainingHooks): Promise<TrainJobResult> {
  const { spec, architecture, data } = opened;
  const theta0 = options.theta0 ?? initialTheta(spec, options.init ?? {}).theta;
  const train = options.iterations !== undefined ? { ...spec.train, iterations: options.iterations } : spec.train;
  const problem = { architecture, data, theta0, train };
  const { theta, summary } = options.slicing ? await trainSliced(problem, hooks, options.compute ?? {}, options.slicing) : trainNetwork(problem, hooks, options.compute);
  const partial = summary.reason === 'cancelled' || summary.reason === 'not-finite';
  const symmetry = findSymmetricUnits(theta, architecture.sizes, 1e-9);
  const health = relevantHealth(unitHealth(new NetworkEvaluator(architecture), theta, data.train), summary);
  if (options.saveWeights === undefined) return { summary, theta, partial, symmetry, health };
  const weights = await options.saveWeights(trainedWeights(opened, train, theta, summary));
  return { summary, theta, partial, symmetry, health, weights };
}

/**
 * Saturated units are a problem while they stop learning; after a run that cut J by 90 % or
 * more they are usually the confident units of a fitted network, so only dead units (wasted
 * capacity either way) are kept then.
 */
function relevantHealth(health: LayerHealth[], summary: { initialCost: number; finalCost: number }): LayerHealth[] {
  if (!(summary.finalCost < 0.1 * summary.initialCost)) return health;
  return health.filter((h) => h.dead.length > 0).map((h) => ({ ...h, saturated: [] }));
}

/** The weights file of a finished run: θ, what it fits (spec hash, sizes, normalisation, classes) and how it was reached. */
export function trainedWeights(opened: OpenedSpec, train: TrainSpec, theta: Float64Array, summary: TrainingSummary): WeightsInput {
  const { spec, architecture, data } = opened;
  const partial = summary.reason === 'cancelled' || summary.reason === 'not-finite';
  return {
    specHash: specHash(spec),
    layerSizes: architecture.sizes,
    theta,
    normalization: data.normalization,
    ...(data.classes ? { classes: data.classes } : {}),
    run: {
      optimizer: train.optimizer,
      iterations: summary.iterations,
      finalCost: Number.isFinite(summary.finalCost) ? summary.finalCost : null,
      ...(summary.validationCost !== undefined ? { validationCost: Number.isFinite(summary.validationCost) ? summary.validationCost : null } : {}),
      ...(summary.trainAccuracy !== undefined ? { trainAccuracy: summary.trainAccuracy } : {}),
      ...(summary.validationAccuracy !== undefined ? { validationAccuracy: summary.validationAccuracy } : {}),
      reason: summary.reason,
      partial,
      elapsedMs: summary.elapsedMs,
    },
  };
}
