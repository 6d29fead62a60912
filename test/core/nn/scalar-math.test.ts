import assert from 'node:assert/strict';
import { sigmoidExp, sigmoidOf } from '../../../src/core/nn/scalar-math';
import { createRng } from '../../../src/core/nn/rng';

describe('core/nn/scalar-math', () => {
  const rng = createRng(11);

  it('sigmoidExp agrees with Math.exp to 4e-16 relative on [−708, 709.78]', () => {
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = i < 100_000 ? (2 * rng.next() - 1) * 40 : -708 + rng.next() * 1417.78;
      const want = Math.exp(x);
      worst = Math.max(worst, Math.abs(sigmoidExp(x) - want) / want);
    }
    assert.ok(worst <= 4e-16, `worst relative error ${worst}`);
    for (const x of [0, -0, 1, -1, 708, -708, 709, 709.78, 1e-20, -1e-20]) {
      assert.ok(Math.abs(sigmoidExp(x) - Math.exp(x)) <= 4e-16 * Math.exp(x), `e^${x}`);
    }
  });

  it('overflows to +∞ past ln(max double), takes x below −708 as −708, and keeps NaN', () => {
    assert.equal(sigmoidExp(709.8), Infinity);
    assert.equal(sigmoidExp(Infinity), Infinity);
    assert.equal(sigmoidExp(-800), sigmoidExp(-708));
    assert.equal(sigmoidExp(-Infinity), sigmoidExp(-708));
    assert.ok(sigmoidExp(-708) > 0 && sigmoidExp(-708) < 4e-308);
    assert.ok(Number.isNaN(sigmoidExp(NaN)));
  });

  it('sigmoidOf is 1/(1 + e^(−z)) with it: 0 and 1 at the far ends, ½ at 0, NaN for NaN', () => {
    assert.equal(sigmoidOf(0), 0.5);
    assert.equal(sigmoidOf(800), 1);
    assert.equal(sigmoidOf(-800), 0);
    assert.equal(sigmoidOf(-Infinity), 0);
    assert.ok(Number.isNaN(sigmoidOf(NaN)));
    for (let i = 0; i < 1000; i++) {
      const z = (2 * rng.next() - 1) * 50;
      const want = 1 / (1 + Math.exp(-z));
      assert.ok(Math.abs(sigmoidOf(z) - want) <= 1e-15 * want, `σ(${z})`);
    }
  });
});
