import assert from 'node:assert/strict';
import { activations } from '../../../src/core/nn/activations';
import { CE_CLAMP, costs, sumSquaredWeights } from '../../../src/core/nn/costs';

const close = (a: number, b: number, tol = 1e-12): void => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

describe('costs', () => {
  it('cross-entropy over sigmoid outputs is the lecture\'s −Σ [y log h + (1 − y) log(1 − h)], and δ = a − y', () => {
    const z = new Float64Array([0.3, -1.2, 2.5, -0.1]), y = new Float64Array([1, 0, 0, 1]), a = new Float64Array(4);
    activations.sigmoid.forward(a, z, 0, 4, 2);
    const out = costs['cross-entropy'](activations.sigmoid);
    let expected = 0;
    for (let k = 0; k < 4; k++) expected -= y[k]! * Math.log(a[k]!) + (1 - y[k]!) * Math.log(1 - a[k]!);
    close(out.cost(z, a, 0, y, 0, 4, 2), expected);
    const d = new Float64Array(4);
    assert.ok(Math.abs(out.costAndDelta(d, z, a, 0, y, 0, 4, 2) - expected) < 1e-12);
    d.forEach((v, k) => close(v, a[k]! - y[k]!));
  });

  it('sigmoid cross-entropy stays finite where h rounds to 0 or 1', () => {
    const z = new Float64Array([50, -50]), y = new Float64Array([0, 1]), a = new Float64Array(2);
    activations.sigmoid.forward(a, z, 0, 2, 1);
    close(costs['cross-entropy'](activations.sigmoid).cost(z, a, 0, y, 0, 2, 1), 100, 1e-12);
  });

  it('softmax cross-entropy is −Σ y log h with δ = a − y for one-hot y, at the offsets given', () => {
    const z = new Float64Array([9, 1, 2, 3, 0.5, -1, 2]), a = new Float64Array(7), y = new Float64Array([7, 0, 1, 0, 0, 0, 1]);
    activations.softmax.forward(a, z, 1, 6, 3);
    const out = costs['cross-entropy'](activations.softmax);
    close(out.cost(z, a, 1, y, 1, 6, 3), -Math.log(a[2]!) - Math.log(a[6]!));
    const d = new Float64Array(7).fill(42);
    out.costAndDelta(d, z, a, 1, y, 1, 6, 3);
    assert.equal(d[0], 42);
    for (let k = 1; k < 7; k++) close(d[k]!, a[k]! - y[k]!);
  });

  it('squared error is ½‖a − y‖²; with linear outputs δ = a − y, with sigmoid δ = (a − y)·a(1 − a)', () => {
    const z = new Float64Array([0.5, -2]), y = new Float64Array([1, 0.25]), a = new Float64Array(2);
    activations.linear.forward(a, z, 0, 2, 2);
    close(costs['squared-error'](activations.linear).cost(z, a, 0, y, 0, 2, 2), 0.5 * (0.25 + 5.0625));
    const d = new Float64Array(2);
    costs['squared-error'](activations.linear).costAndDelta(d, z, a, 0, y, 0, 2, 2);
    assert.deepEqual([...d], [-0.5, -2.25]);
    activations.sigmoid.forward(a, z, 0, 2, 2);
    costs['squared-error'](activations.sigmoid).costAndDelta(d, z, a, 0, y, 0, 2, 2);
    d.forEach((v, k) => close(v, (a[k]! - y[k]!) * a[k]! * (1 - a[k]!)));
  });

  it('cross-entropy on tanh/relu/linear outputs clamps a into (0, 1): finite cost, zero δ where clamped', () => {
    for (const g of [activations.tanh, activations.relu, activations.linear]) {
      const z = new Float64Array([-0.5, 0.25, 3]), a = new Float64Array(3), y = new Float64Array([1, 0, 1]);
      g.forward(a, z, 0, 3, 3);
      const out = costs['cross-entropy'](g);
      assert.ok(Number.isFinite(out.cost(z, a, 0, y, 0, 3, 3)));
      const d = new Float64Array(3);
      out.costAndDelta(d, z, a, 0, y, 0, 3, 3);
      for (let k = 0; k < 3; k++) {
        if (a[k]! <= CE_CLAMP || a[k]! >= 1 - CE_CLAMP) assert.equal(d[k], 0);
        else close(d[k]!, ((a[k]! - y[k]!) / (a[k]! * (1 - a[k]!))) * g.derivative(z[k]!, a[k]!));
      }
    }
  });

  it('the L2 penalty skips the bias column', () => {
    // 2 × 3 matrix at offset 1: rows [b, w, w]
    const theta = new Float64Array([99, 100, 1, 2, 100, 3, 4]);
    assert.equal(sumSquaredWeights(theta, 1, 2, 3), 1 + 4 + 9 + 16);
  });
});
