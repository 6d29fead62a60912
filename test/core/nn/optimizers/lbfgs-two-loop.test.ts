import assert from 'node:assert/strict';
import { twoLoop } from '../../../../src/core/nn/optimizers/lbfgs';
import { createRng } from '../../../../src/core/nn/rng';

/** Algorithm 7.4 as written: two passes over the pairs, each dot product apart from its update. */
function plainTwoLoop(g: Float64Array, S: Float64Array[], Y: Float64Array[], rho: Float64Array, newest: number, count: number, gamma: number): Float64Array {
  const M = S.length, q = Float64Array.from(g), a = new Float64Array(M);
  const at = (j: number): number => (newest - j + M) % M;
  const dotOf = (x: Float64Array, y: Float64Array): number => x.reduce((s, v, i) => s + v * y[i]!, 0);
  for (let j = 0; j < count; j++) {
    const i = at(j);
    a[i] = rho[i]! * dotOf(S[i]!, q);
    for (let t = 0; t < q.length; t++) q[t] = q[t]! - a[i]! * Y[i]![t]!;
  }
  const r = q.map((x) => gamma * x);
  for (let j = count - 1; j >= 0; j--) {
    const i = at(j);
    const b = rho[i]! * dotOf(Y[i]!, r);
    for (let t = 0; t < r.length; t++) r[t] = r[t]! + (a[i]! - b) * S[i]![t]!;
  }
  return r.map((x) => -x);
}

describe('core/nn/optimizers/lbfgs: the fused two-loop recursion', () => {
  it('gives algorithm 7.4’s direction and its slope gᵀd, for any number of pairs and any place of the newest in the ring', () => {
    const rng = createRng(12);
    const M = 10;
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + rng.nextInt(37);
      const rand = (): Float64Array => new Float64Array(n).map(() => 2 * rng.next() - 1);
      const S = Array.from({ length: M }, rand), Y = Array.from({ length: M }, rand);
      const rho = new Float64Array(M).map(() => 0.5 + rng.next());
      const g = rand(), count = 1 + rng.nextInt(M), newest = rng.nextInt(M), gamma = 0.1 + rng.next();
      const d = new Float64Array(n), scratch = new Float64Array(M);
      const slope = twoLoop(d, g, S, Y, rho, scratch, newest, count, gamma);
      const want = plainTwoLoop(g, S, Y, rho, newest, count, gamma);
      const size = Math.max(1, ...Array.from(want, Math.abs));
      for (let t = 0; t < n; t++) assert.ok(Math.abs(d[t]! - want[t]!) <= 1e-12 * size, `trial ${trial}: d[${t}] = ${d[t]}, want ${want[t]}`);
      const wantSlope = want.reduce((s, x, i) => s + x * g[i]!, 0);
      assert.ok(Math.abs(slope - wantSlope) <= 1e-12 * Math.max(1, Math.abs(wantSlope)) * size, `trial ${trial}: slope ${slope}, want ${wantSlope}`);
    }
  });
});
