/**
 * The bookkeeping every optimiser shares: counting evaluations, reporting each iteration,
 * and deciding when to stop (cancelled, stopped by the listener, converged, out of
 * iterations). One report object is reused, so a run allocates nothing per iteration.
 */
import type { AnyObjective, IterationReport, NotFinite, OptimizeOptions, OptimizeResult, StopReason } from './objective';
import type { Steps } from './steps';
import { firstNonFinite, norm2 } from './vector';
import type { LineSearchStatus, WolfeLineSearch } from './wolfe-line-search';

/** undefined when J and every entry of ∂J/∂θ are finite; otherwise where, at `iteration`. */
export function findNonFinite(cost: number, gradient: Float64Array, iteration: number): NotFinite | undefined {
  if (!Number.isFinite(cost)) return { iteration, where: 'cost' };
  const index = firstNonFinite(gradient);
  return index < 0 ? undefined : { iteration, where: 'gradient', index };
}

/** The run's state between iterations. */
export class RunControl {
  /** Objective calls so far. */
  evaluations = 0;
  /** ‖∇J‖₂ at the iterate acceptSearch moved to. */
  gradNorm = NaN;
  /** Why the last 'converged' decision was taken. */
  convergedBy: OptimizeResult['convergedBy'];
  private readonly report: IterationReport;
  private readonly tolerance: number;

  constructor(private readonly options: OptimizeOptions, theta: Float64Array, gradient: Float64Array) {
    this.tolerance = options.tolerance ?? 0;
    if (!(this.tolerance >= 0)) throw new RangeError(`tolerance must be ≥ 0, got ${this.tolerance}`);
    if (!(options.maxIterations >= 0)) throw new RangeError(`maxIterations must be ≥ 0, got ${options.maxIterations}`);
    this.report = { iteration: 0, cost: NaN, gradNorm: NaN, evaluations: 0, theta, gradient };
  }

  /** True once the caller's signal is aborted. */
  get aborted(): boolean {
    return this.options.signal?.aborted === true;
  }

  /**
   * The first evaluation, at θ0 = `theta` (gradient into `gradient`), shared by the full-batch
   * optimisers: J(θ0) and ‖∇J(θ0)‖ to go on with, or the finished result when the run ends
   * before iteration 1 (cancelled, not finite, converged at θ0, or no iterations asked for).
   * As steps, for an objective that may yield inside the evaluation (objective.ts).
   */
  *start(objective: AnyObjective, theta: Float64Array, gradient: Float64Array): Steps<{ f: number; gNorm: number } | { done: OptimizeResult }> {
    if (this.aborted) return { done: this.result(theta, 0, NaN, NaN, 'cancelled') };
    const f = typeof objective === 'function' ? objective(theta, gradient) : yield* objective.steps(theta, gradient);
    this.evaluations++;
    const bad = findNonFinite(f, gradient, 0);
    if (bad !== undefined) return { done: this.result(theta, 0, f, f, 'not-finite', bad) };
    const gNorm = norm2(gradient);
    const first = this.beforeFirst(gNorm);
    if (first !== undefined) return { done: this.result(theta, 0, f, f, first) };
    return { f, gNorm };
  }

  /**
   * Before iteration 1, at θ0: 'cancelled' if already aborted, 'converged' if ‖∇J(θ0)‖₂ ≤ τ
   * (pass NaN when no full gradient is known), 'max-iterations' if maxIterations is 0.
   */
  beforeFirst(gradNorm: number): StopReason | undefined {
    if (this.aborted) return 'cancelled';
    if (gradNorm <= this.tolerance) {
      this.convergedBy = 'gradient';
      return 'converged';
    }
    return this.options.maxIterations <= 0 ? 'max-iterations' : undefined;
  }

  /**
   * After iteration k (1-based) completed with cost J_k (J_(k−1) = previousCost, NaN when
   * unknown): reports it, then returns the reason to stop, in this order of precedence:
   * cancelled, stopped (the listener returned 'stop'), converged (see
   * OptimizeOptions.tolerance), max-iterations; undefined to go on.
   */
  afterIteration(k: number, cost: number, previousCost: number, gradNorm: number, theta: Float64Array, gradient: Float64Array): StopReason | undefined {
    const r = this.report;
    r.iteration = k;
    r.cost = cost;
    r.gradNorm = gradNorm;
    r.evaluations = this.evaluations;
    r.theta = theta;
    r.gradient = gradient;
    const answer = this.options.onIteration?.(r);
    if (this.aborted) return 'cancelled';
    if (answer === 'stop') return 'stopped';
    if (gradNorm <= this.tolerance) {
      this.convergedBy = 'gradient';
      return 'converged';
    }
    const decrease = previousCost - cost;
    if (decrease >= 0 && decrease <= this.tolerance * Math.max(Math.abs(previousCost), Math.abs(cost), 1)) {
      this.convergedBy = 'cost';
      return 'converged';
    }
    return k >= this.options.maxIterations ? 'max-iterations' : undefined;
  }

  /** The result; copies nothing, so `theta` should be the run's own buffer. */
  result(theta: Float64Array, iterations: number, cost: number, initialCost: number, reason: StopReason, notFinite?: NotFinite): OptimizeResult {
    const result: OptimizeResult = { theta, iterations, cost, initialCost, evaluations: this.evaluations, reason };
    if (reason === 'converged') result.convergedBy = this.convergedBy;
    if (notFinite !== undefined) result.notFinite = notFinite;
    return result;
  }

  /**
   * The end of iteration k's line search for the line-search optimisers (cg, lbfgs): the run's
   * result when it stops there (cancelled, not finite, or no step decreased J, which counts as
   * converged), undefined when a step was found. `x` and `f` are the iterate before the search.
   */
  afterSearch(status: LineSearchStatus, search: WolfeLineSearch, k: number, x: Float64Array, f: number, f0: number): OptimizeResult | undefined {
    switch (status) {
      case 'cancelled':
        return this.result(x, k - 1, f, f0, 'cancelled');
      case 'not-finite':
        return this.result(x, k - 1, f, f0, 'not-finite', search.notFinite(k));
      case 'failed':
        return this.result(x, k - 1, f, f0, this.noProgress());
      case 'wolfe':
      case 'armijo':
        return undefined;
    }
  }

  /**
   * The end of iteration k of a line-search optimiser once its search found a step: moves the
   * iterate to the search's point (x, g ← search.x, search.g), reports it (J_(k−1) =
   * fPrevious), and returns the run's result when it stops there. `gradNorm` is then ‖g‖₂.
   */
  acceptSearch(search: WolfeLineSearch, k: number, x: Float64Array, g: Float64Array, fPrevious: number, f0: number): OptimizeResult | undefined {
    x.set(search.x);
    g.set(search.g);
    this.gradNorm = norm2(g);
    const reason = this.afterIteration(k, search.f, fPrevious, this.gradNorm, x, g);
    return reason === undefined ? undefined : this.result(x, k, search.f, f0, reason);
  }

  /** Marks the run as converged because no descent step decreased J (a failed line search after a restart). */
  private noProgress(): 'converged' {
    this.convergedBy = 'no-progress';
    return 'converged';
  }
}

