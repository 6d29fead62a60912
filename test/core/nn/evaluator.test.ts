import assert from 'node:assert/strict';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { parameterCount, type Architecture } from '../../../src/core/nn/network';
import { createRng } from '../../../src/core/nn/rng';

const arch: Architecture = { sizes: [5, 7, 6, 3], activations: ['relu', 'tanh', 'softmax'], cost: 'cross-entropy', lambda: 0.8 };
const m = 203;
const rng = createRng(21);
const theta = new Float64Array(parameterCount(arch.sizes)).map(() => rng.next() - 0.5);
const X = new Float64Array(m * 5).map(() => 2 * rng.next() - 1);
const Y = new Float64Array(m * 3);
for (let i = 0; i < m; i++) Y[i * 3 + rng.nextInt(3)] = 1;
const data = { X, Y, m };
const near = (a: number, b: number, tol = 1e-12): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

describe('NetworkEvaluator', () => {
  it('gives the same J and D whatever the chunk size (1, 4, 37, all), overwriting gradOut', () => {
    const reference = new Float64Array(theta.length);
    const J = new NetworkEvaluator(arch, m).costAndGradient(theta, data, reference);
    for (const chunk of [1, 4, 37]) {
      const grad = new Float64Array(theta.length).fill(NaN);
      const ev = new NetworkEvaluator(arch, chunk);
      assert.ok(near(ev.costAndGradient(theta, data, grad), J));
      grad.forEach((g, k) => assert.ok(near(g, reference[k]!), `chunk ${chunk}, θ[${k}]`));
      assert.ok(near(ev.cost(theta, data), J), 'cost() agrees with costAndGradient()');
    }
  });

  it('evaluates a mini-batch given by row indices exactly as the same rows copied out', () => {
    const rows = Int32Array.from([5, 200, 17, 17, 0, 99, 150, 3, 44, 120]);
    const Xb = new Float64Array(rows.length * 5), Yb = new Float64Array(rows.length * 3);
    rows.forEach((r, i) => {
      Xb.set(X.subarray(r * 5, r * 5 + 5), i * 5);
      Yb.set(Y.subarray(r * 3, r * 3 + 3), i * 3);
    });
    const ev = new NetworkEvaluator(arch, 4);
    const g1 = new Float64Array(theta.length), g2 = new Float64Array(theta.length);
    const J1 = ev.costAndGradient(theta, { X, Y, m: rows.length, rows }, g1);
    const J2 = ev.costAndGradient(theta, { X: Xb, Y: Yb, m: rows.length }, g2);
    assert.equal(J1, J2);
    assert.deepEqual(g1, g2);
    assert.throws(() => ev.cost(theta, { X, Y, m: 2, rows: Int32Array.from([0, m]) }), RangeError);
  });

  it('predict gives a^(L) per example, equal to the trace\'s; the trace\'s δ^(L) is a^(L) − y', () => {
    const ev = new NetworkEvaluator(arch, 64);
    const out = ev.predict(theta, X, m, new Float64Array(m * 3));
    for (const i of [0, 64, 202]) {
      const t = ev.trace(theta, data, i);
      assert.deepEqual([...t.a[0]!], [...X.subarray(i * 5, i * 5 + 5)]);
      t.a[3]!.forEach((a, k) => assert.ok(near(a, out[i * 3 + k]!), 'equal up to the summation order of the kernels'));
      t.delta[3]!.forEach((d, k) => assert.ok(near(d, t.a[3]![k]! - Y[i * 3 + k]!)));
      assert.equal(t.z[0]!.length, 0);
      assert.ok(near(t.a[1]![2]!, Math.max(0, t.z[1]![2]!)));
    }
  });

  it('J and D are the means of the per-example traces plus the regularisation', () => {
    const ev = new NetworkEvaluator(arch, 16);
    const small = { X, Y, m: 9 };
    const grad = new Float64Array(theta.length);
    const J = ev.costAndGradient(theta, small, grad);
    let sum = 0;
    const absDelta = [0, 0, 0];
    for (let i = 0; i < 9; i++) {
      const t = ev.trace(theta, small, i);
      sum += t.cost;
      for (let l = 1; l < 4; l++) for (const d of t.delta[l]!) absDelta[l - 1]! += Math.abs(d);
    }
    let penalty = 0;
    [[0, 7, 6], [42, 6, 8], [90, 3, 7]].forEach(([off, rows, cols]) => {
      for (let r = 0; r < rows!; r++) for (let c = 1; c < cols!; c++) penalty += theta[off! + r * cols! + c]! ** 2;
    });
    assert.ok(near(J, sum / 9 + (0.8 / 18) * penalty));
    // statistics of the last costAndGradient: mean |δ^(l)| and ‖D^(l)‖, layer l at index l − 1
    ev.costAndGradient(theta, small, grad);
    assert.equal(ev.stats.meanAbsDelta.length, 4);
    assert.equal(ev.stats.meanAbsDelta[0], 0);
    absDelta.forEach((s, k) => assert.ok(near(ev.stats.meanAbsDelta[k + 1]!, s / (9 * arch.sizes[k + 1]!))));
    const norm = (from: number, to: number): number => Math.sqrt(grad.subarray(from, to).reduce((x, g) => x + g * g, 0));
    assert.ok(near(ev.stats.gradientNorm[0]!, norm(0, 42)));
    assert.ok(near(ev.stats.gradientNorm[2]!, norm(90, 111)));
  });

  it('rejects an invalid architecture or short inputs with a RangeError', () => {
    assert.throws(() => new NetworkEvaluator({ ...arch, activations: ['softmax', 'tanh', 'softmax'] }), RangeError);
    const ev = new NetworkEvaluator(arch);
    assert.throws(() => ev.cost(theta.subarray(1), data), RangeError);
    assert.throws(() => ev.cost(theta, { X, Y, m: m + 1 }), RangeError);
    assert.throws(() => ev.costAndGradient(theta, data, new Float64Array(3)), RangeError);
    assert.throws(() => ev.trace(theta, data, m), RangeError);
  });
});
