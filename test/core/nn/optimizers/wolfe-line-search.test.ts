import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Objective } from '../../../../src/core/nn/optimizers';
import { clampStep, cubicMinimizer } from '../../../../src/core/nn/optimizers/interpolate';
import { CG_WOLFE } from '../../../../src/core/nn/optimizers/cg';
import { LBFGS_WOLFE } from '../../../../src/core/nn/optimizers/lbfgs';
import { WolfeLineSearch, type WolfeParameters } from '../../../../src/core/nn/optimizers/wolfe-line-search';
import { rosenbrock } from './problems';

/** A 1-D φ as an Objective on θ = [α]: the search runs from x0 = 0 along d = 1. */
function alongLine(phi: (a: number) => number, dphi: (a: number) => number): Objective {
  return (theta, grad) => {
    grad[0] = dphi(theta[0]!);
    return phi(theta[0]!);
  };
}

/** Asserts the strong Wolfe conditions at the accepted point, recomputed independently. */
function assertStrongWolfe(objective: Objective, x0: Float64Array, d: Float64Array, search: WolfeLineSearch, p: WolfeParameters): void {
  const n = x0.length, g0 = new Float64Array(n), g = new Float64Array(n);
  const f0 = objective(x0, g0);
  let slope0 = 0;
  for (let i = 0; i < n; i++) slope0 += g0[i]! * d[i]!;
  const x = x0.map((v, i) => v + search.alpha * d[i]!);
  const f = objective(x, g);
  let slope = 0;
  for (let i = 0; i < n; i++) slope += g[i]! * d[i]!;
  assert.ok(search.alpha > 0);
  assert.deepEqual(Array.from(search.x), Array.from(x), 'x = x0 + αd');
  assert.equal(search.f, f);
  assert.deepEqual(Array.from(search.g), Array.from(g));
  assert.ok(f <= f0 + p.c1 * search.alpha * slope0, `sufficient decrease: φ(α) = ${f}, φ(0) = ${f0}, α = ${search.alpha}`);
  assert.ok(Math.abs(slope) <= p.c2 * Math.abs(slope0), `curvature: φ'(α) = ${slope}, φ'(0) = ${slope0}`);
}

/** Runs one search along d from x0; returns the search after checking it reached 'wolfe'. */
function searchOnce(objective: Objective, x0: Float64Array, d: Float64Array, alpha0: number, p: WolfeParameters): WolfeLineSearch {
  const g0 = new Float64Array(x0.length);
  const f0 = objective(x0, g0);
  let slope0 = 0;
  for (let i = 0; i < x0.length; i++) slope0 += g0[i]! * d[i]!;
  const search = new WolfeLineSearch(x0.length, p);
  const status = search.search(objective, x0, f0, d, slope0, alpha0);
  assert.equal(status, 'wolfe', `status after ${search.evaluations} evaluations`);
  return search;
}

describe('WolfeLineSearch', () => {
  // Moré & Thuente (1994), test functions 1–3, with their c1 (μ) and c2 (η), from α0 = 1e-3 … 1e3.
  const cases: { name: string; phi: (a: number) => number; dphi: (a: number) => number; c1: number; c2: number }[] = [
    { name: 'φ = −α/(α² + 2)', phi: (a) => -a / (a * a + 2), dphi: (a) => (a * a - 2) / (a * a + 2) ** 2, c1: 0.001, c2: 0.1 },
    { name: 'φ = (α + 0.004)⁵ − 2(α + 0.004)⁴', phi: (a) => (a + 0.004) ** 5 - 2 * (a + 0.004) ** 4, dphi: (a) => 5 * (a + 0.004) ** 4 - 8 * (a + 0.004) ** 3, c1: 0.1, c2: 0.1 },
    {
      name: 'the wiggly φ0 + 2(1−β)/(lπ)·sin(lπα/2), β = 0.01, l = 39',
      phi: (a) => {
        const b = 0.01, l = 39;
        const base = a <= 1 - b ? 1 - a : a >= 1 + b ? a - 1 : (a - 1) ** 2 / (2 * b) + b / 2;
        return base + ((2 * (1 - b)) / (l * Math.PI)) * Math.sin((l * Math.PI * a) / 2);
      },
      dphi: (a) => {
        const b = 0.01, l = 39;
        const base = a <= 1 - b ? -1 : a >= 1 + b ? 1 : (a - 1) / b;
        return base + (1 - b) * Math.cos((l * Math.PI * a) / 2);
      },
      c1: 0.1, c2: 0.1,
    },
  ];
  for (const c of cases) {
    for (const alpha0 of [1e-3, 1e-1, 1e1, 1e3]) {
      it(`${c.name}, α0 = ${alpha0}: a strong Wolfe step`, () => {
        const p = { ...LBFGS_WOLFE, c1: c.c1, c2: c.c2 };
        const objective = alongLine(c.phi, c.dphi);
        const x0 = Float64Array.of(0), d = Float64Array.of(1);
        const search = searchOnce(objective, x0, d, alpha0, p);
        assertStrongWolfe(objective, x0, d, search, p);
        assert.ok(search.evaluations <= 20, `${search.evaluations} evaluations`);
      });
    }
  }

  it('on random convex quadratics, any descent direction and start step (lbfgs and cg parameters)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.record({
            diag: fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
            x0: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
            noise: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            alpha0: fc.double({ min: -4, max: 4, noNaN: true }).map((e) => 10 ** e),
            lbfgs: fc.boolean(),
          }),
        ),
        ({ diag, x0, noise, alpha0, lbfgs }) => {
          const objective: Objective = (x, g) => {
            let f = 0;
            for (let i = 0; i < x.length; i++) {
              g[i] = diag[i]! * x[i]!;
              f += 0.5 * diag[i]! * x[i]! ** 2;
            }
            return f;
          };
          const start = Float64Array.from(x0);
          const g0 = new Float64Array(start.length);
          objective(start, g0);
          const gg = g0.reduce((s, v) => s + v * v, 0);
          fc.pre(gg > 1e-6);
          // d = −g + a perturbation of at most half of ‖g‖: still a descent direction.
          const scale = (0.5 * Math.sqrt(gg)) / Math.sqrt(start.length);
          const d = g0.map((v, i) => -v + scale * noise[i]!);
          const p = lbfgs ? LBFGS_WOLFE : CG_WOLFE;
          const search = searchOnce(objective, start, d, alpha0, p);
          assertStrongWolfe(objective, start, d, search, p);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on Rosenbrock along −∇J from random points', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -1, max: 3, noNaN: true }), (a, b) => {
        const x0 = Float64Array.of(a, b), g0 = new Float64Array(2);
        rosenbrock(x0, g0);
        fc.pre(Math.hypot(g0[0]!, g0[1]!) > 1e-6);
        const d = g0.map((v) => -v);
        const search = searchOnce(rosenbrock, x0, d, 1 / Math.hypot(g0[0]!, g0[1]!), LBFGS_WOLFE);
        assertStrongWolfe(rosenbrock, x0, d, search, LBFGS_WOLFE);
      }),
      { numRuns: 300 },
    );
  });

  it('treats non-finite trials as too long and contracts toward the last good step', () => {
    // φ(α) = (α − 1.5)², +Infinity from α ≥ 2.
    const objective = alongLine((a) => (a >= 2 ? Infinity : (a - 1.5) ** 2), (a) => 2 * (a - 1.5));
    const x0 = Float64Array.of(0), d = Float64Array.of(1);
    const search = searchOnce(objective, x0, d, 100, LBFGS_WOLFE);
    assertStrongWolfe(objective, x0, d, search, LBFGS_WOLFE);
  });

  it("gives up with 'not-finite' when every trial is NaN, after maxNonFinite calls", () => {
    const objective = alongLine((a) => (a > 0 ? NaN : 1 - a), () => -1);
    const search = new WolfeLineSearch(1, LBFGS_WOLFE);
    const status = search.search(objective, Float64Array.of(0), 1, Float64Array.of(1), -1, 1);
    assert.equal(status, 'not-finite');
    assert.equal(search.evaluations, LBFGS_WOLFE.maxNonFinite);
    assert.deepEqual(search.notFinite(7), { iteration: 7, where: 'cost' });
  });

  it("returns 'failed' when no step decreases J (d is not a descent direction in fact)", () => {
    const objective = alongLine((a) => a * a + 1, (a) => 2 * a);
    const search = new WolfeLineSearch(1, LBFGS_WOLFE);
    // Lie about the slope: claim φ'(0) = −1 though it is 0.
    assert.equal(search.search(objective, Float64Array.of(0), 1, Float64Array.of(1), -1, 1), 'failed');
    assert.ok(search.evaluations <= LBFGS_WOLFE.maxEvaluations);
  });

  it("checks the signal before every call: 'cancelled' with no evaluation", () => {
    const objective = alongLine((a) => (a - 1) ** 2, (a) => 2 * (a - 1));
    const search = new WolfeLineSearch(1, LBFGS_WOLFE);
    assert.equal(search.search(objective, Float64Array.of(0), 1, Float64Array.of(1), -2, 1, { aborted: true }), 'cancelled');
    assert.equal(search.evaluations, 0);
  });
});

describe('cubicMinimizer', () => {
  it('is exact for a cubic with a local minimum', () => {
    // p(x) = x³ − 3x: minimum at x = 1; p' = 3x² − 3.
    const p = (x: number) => x ** 3 - 3 * x, dp = (x: number) => 3 * x * x - 3;
    for (const [a, b] of [[0, 2], [2, 0], [-0.5, 0.5], [0.2, 0.4]] as const) {
      assert.ok(Math.abs(cubicMinimizer(a, p(a), dp(a), b, p(b), dp(b)) - 1) < 1e-12, `${a}, ${b}`);
    }
  });

  it('is exact for a quadratic', () => {
    const q = (x: number) => 3 * (x - 0.7) ** 2, dq = (x: number) => 6 * (x - 0.7);
    assert.ok(Math.abs(cubicMinimizer(0, q(0), dq(0), 2, q(2), dq(2)) - 0.7) < 1e-12);
  });

  it('is NaN when the cubic has no minimiser, and clampStep then takes the fallback', () => {
    // p(x) = −x³ − x on [0, 1]: p' = −3x² − 1 < 0 everywhere, no local minimum.
    const x = cubicMinimizer(0, 0, -1, 1, -2, -4);
    assert.ok(Number.isNaN(x));
    assert.equal(clampStep(x, 2, 8, 8), 8);
    assert.equal(clampStep(1, 2, 8, 8), 2);
    assert.equal(clampStep(9, 2, 8, 8), 8);
  });
});
