/**
 * The gradient check: backpropagation's D against central differences
 * (J(θ + ε e_k) − J(θ − ε e_k)) / 2ε, compared layer by layer with the relative difference
 * ‖num − bp‖ / ‖num + bp‖ (0 when both are 0). It runs apart from training, on the first
 * `examples` examples, over every parameter of a network of at most FULL_CHECK_LIMIT
 * parameters, otherwise over a seeded sample of `samplesPerLayer` parameters per layer.
 */
import type { ExampleTrace } from './evaluator';
import type { Batch } from './batch';
import type { Compute } from './compute';
import { NetworkEvaluator } from './evaluator';
import { layerShapes, type Architecture, type LayerShape } from './network';
import { createRng } from './rng';

/** Networks with at most this many parameters have every parameter checked. */
export const FULL_CHECK_LIMIT = 5000;

/** Settings of a check (the spec's gradientCheck section, plus callbacks). */
export interface GradientCheckOptions {
  /** ε of the central differences; default 1e-4. */
  readonly epsilon?: number;
  /** A layer fails when its relative difference exceeds this; default 1e-7. */
  readonly tolerance?: number;
  /** How many examples (the first) to use; default 4. */
  readonly examples?: number;
  /** Parameters sampled per layer when the network is over FULL_CHECK_LIMIT; default 200. */
  readonly samplesPerLayer?: number;
  /** Seed of the sample; default 0. */
  readonly seed?: number;
  /** Checked between parameters; when it returns true the check stops, `cancelled` set. */
  readonly isCancelled?: () => boolean;
  /** Called with the fraction of parameters done, in [0, 1]. */
  readonly onProgress?: (fraction: number) => void;
  /** The kernels backprop may use (checkNetworkGradients; default TypeScript). */
  readonly compute?: Compute;
}

/** J(θ). */
export type CostFunction = (theta: Float64Array) => number;
/** The gradient ∂J/∂θ being checked, into gradOut. */
export type GradientFunction = (theta: Float64Array, gradOut: Float64Array) => void;

/** One parameter compared: Θ^(layer)_ij (1-based layer and i, j = 0 the bias) at θ[index]. */
export interface ParameterComparison {
  readonly layer: number;
  readonly i: number;
  readonly j: number;
  readonly index: number;
  readonly numeric: number;
  readonly backprop: number;
}

/** The verdict on Θ^(layer). */
export interface LayerCheck {
  readonly layer: number;
  /** Parameters compared, of `total`. */
  readonly checked: number;
  readonly total: number;
  /** ‖num − bp‖ / ‖num + bp‖ over the checked parameters (0 when both are 0). */
  readonly relativeDifference: number;
  /** max |num − bp|. */
  readonly maxAbsDifference: number;
  /** The parameter with the largest |num − bp| (undefined if none was checked). */
  readonly worst: ParameterComparison | undefined;
  readonly passed: boolean;
  /** Why a failure may be harmless (relu kinks), when that applies. */
  readonly note?: string;
}

/** The result of a check. */
export interface GradientCheckReport {
  readonly layers: LayerCheck[];
  /** Every layer passed and the check ran to the end. */
  readonly passed: boolean;
  readonly cancelled: boolean;
  readonly epsilon: number;
  readonly tolerance: number;
  /** Examples used. */
  readonly examples: number;
  /** Per-layer sample size, when sampling was used (the network is over FULL_CHECK_LIMIT). */
  readonly samplesPerLayer: number | undefined;
}

/** What a check needs: the parameter layout, J and the gradient under test. */
export interface CheckProblem {
  readonly shapes: readonly LayerShape[];
  readonly cost: CostFunction;
  readonly gradient: GradientFunction;
  /** A note for a failing layer (1-based), e.g. relu kinks near the point. */
  readonly noteFor?: (layer: number) => string | undefined;
}

/** The indices of θ checked in one layer: all of them, or a seeded sample in increasing order. */
function chosenIndices(shape: LayerShape, sample: number | undefined, seed: number): number[] {
  const all = Array.from({ length: shape.size }, (_, k) => shape.offset + k);
  if (sample === undefined || sample >= shape.size) return all;
  const rng = createRng(seed * 1009 + shape.layer);
  for (let k = 0; k < sample; k++) {
    const r = k + rng.nextInt(shape.size - k);
    const t = all[k]!;
    all[k] = all[r]!;
    all[r] = t;
  }
  return all.slice(0, sample).sort((x, y) => x - y);
}

/**
 * Checks `problem.gradient` at θ against central differences of `problem.cost` (θ is not
 * modified). `examples` is only reported (how many examples `cost` and `gradient` use).
 */
export function checkGradients(problem: CheckProblem, theta: Float64Array, options: GradientCheckOptions = {}, examples = 0): GradientCheckReport {
  const epsilon = options.epsilon ?? 1e-4, tolerance = options.tolerance ?? 1e-7, seed = options.seed ?? 0;
  const total = problem.shapes.reduce((n, s) => n + s.size, 0);
  const sample = total > FULL_CHECK_LIMIT ? (options.samplesPerLayer ?? 200) : undefined;
  const work = Float64Array.from(theta.subarray(0, total));
  const bp = new Float64Array(total);
  problem.gradient(work, bp);
  const perLayer = problem.shapes.map((s) => chosenIndices(s, sample, seed));
  const count = perLayer.reduce((n, ix) => n + ix.length, 0);
  const layers: LayerCheck[] = [];
  let done = 0, cancelled = false;
  for (let l = 0; l < problem.shapes.length && !cancelled; l++) {
    const shape = problem.shapes[l]!;
    let diff2 = 0, sum2 = 0, maxAbs = 0, checked = 0;
    let worst: ParameterComparison | undefined;
    for (const index of perLayer[l]!) {
      if (options.isCancelled?.()) {
        cancelled = true;
        break;
      }
      const t = work[index]!;
      work[index] = t + epsilon;
      const plus = problem.cost(work);
      work[index] = t - epsilon;
      const minus = problem.cost(work);
      work[index] = t;
      const numeric = (plus - minus) / (2 * epsilon), g = bp[index]!;
      const d = numeric - g, s = numeric + g;
      diff2 += d * d;
      sum2 += s * s;
      checked++;
      if (worst === undefined || Math.abs(d) > maxAbs) {
        maxAbs = Math.abs(d);
        const k = index - shape.offset;
        worst = { layer: shape.layer, i: Math.floor(k / shape.cols) + 1, j: k % shape.cols, index, numeric, backprop: g };
      }
      done++;
      if (options.onProgress && (done === count || done % Math.max(1, Math.floor(count / 100)) === 0)) options.onProgress(done / count);
    }
    if (cancelled) break;
    const relativeDifference = diff2 === 0 ? 0 : Math.sqrt(diff2) / Math.sqrt(sum2);
    const passed = relativeDifference <= tolerance;
    const note = passed ? undefined : problem.noteFor?.(shape.layer);
    layers.push({ layer: shape.layer, checked, total: shape.size, relativeDifference, maxAbsDifference: maxAbs, worst, passed, ...(note ? { note } : {}) });
  }
  return {
    layers,
    passed: !cancelled && layers.every((l) => l.passed),
    cancelled,
    epsilon,
    tolerance,
    examples,
    samplesPerLayer: sample,
  };
}

/**
 * Checks a network's backpropagation at θ on the first `examples` examples of data. `gradient`
 * defaults to the evaluator's own; pass another (e.g. a deliberately wrong one) to check that.
 * A failing layer gets a note when a relu layer at or above it has a pre-activation z within
 * 10·ε·max(1, max|a|) of the kink at 0 for some checked example: there the function is not
 * differentiable and central differences straddle the kink.
 */
export function checkNetworkGradients(
  architecture: Architecture,
  theta: Float64Array,
  data: Batch,
  options: GradientCheckOptions = {},
  gradient?: GradientFunction,
): GradientCheckReport {
  const m = Math.min(options.examples ?? 4, data.m);
  const batch: Batch = { X: data.X, Y: data.Y, m };
  const evaluator = new NetworkEvaluator(architecture, m, { compute: options.compute ?? {} });
  const epsilon = options.epsilon ?? 1e-4;
  const kinks = reluKinks(evaluator, architecture, theta, batch, epsilon);
  return checkGradients(
    {
      shapes: layerShapes(architecture.sizes),
      cost: (t) => evaluator.cost(t, batch),
      gradient: gradient ?? ((t, out) => void evaluator.costAndGradient(t, batch, out)),
      noteFor: (layer) => {
        const near = kinks.filter((q) => q >= layer + 1);
        return near.length === 0
          ? undefined
          : `relu pre-activations within reach of ε of the kink at 0 (layer ${near.join(', ')}); the mismatch may be the kink, not a bug`;
      },
    },
    theta,
    options,
    m,
  );
}

/** The relu layers (1-based) having some |z| near 0 on the batch. */
function reluKinks(evaluator: NetworkEvaluator, arch: Architecture, theta: Float64Array, batch: Batch, epsilon: number): number[] {
  const layers = new Set<number>();
  if (!arch.activations.includes('relu')) return [];
  for (let i = 0; i < batch.m; i++) {
    const t: ExampleTrace = evaluator.trace(theta, batch, i);
    let maxA = 1;
    for (const a of t.a) for (const v of a) maxA = Math.max(maxA, Math.abs(v));
    arch.activations.forEach((g, q) => {
      if (g !== 'relu') return;
      for (const z of t.z[q + 1]!) if (Math.abs(z) <= 10 * epsilon * maxA) layers.add(q + 2);
    });
  }
  return [...layers].sort((x, y) => x - y);
}
