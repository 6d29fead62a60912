/**
 * One cost-and-gradient evaluation that can stop between the steps of backpropagation: the
 * debugger's runtime. It runs the reference backprop of core/nn/backprop.ts, the same step
 * functions the evaluator runs, on the TypeScript kernel set: the examples chosen for stepping
 * go through one at a time (a chunk of 1), yielding a StepPoint after each step; the others go
 * through at full speed in chunks between them. After the last example, finishGradient gives
 * J and D exactly as the evaluator does (the sums differ from its chunked order only by
 * rounding).
 *
 * Drive it with `steps()`, a generator: each `next()` runs to the following step point, and
 * the last returns J. While it is paused at one, `values(l)` reads the current example's z^(l),
 * a^(l), δ^(l). A training evaluates many times: `use(θ, batch)` points it at the next call's.
 */
import type { Batch } from '../nn/batch';
import { backwardLayer, forwardLayer, gradientSums, outputLayerDelta } from '../nn/backprop';
import { CHUNK } from '../nn/evaluator';
import { clearGradientSums, createGradientSums, finishGradient, type GradientSums, type LayerStatistics } from '../nn/gradient-sums';
import { TypeScriptKernelSet } from '../nn/kernels/typescript-kernel-set';
import { architectureProblems, layerIndex, layerShapes, type Architecture, type LayerShape } from '../nn/network';
import type { StepPoint } from './step-point';

/** The current example's values at one layer (views, valid until the next step). */
export interface LayerValues {
  /** z^(l) (empty for l = 1). */
  readonly z: Float64Array;
  /** a^(l) (a^(1) = x). */
  readonly a: Float64Array;
  /** δ^(l) (empty for l = 1; meaningful once backprop has reached layer l). */
  readonly delta: Float64Array;
}

export interface SteppedEvaluationOptions {
  /** Which examples (0-based) stop at each step; default every example. The others run at full speed. */
  readonly stepped?: (example: number) => boolean;
}

export class SteppedEvaluation {
  readonly shapes: readonly LayerShape[];
  readonly parameterCount: number;
  /** Σ over the examples so far: Δ^(l), Σ J_i, Σ|δ^(l)|. */
  readonly sums: GradientSums;
  /** D = ∂J/∂θ, unrolled like θ; complete once the 'cost' step is reached. */
  readonly D: Float64Array;
  readonly stats: LayerStatistics;
  private readonly single: TypeScriptKernelSet;
  private readonly chunked: TypeScriptKernelSet;
  private readonly sizes: readonly number[];
  /** λ of the cost; the debugger's Set Value may change it before J is computed. */
  lambda: number;

  /** The parameters and examples of the evaluation (set by `use`; Set Value writes into θ). */
  theta: Float64Array;
  batch: Batch;

  /** @throws RangeError when the architecture is invalid or θ and the batch do not fit it. */
  constructor(
    readonly architecture: Architecture,
    theta: Float64Array,
    batch: Batch,
    private readonly options: SteppedEvaluationOptions = {},
  ) {
    const problems = architectureProblems(architecture);
    if (problems.length > 0) throw new RangeError(problems.join('; '));
    this.sizes = architecture.sizes;
    this.lambda = architecture.lambda;
    this.shapes = layerShapes(this.sizes);
    this.parameterCount = this.shapes.reduce((n, s) => n + s.size, 0);
    this.theta = theta;
    this.batch = batch;
    this.use(theta, batch);
    const L = this.sizes.length;
    this.sums = createGradientSums(this.parameterCount, L);
    this.D = new Float64Array(this.parameterCount);
    this.stats = { gradientNorm: new Float64Array(L - 1), meanAbsDelta: new Float64Array(L) };
    this.single = new TypeScriptKernelSet(architecture, this.shapes, 1);
    this.chunked = new TypeScriptKernelSet(architecture, this.shapes, CHUNK);
  }

  /** The θ and examples of the next evaluation. @throws RangeError when they do not fit the network. */
  use(theta: Float64Array, batch: Batch): void {
    if (theta.length < this.parameterCount) throw new RangeError(`θ has ${theta.length} entries; the network needs ${this.parameterCount}`);
    if (!(batch.m >= 1)) throw new RangeError('the batch has no examples');
    this.theta = theta;
    this.batch = batch;
  }

  /** The current (stepped) example's z^(l), a^(l), δ^(l), l = 1 … L. */
  values(l: number): LayerValues {
    const s = this.sizes[layerIndex(l)]!;
    return {
      z: this.single.z(l).subarray(0, l === 1 ? 0 : s),
      a: this.single.a(l).subarray(0, s),
      delta: this.single.delta(l).subarray(0, l === 1 ? 0 : s),
    };
  }

  /** The evaluation, step by step: yields after each step of each stepped example; returns J(θ), with D complete. */
  *steps(): Generator<StepPoint, number, void> {
    const { batch, theta, sums } = this;
    const L = this.sizes.length, m = batch.m;
    const stepped = this.options.stepped ?? (() => true);
    clearGradientSums(sums, this.parameterCount);
    const single = this.single, chunked = this.chunked;
    single.begin(theta, sums.Delta);
    chunked.begin(theta, sums.Delta);
    let fast = 0; // the first example not yet evaluated
    for (let i = 0; i < m; i++) {
      if (!stepped(i)) continue;
      if (fast < i) gradientSums(chunked, batch, fast, i, sums);
      fast = i + 1;
      single.loadExamples(batch, i, 1);
      for (let l = 2; l <= L; l++) {
        forwardLayer(single, l, 1);
        yield { kind: 'forward', example: i, layer: l };
      }
      outputLayerDelta(single, 1, sums);
      yield { kind: 'output-delta', example: i, layer: L };
      for (let l = L - 1; l >= 1; l--) {
        backwardLayer(single, l, 1, sums);
        if (l > 1) yield { kind: 'backward', example: i, layer: l };
      }
      yield { kind: 'example-done', example: i };
    }
    if (fast < m) gradientSums(chunked, batch, fast, m, sums);
    single.end();
    chunked.end();
    return finishGradient(theta, this.shapes, this.sizes, m, this.lambda, sums, this.D, this.stats);
  }
}
