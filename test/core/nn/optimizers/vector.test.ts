import assert from 'node:assert/strict';
import { addScaledThenDot, dot } from '../../../../src/core/nn/optimizers/vector';
import { createRng } from '../../../../src/core/nn/rng';

describe('core/nn/optimizers/vector', () => {
  const rng = createRng(3);
  const rand = (n: number): Float64Array => new Float64Array(n).map(() => 2 * rng.next() - 1);
  /** |Σ| bound of the rounding of a sum of these products. */
  const scale = (a: Float64Array, b: Float64Array): number => a.reduce((s, x, i) => s + Math.abs(x * b[i]!), 0);

  it('dot is aᵀb for every length (the partial sums and the tail)', () => {
    for (let n = 0; n <= 41; n++) {
      const a = rand(n), b = rand(n);
      let want = 0;
      for (let i = 0; i < n; i++) want += a[i]! * b[i]!;
      assert.ok(Math.abs(dot(a, b) - want) <= 1e-15 * (1 + scale(a, b)), `n = ${n}`);
    }
    assert.equal(dot(new Float64Array([1, 2, 3, 4, 5]), new Float64Array([5, 4, 3, 2, 1])), 35);
  });

  it('addScaledThenDot updates d += c·v and returns wᵀd of the updated d', () => {
    for (let n = 0; n <= 23; n++) {
      const d = rand(n), v = rand(n), w = rand(n), c = 2 * rng.next() - 1;
      const want = Float64Array.from(d, (x, i) => x + c * v[i]!);
      const got = addScaledThenDot(d, c, v, w);
      assert.deepEqual(Array.from(d), Array.from(want));
      let wd = 0;
      for (let i = 0; i < n; i++) wd += w[i]! * want[i]!;
      assert.ok(Math.abs(got - wd) <= 1e-15 * (1 + scale(w, want)), `n = ${n}`);
    }
  });
});
