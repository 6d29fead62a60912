/**
 * The loop shared by the first-order optimisers (gd, momentum, adam): they differ only in the
 * step rule θ_new = step(θ, ∇J). Full batch (batchSize 'all' or ≥ m, and always for gd): an
 * iteration is one step, and J, ∇J are evaluated after it over the whole training set.
 * Mini-batches: an iteration is one epoch; the example order is reshuffled (Fisher–Yates,
 * seeded) at the start of each epoch and one step is taken per mini-batch.
 *
 * The returned θ is the latest iterate, except after 'not-finite', when it is the last
 * parameters at which the objective returned a finite cost and gradient (θ0 if none).
 *
 * The safe points (see steps.ts): before each evaluation, right before the signal is read
 * (full batch: once an iteration; mini-batches: once a mini-batch).
 */
import type { AnyObjective, NotFinite, OptimizeOptions, OptimizeResult } from './objective';
import { findNonFinite, RunControl } from './run-control';
import { batchViews, identityPermutation, shuffleInPlace } from './shuffle';
import type { Steps } from './steps';
import { addScaled, firstNonFinite, norm2 } from './vector';

/** A first-order step rule; it owns its state (velocity, moments), made once per run. */
export interface StepRule {
  /** Writes θ_new from θ and the gradient g of the current (mini-)batch; t is the 1-based step count of the run. */
  step(thetaNew: Float64Array, theta: Float64Array, g: Float64Array, t: number): void;
}

/** Runs `rule` from θ0 (only read), as steps. `fullBatchOnly` ignores options.batchSize (gd). */
export function* firstOrderSteps(objective: AnyObjective, theta0: Float64Array, options: OptimizeOptions, rule: StepRule, fullBatchOnly: boolean): Steps<OptimizeResult> {
  const batchSize = fullBatchOnly ? 'all' : (options.batchSize ?? 'all');
  if (batchSize !== 'all') {
    if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError(`batchSize must be a whole number ≥ 1 or 'all', got ${batchSize}`);
    const m = options.examples;
    if (m === undefined || !(Number.isInteger(m) && m >= 1)) throw new RangeError('mini-batches need options.examples (m ≥ 1)');
    if (batchSize < m) {
      if (options.rng === undefined) throw new RangeError('mini-batches need options.rng (seeded shuffling)');
      return yield* miniBatch(objective, theta0, options, rule, batchSize, m);
    }
  }
  return yield* fullBatch(objective, theta0, options, rule);
}

function* fullBatch(objective: AnyObjective, theta0: Float64Array, options: OptimizeOptions, rule: StepRule): Steps<OptimizeResult> {
  const n = theta0.length;
  let theta = Float64Array.from(theta0);
  let previous = new Float64Array(n);
  const g = new Float64Array(n);
  const run = new RunControl(options, theta, g);

  yield;
  const started = yield* run.start(objective, theta, g);
  if ('done' in started) return started.done;
  let { f } = started;
  const f0 = f;

  for (let k = 1; ; k++) {
    yield;
    if (run.aborted) return run.result(theta, k - 1, f, f0, 'cancelled');
    rule.step(previous, theta, g, k);
    const overflow = nonFiniteStep(previous, k);
    if (overflow !== undefined) return run.result(theta, k - 1, f, f0, 'not-finite', overflow);
    const swap = theta;
    theta = previous;
    previous = swap;
    const fPrevious = f;
    f = typeof objective === 'function' ? objective(theta, g) : yield* objective.steps(theta, g);
    run.evaluations++;
    const badNow = findNonFinite(f, g, k);
    if (badNow !== undefined) return run.result(previous, k - 1, fPrevious, f0, 'not-finite', badNow);
    const reason = run.afterIteration(k, f, fPrevious, norm2(g), theta, g);
    if (reason !== undefined) return run.result(theta, k, f, f0, reason);
  }
}

function* miniBatch(objective: AnyObjective, theta0: Float64Array, options: OptimizeOptions, rule: StepRule, batchSize: number, m: number): Steps<OptimizeResult> {
  const n = theta0.length;
  const rng = options.rng!;
  let theta = Float64Array.from(theta0);
  let previous = new Float64Array(n);
  const g = new Float64Array(n);
  const gMean = new Float64Array(n);
  const order = identityPermutation(new Int32Array(m));
  const batches = batchViews(order, batchSize);
  const run = new RunControl(options, theta, gMean);

  const first = run.beforeFirst(NaN);
  if (first !== undefined) return run.result(theta, 0, NaN, NaN, first);
  let f0 = NaN, cost = NaN, t = 0;
  for (let k = 1; ; k++) {
    shuffleInPlace(order, rng);
    gMean.fill(0);
    let sum = 0;
    for (let b = 0; b < batches.length; b++) {
      const batch = batches[b]!;
      yield;
      if (run.aborted) return run.result(theta, k - 1, k > 1 ? cost : f0, f0, 'cancelled');
      const fb = typeof objective === 'function' ? objective(theta, g, batch) : yield* objective.steps(theta, g, batch);
      run.evaluations++;
      const bad = findNonFinite(fb, g, t === 0 ? 0 : k);
      if (bad !== undefined) return run.result(t > 0 ? previous : theta, k - 1, k > 1 ? cost : f0, f0, 'not-finite', bad);
      if (t === 0) f0 = fb;
      const weight = batch.length / m;
      sum += weight * fb;
      addScaled(gMean, gMean, weight, g);
      t++;
      rule.step(previous, theta, g, t);
      const overflow = nonFiniteStep(previous, k);
      if (overflow !== undefined) return run.result(theta, k - 1, k > 1 ? cost : f0, f0, 'not-finite', overflow);
      const swap = theta;
      theta = previous;
      previous = swap;
    }
    const costPrevious = cost;
    cost = sum;
    const reason = run.afterIteration(k, cost, costPrevious, norm2(gMean), theta, gMean);
    if (reason !== undefined) return run.result(theta, k, cost, f0, reason);
  }
}

/** A step that overflowed θ: reported as a non-finite gradient at the first bad entry. */
function nonFiniteStep(thetaNew: Float64Array, k: number): NotFinite | undefined {
  const index = firstNonFinite(thetaNew);
  return index < 0 ? undefined : { iteration: k, where: 'gradient', index };
}
