/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.5): the role of the course's fminunc,
 * and nnspec's default optimiser.
 *
 * Each iteration steps along d_k = −H_k ∇J(θ_k), where H_k, the approximate inverse
 * Hessian, is applied by the two-loop recursion (algorithm 7.4) from the last M = 10 pairs
 *   s_i = θ_(i+1) − θ_i,   y_i = ∇J(θ_(i+1)) − ∇J(θ_i),   ρ_i = 1 / y_iᵀs_i,
 * with H⁰ = γI, γ = sᵀy / yᵀy of the newest pair. The step length comes from a strong Wolfe
 * line search (c1 = 1e-4, c2 = 0.9), tried first at α = 1 (at α = 1/‖∇J‖, a step of length 1,
 * while the memory is empty); on smooth problems most iterations cost one evaluation.
 * A pair with yᵀs ≤ ε·yᵀy (no positive curvature) is not stored, which keeps H positive
 * definite. When d is not a descent direction, or the line search finds no decrease, the
 * memory is cleared and the iteration restarts along −∇J; if that fails too, J cannot be
 * decreased further at machine precision and the run ends 'converged' ('no-progress').
 *
 * The safe points (see steps.ts) are those of the line search, before each evaluation, and
 * one before the first evaluation at θ0.
 */
import type { AnyObjective, OptimizeOptions, OptimizeResult } from './objective';
import { RunControl } from './run-control';
import type { Steps } from './steps';
import { addScaledThenDot, dot, negate } from './vector';
import { WolfeLineSearch, type WolfeParameters } from './wolfe-line-search';

/** M, the number of (s, y) pairs kept. */
export const LBFGS_HISTORY = 10;

/** The line search of lbfgs. */
export const LBFGS_WOLFE: WolfeParameters = { c1: 1e-4, c2: 0.9, maxEvaluations: 25, minExtrapolation: 1.1, extrapolation: 4, guard: 0.1, maxNonFinite: 10 };

/** Minimises J by L-BFGS from θ0 (only read), as steps; options.learningRate, batchSize and momentum are unused. */
export function* lbfgsSteps(objective: AnyObjective, theta0: Float64Array, options: OptimizeOptions): Steps<OptimizeResult> {
  const n = theta0.length;
  const x = Float64Array.from(theta0);
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const memory = new PairMemory(n, LBFGS_HISTORY);
  const search = new WolfeLineSearch(n, LBFGS_WOLFE);
  const run = new RunControl(options, x, g);

  yield;
  const started = yield* run.start(objective, x, g);
  if ('done' in started) return started.done;
  let { f, gNorm } = started;
  const f0 = f;

  for (let k = 1; ; k++) {
    let status;
    for (;;) {
      let slope = memory.direction(d, g);
      if (!(slope < 0)) {
        memory.clear();
        negate(d, g);
        slope = -gNorm * gNorm;
      }
      const alpha0 = memory.count > 0 ? 1 : 1 / gNorm;
      status = yield* search.searchSteps(objective, x, f, d, slope, alpha0, options.signal);
      run.evaluations += search.evaluations;
      if (status !== 'failed' || memory.count === 0) break;
      memory.clear();
    }
    const stopped = run.afterSearch(status, search, k, x, f, f0);
    if (stopped) return stopped;
    memory.offer(search.x, x, search.g, g);
    const done = run.acceptSearch(search, k, x, g, f, f0);
    if (done) return done;
    f = search.f;
    gNorm = run.gradNorm;
  }
}

/**
 * The memory of L-BFGS: the newest M pairs (s_i, y_i) with ρ_i, in a ring (newest at
 * `newest`), and γ of the newest; its arithmetic out of the generator (see steps.ts).
 */
class PairMemory {
  readonly S: Float64Array[];
  readonly Y: Float64Array[];
  readonly rho: Float64Array;
  /** Scratch of the two-loop recursion. */
  private readonly a: Float64Array;
  /** Pairs held (0 … M). */
  count = 0;
  newest = 0;
  gamma = 1;

  constructor(n: number, M: number) {
    this.S = Array.from({ length: M }, () => new Float64Array(n));
    this.Y = Array.from({ length: M }, () => new Float64Array(n));
    this.rho = new Float64Array(M);
    this.a = new Float64Array(M);
  }

  /** d = −H g by the two-loop recursion; returns the slope gᵀd, NaN while the memory is empty. */
  direction(d: Float64Array, g: Float64Array): number {
    return this.count > 0 ? twoLoop(d, g, this.S, this.Y, this.rho, this.a, this.newest, this.count, this.gamma) : NaN;
  }

  /** Forgets every pair (a restart along −∇J). */
  clear(): void {
    this.count = 0;
  }

  /** The pair from (x, g) to (xNew, gNew), kept only with positive curvature yᵀs. */
  offer(xNew: Float64Array, x: Float64Array, gNew: Float64Array, g: Float64Array): void {
    const n = x.length, M = this.S.length;
    let ys = 0, yy = 0;
    for (let i = 0; i < n; i++) {
      const yi = gNew[i]! - g[i]!;
      ys += yi * (xNew[i]! - x[i]!);
      yy += yi * yi;
    }
    if (!(ys > Number.EPSILON * yy && Number.isFinite(ys))) return;
    this.newest = this.count === 0 ? 0 : (this.newest + 1) % M;
    const s = this.S[this.newest]!, y = this.Y[this.newest]!;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    this.rho[this.newest] = 1 / ys;
    this.gamma = ys / yy;
    this.count = Math.min(this.count + 1, M);
  }
}

/**
 * Algorithm 7.4: d = −H g from the `count` newest pairs (ring buffer, newest at `newest`),
 * H⁰ = γI. Returns the slope gᵀd. `a` is scratch of length M. Each update of d is fused with
 * the dot product that the next step needs (one pass over the vectors instead of two).
 */
export function twoLoop(
  d: Float64Array, g: Float64Array, S: Float64Array[], Y: Float64Array[], rho: Float64Array, a: Float64Array,
  newest: number, count: number, gamma: number,
): number {
  const M = S.length, n = d.length;
  d.set(g);
  // First loop, newest pair first: a_i = ρ_i s_iᵀd, d −= a_i y_i.
  let sd = dot(S[older(newest, M, 0)]!, d);
  for (let j = 0; j < count; j++) {
    const i = older(newest, M, j);
    const ai = rho[i]! * sd;
    a[i] = ai;
    // The next dot product: s of the next older pair, or y of the oldest (the second loop's first).
    const w = j + 1 < count ? S[older(newest, M, j + 1)]! : Y[older(newest, M, count - 1)]!;
    sd = addScaledThenDot(d, -ai, Y[i]!, w);
  }
  // d = γd; the pending yᵀd scales with it.
  for (let t = 0; t < n; t++) d[t] = gamma * d[t]!;
  let yd = gamma * sd;
  // Second loop, oldest pair first: b = ρ_i y_iᵀd, d += (a_i − b) s_i.
  for (let j = count - 1; j >= 0; j--) {
    const i = older(newest, M, j);
    const c = a[i]! - rho[i]! * yd;
    // The next dot product: y of the next newer pair, or g for the slope gᵀ(−d).
    yd = addScaledThenDot(d, c, S[i]!, j > 0 ? Y[older(newest, M, j - 1)]! : g);
  }
  for (let t = 0; t < n; t++) d[t] = -d[t]!;
  return -yd;
}

/** The ring-buffer index of the pair j places older than the newest. */
function older(newest: number, M: number, j: number): number {
  return (newest - j + M) % M;
}
