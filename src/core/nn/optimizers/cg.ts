/**
 * Nonlinear conjugate gradient, Polak–Ribière with restarts (PR+): the role of the course's
 * fmincg, written from the method, not from its source.
 *
 * From d_0 = −g_0 (g_k = ∇J(θ_k)), each iteration takes θ_(k+1) = θ_k + α_k d_k with α_k
 * from a strong Wolfe line search (c1 = 0.01, c2 = 0.1: CG needs a fairly exact search), then
 *   β = max(0, g_(k+1)ᵀ(g_(k+1) − g_k) / g_kᵀg_k),     d_(k+1) = −g_(k+1) + β d_k.
 * β = 0 is a restart along steepest descent; so is any d that is not a descent direction
 * (g_(k+1)ᵀd_(k+1) ≥ 0). The first trial step is 1/‖g_0‖ (a step of length 1), then, as in
 * fmincg, the last step scaled by the ratio of slopes, α_(k−1) · g_(k−1)ᵀd_(k−1) / g_kᵀd_k,
 * at most 100 times larger. A failed line search restarts along −g; a second failure means J
 * cannot be decreased further and the run ends 'converged' ('no-progress').
 *
 * The safe points (see steps.ts) are those of the line search, before each evaluation, and
 * one before the first evaluation at θ0.
 */
import type { AnyObjective, OptimizeOptions, OptimizeResult } from './objective';
import { RunControl } from './run-control';
import type { Steps } from './steps';
import { dot, negate } from './vector';
import { WolfeLineSearch, type WolfeParameters } from './wolfe-line-search';

/** The line search of cg. */
export const CG_WOLFE: WolfeParameters = { c1: 0.01, c2: 0.1, maxEvaluations: 25, minExtrapolation: 1.1, extrapolation: 3, guard: 0.1, maxNonFinite: 10 };

/** The largest growth of the first trial step from one iteration to the next. */
const MAX_STEP_RATIO = 100;

/** Minimises J by PR+ conjugate gradient from θ0 (only read), as steps; learningRate, batchSize and momentum are unused. */
export function* cgSteps(objective: AnyObjective, theta0: Float64Array, options: OptimizeOptions): Steps<OptimizeResult> {
  const n = theta0.length;
  const x = Float64Array.from(theta0);
  const g = new Float64Array(n);
  const direction = new Direction(n);
  const { d } = direction;
  const search = new WolfeLineSearch(n, CG_WOLFE);
  const run = new RunControl(options, x, g);

  yield;
  const started = yield* run.start(objective, x, g);
  if ('done' in started) return started.done;
  let { f, gNorm } = started;
  const f0 = f;

  direction.steepestDescent(g, gNorm);
  let alpha0 = 1 / gNorm;
  for (let k = 1; ; k++) {
    let status = yield* search.searchSteps(objective, x, f, d, direction.slope, alpha0, options.signal);
    run.evaluations += search.evaluations;
    if (status === 'failed' && !direction.steepest) {
      direction.steepestDescent(g, gNorm);
      status = yield* search.searchSteps(objective, x, f, d, direction.slope, 1 / gNorm, options.signal);
      run.evaluations += search.evaluations;
    }
    const stopped = run.afterSearch(status, search, k, x, f, f0);
    if (stopped) return stopped;
    const slope = direction.slope;
    direction.prPlus(g, search.g);
    alpha0 = search.alpha * Math.min(MAX_STEP_RATIO, slope / direction.slope);
    const done = run.acceptSearch(search, k, x, g, f, f0);
    if (done) return done;
    f = search.f;
    gNorm = run.gradNorm;
  }
}

/** The search direction d and its slope; its arithmetic out of the generator (see steps.ts). */
class Direction {
  readonly d: Float64Array;
  /** φ'(0) = gᵀd at the point d starts from. */
  slope = NaN;
  /** d = −g: steepest descent (the start, β = 0, or a restart). */
  steepest = true;

  constructor(n: number) {
    this.d = new Float64Array(n);
  }

  /** d = −g, where ‖g‖₂ = gNorm. */
  steepestDescent(g: Float64Array, gNorm: number): void {
    negate(this.d, g);
    this.slope = -gNorm * gNorm;
    this.steepest = true;
  }

  /** The PR+ update from g_k (g) to g_(k+1) (gNew): d = −g_(k+1) + βd, or −g_(k+1) when that is not a descent direction. */
  prPlus(g: Float64Array, gNew: Float64Array): void {
    const d = this.d, n = d.length;
    const gg = dot(g, g);
    let gNewG = 0, gNewGNew = 0;
    for (let i = 0; i < n; i++) {
      gNewG += gNew[i]! * g[i]!;
      gNewGNew += gNew[i]! * gNew[i]!;
    }
    const beta = Math.max(0, (gNewGNew - gNewG) / gg);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      const di = -gNew[i]! + beta * d[i]!;
      d[i] = di;
      slope += gNew[i]! * di;
    }
    this.steepest = beta === 0;
    if (!(slope < 0)) {
      negate(d, gNew);
      slope = -gNewGNew;
      this.steepest = true;
    }
    this.slope = slope;
  }
}
