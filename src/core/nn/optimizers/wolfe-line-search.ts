/**
 * A line search for the strong Wolfe conditions (Nocedal & Wright, algorithms 3.5 and 3.6).
 *
 * Along a descent direction d from x, with φ(α) = J(x + αd) and φ'(α) = ∇J(x + αd)ᵀd
 * (φ'(0) < 0), it looks for a step α > 0 with
 *   sufficient decrease   φ(α) ≤ φ(0) + c1·α·φ'(0), and φ(α) < φ(0) even where rounding
 *                         hides the c1 term,
 *   strong curvature      |φ'(α)| ≤ c2·|φ'(0)|,        0 < c1 < c2 < 1.
 * Bracketing: from α0, extrapolate (cubic through the last two trials, kept within
 * [α + e·w, α + E·w], w the last increase, e = `minExtrapolation`, E = `extrapolation`) until a trial
 * fails sufficient decrease, does not improve on the previous one, or has φ' ≥ 0; the
 * acceptable step then lies between two known trials. Zoom: shrink that interval by
 * safeguarded cubic interpolation (trials at least ρ·width away from its ends) until a
 * trial satisfies both conditions. Near a minimum J is flat to rounding, so two values of J
 * closer than a few ulps count as equal, and the slope decides (as in the rule that keeps
 * φ'(lo)·(hi − lo) < 0).
 *
 * A trial where J, ∇J or x + αd is NaN or ±Infinity counts as φ = +∞ (the step was too
 * long): the interval shrinks toward the last good trial. After `maxNonFinite` such trials in
 * a row with no good step in hand, the search gives up with 'not-finite'.
 *
 * One search may take many evaluations, so `searchSteps` yields before each one (a safe
 * point of the run: see steps.ts), right before it reads the signal.
 */
import type { AnyObjective, NotFinite } from './objective';
import { clampStep, cubicMinimizer } from './interpolate';
import { runToEnd, type Steps } from './steps';
import { firstNonFinite } from './vector';

export interface WolfeParameters {
  /** c1, of sufficient decrease. */
  readonly c1: number;
  /** c2, of strong curvature; c1 < c2 < 1. */
  readonly c2: number;
  /** The most objective calls of one search. */
  readonly maxEvaluations: number;
  /** Bracketing: the step's next increase is between `minExtrapolation` and `extrapolation` times its last one. */
  readonly minExtrapolation: number;
  readonly extrapolation: number;
  /** ρ: interpolated trials keep ρ·width from the interval's ends. */
  readonly guard: number;
  /** Non-finite trials in a row tolerated. */
  readonly maxNonFinite: number;
}

/**
 * 'wolfe': both conditions hold. 'armijo': the search had to stop (out of evaluations,
 * of precision, or after non-finite trials) with a step of sufficient decrease but not
 * strong curvature in hand, which it returns. 'failed': no step decreased J enough.
 * 'not-finite': only NaN/infinite values near the start. 'cancelled': the signal was
 * aborted (checked before every call).
 */
export type LineSearchStatus = 'wolfe' | 'armijo' | 'failed' | 'not-finite' | 'cancelled';

/** Fraction of the way from the last good step toward a non-finite one where the next trial goes. */
const NON_FINITE_CONTRACTION = 0.2;

/** The rounding error in a value near J: differences below it are noise. */
function roundoff(f: number): number {
  return 8 * Number.EPSILON * Math.abs(f);
}

/** A reusable strong Wolfe line search over vectors of length n; allocates only when constructed. */
export class WolfeLineSearch {
  /** After 'wolfe' or 'armijo': x + αd, and ∇J there. Buffers owned by the search; copy them out. */
  x: Float64Array;
  g: Float64Array;
  /** The step α, J and φ'(α) at it (after 'wolfe' or 'armijo'). */
  alpha = 0;
  f = NaN;
  slope = NaN;
  /** Objective calls of the last search. */
  evaluations = 0;
  /** After 'not-finite': what was not finite at the last trial, and the first bad index for 'gradient'. */
  where: 'cost' | 'gradient' = 'cost';
  index = -1;

  private xTrial: Float64Array;
  private gTrial: Float64Array;
  private xLo: Float64Array;
  private gLo: Float64Array;
  private fTrial = NaN;
  private dTrial = NaN;
  private nonFiniteRun = 0;

  constructor(n: number, readonly params: WolfeParameters) {
    this.xTrial = new Float64Array(n);
    this.gTrial = new Float64Array(n);
    this.xLo = new Float64Array(n);
    this.gLo = new Float64Array(n);
    this.x = this.xTrial;
    this.g = this.gTrial;
  }

  /**
   * Searches along d from x0, where J = f0 and φ'(0) = slope0 < 0, starting with the step
   * alpha0 > 0. x0 and d are only read.
   */
  search(objective: AnyObjective, x0: Float64Array, f0: number, d: Float64Array, slope0: number, alpha0: number, signal?: { readonly aborted: boolean }): LineSearchStatus {
    return runToEnd(this.searchSteps(objective, x0, f0, d, slope0, alpha0, signal));
  }

  /** `search` as steps: it yields before each evaluation, then reads the signal. */
  *searchSteps(objective: AnyObjective, x0: Float64Array, f0: number, d: Float64Array, slope0: number, alpha0: number, signal?: { readonly aborted: boolean }): Steps<LineSearchStatus> {
    const { c1, c2, maxEvaluations, minExtrapolation, extrapolation } = this.params;
    this.evaluations = 0;
    this.nonFiniteRun = 0;
    let aPrev = 0, fPrev = f0, dPrev = slope0;
    let a = alpha0;
    for (;;) {
      if (this.evaluations >= maxEvaluations) return this.giveUp(aPrev, fPrev, dPrev);
      yield;
      if (signal?.aborted === true) return 'cancelled';
      const pointFinite = this.moveTo(x0, d, a);
      const fAt = typeof objective === 'function' ? objective(this.xTrial, this.gTrial) : yield* objective.steps(this.xTrial, this.gTrial);
      if (!this.took(fAt, d, pointFinite)) {
        if (this.nonFiniteRun >= this.params.maxNonFinite) return this.giveUp(aPrev, fPrev, dPrev, true);
        return yield* this.zoom(objective, x0, f0, d, slope0, aPrev, fPrev, dPrev, a, NaN, NaN, signal);
      }
      const f = this.fTrial, slope = this.dTrial;
      if (!(f < f0) || f > f0 + c1 * a * slope0 || (aPrev > 0 && f > fPrev + roundoff(fPrev))) {
        return yield* this.zoom(objective, x0, f0, d, slope0, aPrev, fPrev, dPrev, a, f, slope, signal);
      }
      if (Math.abs(slope) <= -c2 * slope0) return this.accept(a, f, slope, false);
      if (slope >= 0) {
        this.keepTrialAsLo();
        return yield* this.zoom(objective, x0, f0, d, slope0, a, f, slope, aPrev, fPrev, dPrev, signal);
      }
      const w = a - aPrev;
      const next = clampStep(cubicMinimizer(aPrev, fPrev, dPrev, a, f, slope), a + minExtrapolation * w, a + extrapolation * w, a + extrapolation * w);
      this.keepTrialAsLo();
      aPrev = a;
      fPrev = f;
      dPrev = slope;
      a = next;
    }
  }

  /**
   * Algorithm 3.6: lo satisfies sufficient decrease and has the lowest J so far (its point is
   * in xLo/gLo unless lo = 0); φ'(lo)·(hi − lo) < 0, so [lo, hi] holds an acceptable step.
   * fHi = NaN marks a non-finite hi.
   */
  private *zoom(
    objective: AnyObjective, x0: Float64Array, f0: number, d: Float64Array, slope0: number,
    aLo: number, fLo: number, dLo: number, aHi: number, fHi: number, dHi: number,
    signal: { readonly aborted: boolean } | undefined,
  ): Steps<LineSearchStatus> {
    const { c1, c2, maxEvaluations, guard } = this.params;
    for (;;) {
      const width = Math.abs(aHi - aLo);
      if (this.evaluations >= maxEvaluations || width <= Number.EPSILON * Math.max(aLo, aHi)) return this.giveUp(aLo, fLo, dLo);
      yield;
      if (signal?.aborted === true) return 'cancelled';
      const a = Number.isNaN(fHi)
        ? aLo + NON_FINITE_CONTRACTION * (aHi - aLo)
        : clampStep(cubicMinimizer(aLo, fLo, dLo, aHi, fHi, dHi), Math.min(aLo, aHi) + guard * width, Math.max(aLo, aHi) - guard * width, (aLo + aHi) / 2);
      const pointFinite = this.moveTo(x0, d, a);
      const fAt = typeof objective === 'function' ? objective(this.xTrial, this.gTrial) : yield* objective.steps(this.xTrial, this.gTrial);
      if (!this.took(fAt, d, pointFinite)) {
        if (this.nonFiniteRun >= this.params.maxNonFinite) return this.giveUp(aLo, fLo, dLo, true);
        aHi = a;
        fHi = NaN;
        continue;
      }
      const f = this.fTrial, slope = this.dTrial;
      if (!(f < f0) || f > f0 + c1 * a * slope0 || f > fLo + roundoff(fLo)) {
        aHi = a;
        fHi = f;
        dHi = slope;
        continue;
      }
      if (Math.abs(slope) <= -c2 * slope0) return this.accept(a, f, slope, false);
      if (slope * (aHi - aLo) >= 0) {
        aHi = aLo;
        fHi = fLo;
        dHi = dLo;
      }
      this.keepTrialAsLo();
      aLo = a;
      fLo = f;
      dLo = slope;
    }
  }

  /** Writes the trial point x0 + αd into xTrial (the objective is evaluated there next); true when it is finite. */
  private moveTo(x0: Float64Array, d: Float64Array, alpha: number): boolean {
    const x = this.xTrial;
    let pointFinite = true;
    for (let i = 0; i < x.length; i++) {
      const v = x0[i]! + alpha * d[i]!;
      x[i] = v;
      if (!Number.isFinite(v)) pointFinite = false;
    }
    return pointFinite;
  }

  /** Takes J = f (and ∇J in gTrial) at the trial point; true when J, the slope along d and the point are finite. */
  private took(f: number, d: Float64Array, pointFinite: boolean): boolean {
    const g = this.gTrial;
    this.evaluations++;
    let slope = 0;
    for (let i = 0; i < g.length; i++) slope += g[i]! * d[i]!;
    this.fTrial = f;
    this.dTrial = slope;
    if (Number.isFinite(f) && Number.isFinite(slope) && pointFinite) {
      this.nonFiniteRun = 0;
      return true;
    }
    this.nonFiniteRun++;
    if (!Number.isFinite(f)) {
      this.where = 'cost';
      this.index = -1;
    } else {
      this.where = 'gradient';
      const bad = firstNonFinite(g);
      this.index = bad >= 0 ? bad : firstNonFinite(this.xTrial);
    }
    return false;
  }

  /** After 'not-finite': the record for a run stopped during iteration k. */
  notFinite(k: number): NotFinite {
    return this.where === 'cost' || this.index < 0 ? { iteration: k, where: this.where } : { iteration: k, where: 'gradient', index: this.index };
  }

  private keepTrialAsLo(): void {
    const x = this.xLo, g = this.gLo;
    this.xLo = this.xTrial;
    this.gLo = this.gTrial;
    this.xTrial = x;
    this.gTrial = g;
  }

  private accept(alpha: number, f: number, slope: number, fromLo: boolean): 'wolfe' | 'armijo' {
    this.alpha = alpha;
    this.f = f;
    this.slope = slope;
    this.x = fromLo ? this.xLo : this.xTrial;
    this.g = fromLo ? this.gLo : this.gTrial;
    return fromLo ? 'armijo' : 'wolfe';
  }

  /** Out of evaluations or precision: the best step with sufficient decrease, if any. */
  private giveUp(aLo: number, fLo: number, dLo: number, nonFinite = false): LineSearchStatus {
    if (aLo > 0) return this.accept(aLo, fLo, dLo, true);
    return nonFinite ? 'not-finite' : 'failed';
  }
}
