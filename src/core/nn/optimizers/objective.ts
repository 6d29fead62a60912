/**
 * The contract between the network and the optimisers. Every optimiser minimises a cost
 * J(θ) over the unrolled parameter vector θ (the lecture's `thetaVec`: layer 1 first, each
 * Θ^(l) row-major), knowing nothing of the network behind it.
 */
import type { Rng } from '../rng';
import type { Steps } from './steps';
import type { StopReason } from '../../train/progress';

export type { StopReason };

/**
 * J(θ), with ∂J/∂θ written into `gradOut` (every entry overwritten; `gradOut` never aliases
 * `theta`). With `batch` (example indices, 0-based), over those examples only (a
 * mini-batch); without, over the whole training set. The objective must not keep `theta`
 * or `batch`: both are reused buffers.
 */
export type Objective = (theta: Float64Array, gradOut: Float64Array, batch?: Int32Array) => number;

/**
 * An objective as steps (steps.ts): the same J and ∂J/∂θ as an Objective, but it may yield
 * inside an evaluation, where its driver suspends the run (the debugger stops there and awaits
 * the user, in a thread that cannot block). The optimiser resumes it before it goes on.
 */
export interface SteppedObjective {
  readonly steps: (theta: Float64Array, gradOut: Float64Array, batch?: Int32Array) => Steps<number>;
}

/** What an optimiser given as steps evaluates: a plain objective (every training) or one as steps (the debugger's). */
export type AnyObjective = Objective | SteppedObjective;

/** What an optimiser reports after each completed iteration. */
export interface IterationReport {
  /** 1-based. An iteration is one step for gd, cg and lbfgs, one epoch for momentum and adam. */
  iteration: number;
  /**
   * gd, cg, lbfgs and full-batch momentum/adam: J(θ) over the whole training set at the
   * parameters after this iteration. Mini-batch momentum/adam: the epoch's mean cost,
   * Σ_b |b|·J_b / m, each J_b at the parameters before its step.
   */
  cost: number;
  /** ‖gradient‖₂ of the vector below. */
  gradNorm: number;
  /** Objective calls so far (a mini-batch call counts as one), the initial one included. */
  evaluations: number;
  /** The parameters after this iteration. A view of a reused buffer: read, never write, copy what you keep. */
  theta: Float64Array;
  /**
   * ∂J/∂θ at `theta` over the whole training set; for mini-batch momentum/adam, the
   * epoch's mean mini-batch gradient. A reused buffer, as `theta`.
   */
  gradient: Float64Array;
}

/** A step size α that may change while a run goes on; its value must stay finite and > 0. */
export interface LearningRateCell {
  value: number;
}

export interface OptimizeOptions {
  /** The most iterations to run (≥ 0; epochs for momentum and adam). */
  maxIterations: number;
  /**
   * Convergence threshold τ ≥ 0 (default 0: never by tolerance). After iteration k the run
   * stops with 'converged' when ‖∇J(θ_k)‖₂ ≤ τ, or when the cost improved by a small
   * non-negative amount: 0 ≤ J_(k−1) − J_k ≤ τ · max(|J_(k−1)|, |J_k|, 1). A rise of the
   * cost never counts as convergence. For mini-batch momentum/adam, J and ∇J are the
   * epoch's means (see IterationReport).
   */
  tolerance?: number;
  /** Step size α of gd, momentum and adam (default 0.5 for gd and momentum, 0.01 for adam). */
  learningRate?: number;
  /**
   * gd, momentum and adam: α as a cell the caller may change between iterations (the
   * debugger's Set Value on the learning rate); read at every step, and used instead of
   * `learningRate` when given.
   */
  adjustableLearningRate?: LearningRateCell;
  /** momentum and adam: examples per step, or 'all' (the default) for full-batch steps. gd is always full batch. */
  batchSize?: number | 'all';
  /** momentum only: the fraction β of the previous step kept (default 0.9). */
  momentum?: number;
  /** m, the number of training examples; needed for mini-batches. */
  examples?: number;
  /** The seeded generator of the mini-batch shuffling; needed for mini-batches. */
  rng?: Rng;
  /** AbortSignal-compatible. Checked after every iteration and before every objective call (at the safe points of steps.ts). */
  signal?: { readonly aborted: boolean };
  /** Called after every completed iteration; return 'stop' to end the run (reason 'stopped'). The report object is reused. */
  onIteration?: (report: IterationReport) => void | 'stop';
}

/** Where a run turned NaN or ±Infinity. */
export interface NotFinite {
  /** The iteration during which it happened (1-based; 0 = at the starting point θ0). */
  iteration: number;
  where: 'cost' | 'gradient';
  /** where = 'gradient': the index in θ of the first non-finite entry (of the gradient, or of θ after an overflowing step). */
  index?: number;
}

export interface OptimizeResult {
  /**
   * The parameters reached: a new array (θ0 is never written), always finite. After
   * 'not-finite', the last parameters at which the objective returned a finite cost and
   * gradient (θ0 if none); otherwise the latest iterate (after 'cancelled' in the middle of
   * an iteration, the iterate before it for gd, cg and lbfgs; the latest mini-batch step for
   * momentum and adam).
   */
  theta: Float64Array;
  /** Completed iterations. */
  iterations: number;
  /**
   * The last reported cost (initialCost when no iteration completed): J(theta) for gd, cg,
   * lbfgs and full-batch momentum/adam, except after 'not-finite' in the first evaluation,
   * where it is that non-finite value; for mini-batch momentum/adam, the last epoch's mean.
   */
  cost: number;
  /** J(θ0) over the whole training set (for mini-batch momentum/adam, the first mini-batch's cost). */
  initialCost: number;
  /** Objective calls, a mini-batch call counting as one. */
  evaluations: number;
  reason: StopReason;
  /** reason = 'converged': by the gradient norm, by the cost change, or because no step along a descent direction decreased J any more (cg, lbfgs: the line search failed after a restart). */
  convergedBy?: 'gradient' | 'cost' | 'no-progress';
  /** reason = 'not-finite': where. */
  notFinite?: NotFinite;
}

/** An optimiser: minimises `objective` from θ0, which it only reads. */
export type Optimizer = (objective: Objective, theta0: Float64Array, options: OptimizeOptions) => OptimizeResult;

/** An optimiser as steps (see steps.ts): the same run, yielding at each safe point. */
export type OptimizerSteps = (objective: AnyObjective, theta0: Float64Array, options: OptimizeOptions) => Steps<OptimizeResult>;
