import assert from 'node:assert/strict';
import { applyNormalization, fitNormalization } from '../../../src/core/data/normalization';

const X = Float64Array.from([1, 5, 2, 5, 3, 5, 6, 5]); // 4 × 2, second column constant

describe('fitNormalization', () => {
  it('standard: the mean and the population standard deviation; a constant column gets scale 1', () => {
    const norm = fitNormalization('standard', X, 4, 2);
    assert.equal(norm.kind, 'standard');
    assert.deepEqual(norm.shift, [3, 5]);
    assert.ok(Math.abs((norm.scale[0] ?? 0) - Math.sqrt((4 + 1 + 0 + 9) / 4)) < 1e-15);
    assert.equal(norm.scale[1], 1);
  });

  it('minmax: the minimum and the range; a constant column gets scale 1', () => {
    const norm = fitNormalization('minmax', X, 4, 2);
    assert.deepEqual(norm.shift, [1, 5]);
    assert.deepEqual(norm.scale, [5, 1]);
  });

  it('none: shift 0 and scale 1 per feature', () => {
    assert.deepEqual(fitNormalization('none', X, 4, 2), { kind: 'none', shift: [0, 0], scale: [1, 1] });
  });
});

describe('applyNormalization', () => {
  it('maps the training columns to mean 0 / std 1 (standard) and [0, 1] (minmax)', () => {
    const std = applyNormalization(fitNormalization('standard', X, 4, 2), X);
    const col0 = [0, 2, 4, 6].map((p) => std[p] ?? NaN);
    const mean = col0.reduce((a, b) => a + b) / 4;
    assert.ok(Math.abs(mean) < 1e-15);
    assert.ok(Math.abs(col0.reduce((a, b) => a + b * b, 0) / 4 - 1) < 1e-12);
    assert.deepEqual([1, 3, 5, 7].map((p) => std[p]), [0, 0, 0, 0]);
    const mm = applyNormalization(fitNormalization('minmax', X, 4, 2), X);
    assert.deepEqual([0, 2, 4, 6].map((p) => mm[p]), [0, 0.2, 0.4, 1]);
  });

  it('may write in place', () => {
    const copy = Float64Array.from(X);
    const out = applyNormalization({ kind: 'minmax', shift: [1, 5], scale: [5, 1] }, copy, copy);
    assert.equal(out, copy);
    assert.equal(copy[6], 1);
  });
});
