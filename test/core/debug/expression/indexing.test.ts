import assert from 'node:assert/strict';
import { columnVector, layerList } from '../../../../src/core/debug/expression/values';
import { failure, mat, num, rows, scope, value } from './helpers';

const T1 = mat([[1, 2, 3], [4, 5, 6]]);          // Θ^(1): 2×3
const T2 = mat([[7, 8, 9]]);                      // Θ^(2): 1×3
const s = scope({
  Theta: layerList([T1, T2]),
  delta: layerList([undefined, columnVector([0.1, 0.2]), columnVector([0.3])]),
  x: columnVector([10, 20, 30, 40]),
  r: mat([[1, 2, 3]]),
  J: 0.5,
});

describe('expression indexing, 1-based as in the lecture', () => {
  it('a list of layers takes one layer: Theta[l] is Θ^(l), delta[l] is δ^(l)', () => {
    assert.deepEqual(rows('Theta[1]', s), [[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(rows('Theta[2]', s), [[7, 8, 9]]);
    assert.deepEqual(rows('delta[2]', s), [[0.1], [0.2]]);
    assert.equal(value('delta[3]', s).kind, 'matrix');
  });

  it('M[i, j] is row i, column j (column 1 the bias weights); v[i] entry i', () => {
    assert.equal(num('Theta[1][2,3]', s), 6);
    assert.equal(num('Theta[1][1,1]', s), 1);
    assert.equal(num('x[1]', s), 10);
    assert.equal(num('x[4]', s), 40);
    assert.equal(num('r[2]', s), 2);
    assert.equal(num('delta[2][2]', s), 0.2);
    assert.equal(num('J[1]', s), 0.5);
    assert.equal(num('J[1,1]', s), 0.5);
  });

  it('an index may be any expression giving a whole number', () => {
    assert.equal(num('Theta[1 + 1][1, 2 * 1 + 1]', s), 9);
    assert.equal(num('x[size(x, 1)]', s), 40);
  });

  it(': and from:to pick rows, columns and entries, keeping a vector\'s orientation', () => {
    assert.deepEqual(rows('Theta[1][:,2]', s), [[2], [5]]);
    assert.deepEqual(rows('Theta[1][2,:]', s), [[4, 5, 6]]);
    assert.deepEqual(rows('Theta[1][:,2:3]', s), [[2, 3], [5, 6]]);
    assert.deepEqual(rows('Theta[1][:,:]', s), [[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(rows('x[2:3]', s), [[20], [30]]);
    assert.deepEqual(rows('x[:]', s), [[10], [20], [30], [40]]);
    assert.deepEqual(rows('r[2:3]', s), [[2, 3]]);
    assert.deepEqual(rows('x[2:2]', s), [[20]]);
  });

  it('end is the last layer, row, column or entry of its own brackets', () => {
    assert.deepEqual(rows('Theta[end]', s), [[7, 8, 9]]);
    assert.deepEqual(rows('delta[end]', s), [[0.3]]);
    assert.equal(num('Theta[1][end, end]', s), 6);
    assert.equal(num('Theta[1][end, 1]', s), 4);
    assert.equal(num('Theta[1][1, end]', s), 3);
    assert.deepEqual(rows('x[2:end]', s), [[20], [30], [40]]);
    assert.equal(num('x[end - 1]', s), 30);
    assert.equal(num('x[max(1, end - 10)]', s), 10);
    assert.equal(num('x[r[end]]', s), 30);
  });

  it('indexes the result of any expression', () => {
    assert.equal(num("(Theta[1]')[3, 2]", s), 6);
    assert.equal(num('size(Theta[1])[2]', s), 3);
  });
});

describe('expression indexing errors say the valid range', () => {
  const cases: [string, string, number, RegExp][] = [
    ['Theta[3]', 'index-out-of-range', 6, /has layers 1…2; there is no Theta\[3\]/],
    ['Theta[0]', 'index-out-of-range', 6, /has layers 1…2/],
    ['delta[1]', 'index-out-of-range', 6, /has layers 2…3; there is no delta\[1\]/],
    ['delta[1.5]', 'index-out-of-range', 6, /layer 1\.5 is not a whole number.*layers 2…3/],
    ['Theta[1][3,1]', 'index-out-of-range', 9, /row 3 is out of range: 'Theta\[1\]' has rows 1…2/],
    ['Theta[1][1,4]', 'index-out-of-range', 11, /column 4 is out of range: 'Theta\[1\]' has columns 1…3/],
    ['Theta[1][1,0]', 'index-out-of-range', 11, /columns 1…3/],
    ['x[5]', 'index-out-of-range', 2, /entry 5 is out of range: 'x' has entries 1…4/],
    ['x[-1]', 'index-out-of-range', 2, /entries 1…4/],
    ['x[NaN]', 'index-out-of-range', 2, /not a whole number/],
    ['x[3:2]', 'index-out-of-range', 2, /the range 3:2 is empty/],
    ['x[2:9]', 'index-out-of-range', 4, /entry 9 is out of range/],
    ['J[2]', 'index-out-of-range', 2, /1 only/],
    ['Theta[1][1]', 'type', 9, /is a 2×3 matrix: index it with \[row, column\]/],
    ['Theta[1, 2]', 'type', 6, /give one layer, as in Theta\[1\]/],
    ['Theta[:]', 'type', 6, /give one layer/],
    ['Theta[1][1,1,1]', 'type', 9, /one index .* or two/],
    ['x[x]', 'type', 2, /not a scalar/],
    ['x[true]', 'type', 2, /a boolean/],
  ];
  for (const [text, code, at, message] of cases) {
    it(`${text}: ${code} at column ${at + 1}`, () => {
      const e = failure(text, s, code as 'type', at);
      assert.match(e.message, message);
    });
  }
});
