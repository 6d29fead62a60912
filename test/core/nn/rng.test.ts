import assert from 'node:assert/strict';
import { createRng } from '../../../src/core/nn/rng';

describe('createRng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRng(1), b = createRng(1), c = createRng(2);
    const sa = Array.from({ length: 5 }, () => a.next());
    const sb = Array.from({ length: 5 }, () => b.next());
    const sc = Array.from({ length: 5 }, () => c.next());
    assert.deepEqual(sa, sb);
    assert.notDeepEqual(sa, sc);
  });

  it('is uniform on [0, 1): mean near 1/2, variance near 1/12, never 1', () => {
    const rng = createRng(42);
    let sum = 0, sumSq = 0, max = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      sum += u; sumSq += u * u; max = Math.max(max, u);
    }
    const mean = sum / n;
    assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
    assert.ok(Math.abs(sumSq / n - mean * mean - 1 / 12) < 0.005);
    assert.ok(max < 1);
  });

  it('gives standard normal deviates', () => {
    const rng = createRng(7);
    let sum = 0, sumSq = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const g = rng.nextGaussian();
      sum += g; sumSq += g * g;
    }
    assert.ok(Math.abs(sum / n) < 0.02);
    assert.ok(Math.abs(sumSq / n - 1) < 0.02);
  });

  it('nextInt stays in range and covers it', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = rng.nextInt(7);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 7);
      seen.add(k);
    }
    assert.equal(seen.size, 7);
  });

  it('distinguishes seeds beyond 32 bits', () => {
    assert.notEqual(createRng(2 ** 40).next(), createRng(0).next());
  });
});
