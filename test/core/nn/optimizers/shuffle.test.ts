import assert from 'node:assert/strict';
import fc from 'fast-check';
import { batchViews, identityPermutation, shuffleInPlace } from '../../../../src/core/nn/optimizers/shuffle';
import { createRng } from '../../../../src/core/nn/rng';

describe('shuffleInPlace (Fisher–Yates)', () => {
  it('gives a permutation, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.nat(), (n, seed) => {
        const a = shuffleInPlace(identityPermutation(new Int32Array(n)), createRng(seed));
        const b = shuffleInPlace(identityPermutation(new Int32Array(n)), createRng(seed));
        assert.deepEqual(a, b);
        assert.deepEqual(Array.from(a).sort((x, y) => x - y), Array.from({ length: n }, (_, i) => i));
      }),
    );
  });

  it('makes every permutation of 3 about equally likely', () => {
    const rng = createRng(77), counts = new Map<string, number>();
    const N = 60_000;
    for (let t = 0; t < N; t++) {
      const key = Array.from(shuffleInPlace(identityPermutation(new Int32Array(3)), rng)).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    assert.equal(counts.size, 6);
    for (const c of counts.values()) assert.ok(Math.abs(c / N - 1 / 6) < 0.01, `${c / N}`);
  });
});

describe('batchViews', () => {
  it('cuts the order into views of the batch size, the last shorter, that follow reshuffles', () => {
    const order = identityPermutation(new Int32Array(10));
    const views = batchViews(order, 4);
    assert.deepEqual(views.map((v) => v.length), [4, 4, 2]);
    shuffleInPlace(order, createRng(3));
    assert.deepEqual(views.flatMap((v) => Array.from(v)), Array.from(order));
  });
});
