import assert from 'node:assert/strict';
import { accumulateOuter, affineRows, gemmNN, gemmNT, gemmTN } from '../../../src/core/nn/matrix';
import { gemmReference } from './matrix-reference';
import { createRng } from '../../../src/core/nn/rng';

const rng = createRng(11);
const random = (n: number): Float64Array => new Float64Array(n).map(() => 2 * rng.next() - 1);
const transpose = (a: Float64Array, rows: number, cols: number): Float64Array => {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j]!;
  return t;
};
const close = (actual: Float64Array, expected: Float64Array, tol = 1e-12): void => {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= tol * (1 + Math.abs(expected[i]!)), `entry ${i}: ${actual[i]} vs ${expected[i]}`);
  }
};
// Odd shapes: m = 1, sizes below and not multiples of the 4 × 4 block, and big enough for the blocked path.
const SHAPES: [number, number, number][] = [[1, 1, 1], [1, 7, 3], [3, 1, 5], [4, 4, 4], [5, 6, 7], [9, 13, 2], [17, 10, 33], [64, 25, 401]];

describe('matrix kernels against the reference product', () => {
  for (const [m, n, k] of SHAPES) {
    it(`gemmNT, gemmNN, gemmTN for ${m}×${n}, inner ${k}, overwrite and accumulate`, () => {
      const A = random(m * k), Bt = random(n * k), B = transpose(Bt, n, k), At = transpose(A, m, k);
      const expected = gemmReference(new Float64Array(m * n), A, B, m, n, k, false, false);
      close(gemmNT(new Float64Array(m * n).fill(NaN), 0, n, A, 0, k, Bt, 0, k, m, n, k), expected);
      close(gemmNN(new Float64Array(m * n).fill(NaN), 0, n, A, 0, k, B, 0, n, m, n, k), expected);
      close(gemmTN(new Float64Array(m * n).fill(NaN), 0, n, At, 0, m, B, 0, n, m, n, k), expected);
      const start = random(m * n);
      const sum = start.map((v, i) => v + expected[i]!);
      close(gemmNN(Float64Array.from(start), 0, n, A, 0, k, B, 0, n, m, n, k, true), sum);
      close(gemmTN(Float64Array.from(start), 0, n, At, 0, m, B, 0, n, m, n, k, true), sum);
    });
  }

  it('works on views: offsets and leading dimensions larger than the width', () => {
    const m = 6, n = 5, k = 7, pad = 3;
    const A = random(m * k), B = random(k * n);
    const expected = gemmReference(new Float64Array(m * n), A, B, m, n, k, false, false);
    const Ap = new Float64Array(2 + m * (k + pad)), Bp = new Float64Array(1 + k * (n + pad));
    for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) Ap[2 + i * (k + pad) + p] = A[i * k + p]!;
    for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) Bp[1 + p * (n + pad) + j] = B[p * n + j]!;
    const out = new Float64Array(4 + m * (n + 2)).fill(-7);
    gemmNN(out, 4, n + 2, Ap, 2, k + pad, Bp, 1, n + pad, m, n, k);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) assert.ok(Math.abs(out[4 + i * (n + 2) + j]! - expected[i * n + j]!) < 1e-12);
      assert.equal(out[4 + i * (n + 2) + n], -7, 'the padding is untouched');
    }
  });

  for (const [m, sIn, sOut] of [[1, 3, 2], [7, 5, 9], [64, 30, 12]] as const) {
    it(`affineRows and accumulateOuter agree with explicit sums (${m} examples, ${sIn} → ${sOut})`, () => {
      const A = random(m * sIn), theta = random(sOut * (sIn + 1)), delta = random(m * sOut);
      const z = affineRows(new Float64Array(m * sOut), 0, sOut, A, 0, sIn, theta, 0, m, sIn, sOut);
      const grad = random(sOut * (sIn + 1)), before = Float64Array.from(grad);
      assert.equal(accumulateOuter(grad, 0, delta, 0, sOut, A, 0, sIn, m, sIn, sOut), grad);
      for (let r = 0; r < sOut; r++) {
        for (let i = 0; i < m; i++) {
          let s = theta[r * (sIn + 1)]!;
          for (let c = 0; c < sIn; c++) s += A[i * sIn + c]! * theta[r * (sIn + 1) + c + 1]!;
          assert.ok(Math.abs(z[i * sOut + r]! - s) < 1e-12);
        }
        for (let c = 0; c <= sIn; c++) {
          let s = before[r * (sIn + 1) + c]!;
          for (let i = 0; i < m; i++) s += delta[i * sOut + r]! * (c === 0 ? 1 : A[i * sIn + c - 1]!);
          assert.ok(Math.abs(grad[r * (sIn + 1) + c]! - s) < 1e-12);
        }
      }
    });
  }
});
