import assert from 'node:assert/strict';
import { FUNCTIONS, frobenius, functionNames } from '../../../../src/core/debug/expression/functions';
import { columnVector, layerList } from '../../../../src/core/debug/expression/values';
import { bool, failure, mat, num, rows, scope } from './helpers';

const s = scope({
  A: mat([[1, -2, 3], [-4, 5, -6]]),
  B: mat([[0, 0], [0, 0]]),
  v: columnVector([3, 4]),
  w: columnVector([1, NaN, Infinity]),
  Theta: layerList([mat([[1]])]),
  k: -2.5,
});

describe('expression functions', () => {
  it('has exactly the issue\'s functions', () => {
    assert.deepEqual(functionNames().sort(), ['abs', 'all', 'any', 'isfinite', 'isnan', 'max', 'mean', 'min', 'norm', 'size', 'sum'].sort());
    assert.equal(FUNCTIONS.size, 11);
  });

  it('max / min over all entries, or elementwise with two arguments', () => {
    assert.equal(num('max(A)', s), 5);
    assert.equal(num('min(A)', s), -6);
    assert.equal(num('max(k)', s), -2.5);
    assert.deepEqual(rows('max(A, 0)', s), [[1, 0, 3], [0, 5, 0]]);
    assert.deepEqual(rows('min(0, A)', s), [[0, -2, 0], [-4, 0, -6]]);
    assert.deepEqual(rows('max(A, -A)', s), [[1, 2, 3], [4, 5, 6]]);
    assert.equal(num('max(1, 2)'), 2);
    assert.equal(num('min(1, 2)'), 1);
  });

  it('max / min let a NaN through instead of hiding it', () => {
    assert.ok(Number.isNaN(num('max(w)', s)));
    assert.ok(Number.isNaN(num('min(w)', s)));
    assert.ok(Number.isNaN(num('max(NaN, 1)')));
  });

  it('abs, sum, mean', () => {
    assert.deepEqual(rows('abs(A)', s), [[1, 2, 3], [4, 5, 6]]);
    assert.equal(num('abs(k)', s), 2.5);
    assert.equal(num('sum(A)', s), -3);
    assert.equal(num('mean(A)', s), -0.5);
    assert.equal(num('sum(k)', s), -2.5);
    assert.equal(num('mean(v)', s), 3.5);
  });

  it('norm: the 2-norm of a vector, the Frobenius norm of a matrix, |x| of a scalar', () => {
    assert.equal(num('norm(v)', s), 5);
    assert.ok(Math.abs(num('norm(A)', s) - Math.sqrt(91)) < 1e-15);
    assert.equal(num('norm(k)', s), 2.5);
    assert.equal(num('norm(B)', s), 0);
    // Without scaling, the squares overflow to Inf and underflow to 0.
    assert.ok(Math.abs(frobenius([3e200, 4e200]) / 5e200 - 1) < 1e-15);
    assert.ok(Math.abs(frobenius([3e-200, 4e-200]) / 5e-200 - 1) < 1e-15);
    assert.equal(frobenius([1, Infinity]), Infinity);
    assert.ok(Number.isNaN(frobenius([Infinity, NaN])));
  });

  it('any / all over all entries give booleans; NaN counts as nonzero', () => {
    assert.equal(bool('any(B)', s), false);
    assert.equal(bool('any(A > 4)', s), true);
    assert.equal(bool('all(A)', s), true);
    assert.equal(bool('all(A > 0)', s), false);
    assert.equal(bool('any(NaN)'), true);
    assert.equal(bool('all(0)'), false);
  });

  it('isnan / isfinite: a boolean on a scalar, a 0/1 matrix on a matrix', () => {
    assert.deepEqual(rows('isnan(w)', s), [[0], [1], [0]]);
    assert.deepEqual(rows('isfinite(w)', s), [[1], [0], [0]]);
    assert.equal(bool('isnan(NaN)'), true);
    assert.equal(bool('isfinite(1 / 0)'), false);
    assert.equal(bool('any(isnan(w))', s), true);
  });

  it('size gives a 1 × 2 matrix, or one dimension', () => {
    assert.deepEqual(rows('size(A)', s), [[2, 3]]);
    assert.deepEqual(rows('size(v)', s), [[2, 1]]);
    assert.deepEqual(rows('size(k)', s), [[1, 1]]);
    assert.equal(num('size(A, 1)', s), 2);
    assert.equal(num('size(A, 2)', s), 3);
    failure('size(A, 3)', s, 'index-out-of-range', 8, 9);
  });

  it('arity errors name the function and how to call it', () => {
    assert.match(failure('norm(A, 2)', s, 'arity', 0, 10).message, /norm takes 1 argument \(norm\(X\)\), got 2/);
    assert.match(failure('max()', s, 'arity', 0, 5).message, /max takes 1 or 2 arguments/);
    failure('size(A, 1, 2)', s, 'arity', 0, 13);
  });

  it('a list of layers as an argument is a type error at that argument', () => {
    assert.match(failure('sum(1, Theta)', s, 'arity').message, /sum takes 1/);
    assert.match(failure('norm(Theta)', s, 'type', 5, 10).message, /pick one, as in Theta\[1\]/);
    failure('max(1, Theta)', s, 'type', 7, 12);
  });
});
