import assert from 'node:assert/strict';
import { floorMod } from '../../../../src/core/debug/expression/operators';
import { bool, failure, mat, num, rows, scope } from './helpers';

const s = scope({
  A: mat([[1, 2, 3], [4, 5, 6]]),     // 2×3
  B: mat([[6, 5, 4], [3, 2, 1]]),     // 2×3
  v: mat([[1], [-2], [3]]),           // 3×1
  r: mat([[2, 4]]),                   // 1×2
  one: mat([[5]]),                    // 1×1: a scalar
  k: 2,
});

describe('expression operators on scalars', () => {
  it('+ - * / ^ % and unary - +', () => {
    assert.equal(num('1 + 2'), 3);
    assert.equal(num('1 - 2'), -1);
    assert.equal(num('3 * 4'), 12);
    assert.equal(num('3 / 4'), 0.75);
    assert.equal(num('2 ^ 10'), 1024);
    assert.equal(num('7 % 3'), 1);
    assert.equal(num('-7 % 3'), 2);
    assert.equal(num('7 % -3'), -2);
    assert.equal(num('7 % 0'), 7);
    assert.equal(num('-k', s), -2);
    assert.equal(num('+k', s), 2);
    assert.equal(num('1 / 0'), Infinity);
    assert.ok(Number.isNaN(num('(-8) ^ (1/3)')));
  });

  it('elementwise .* ./ .^ on scalars are the scalar operations', () => {
    assert.equal(num('3 .* 4'), 12);
    assert.equal(num('3 ./ 4'), 0.75);
    assert.equal(num('2 .^ 3'), 8);
  });

  it('comparisons give booleans', () => {
    assert.equal(bool('1 < 2'), true);
    assert.equal(bool('2 <= 2'), true);
    assert.equal(bool('1 > 2'), false);
    assert.equal(bool('2 >= 3'), false);
    assert.equal(bool('2 == 2'), true);
    assert.equal(bool('2 != 2'), false);
    assert.equal(bool('2 ~= 3'), true);
    assert.equal(bool('NaN == NaN'), false);
  });

  it('booleans count as 1 and 0 in arithmetic', () => {
    assert.equal(num('(1 < 2) + 1'), 2);
    assert.equal(num('true * 5'), 5);
  });

  it('and / or / not on scalars give booleans; nonzero (NaN too) is true', () => {
    assert.equal(bool('1 and 0'), false);
    assert.equal(bool('1 and 2'), true);
    assert.equal(bool('0 or 0'), false);
    assert.equal(bool('0 or 3'), true);
    assert.equal(bool('not 0'), true);
    assert.equal(bool('not 2'), false);
    assert.equal(bool('not NaN'), false);
    assert.equal(bool('1 && 0 || 1'), true);
  });

  it('a 1 × 1 matrix acts as a scalar', () => {
    assert.equal(num('one + 1', s), 6);
    assert.equal(num('one ^ 2', s), 25);
    assert.equal(bool('one > 4', s), true);
    assert.deepEqual(rows('one * A', s), [[5, 10, 15], [20, 25, 30]]);
  });

  it('floorMod has the divisor sign, x % 0 = x', () => {
    assert.equal(floorMod(5.5, 2), 1.5);
    assert.equal(floorMod(-1, 10), 9);
    assert.equal(floorMod(3, 0), 3);
  });
});

describe('expression operators on matrices', () => {
  it('+ - elementwise with equal shapes or a scalar', () => {
    assert.deepEqual(rows('A + B', s), [[7, 7, 7], [7, 7, 7]]);
    assert.deepEqual(rows('A - B', s), [[-5, -3, -1], [1, 3, 5]]);
    assert.deepEqual(rows('A + 1', s), [[2, 3, 4], [5, 6, 7]]);
    assert.deepEqual(rows('10 - A', s), [[9, 8, 7], [6, 5, 4]]);
  });

  it('.* ./ .^ % elementwise, both ways round with a scalar', () => {
    assert.deepEqual(rows('A .* B', s), [[6, 10, 12], [12, 10, 6]]);
    assert.deepEqual(rows('A ./ B', s), [[1 / 6, 2 / 5, 3 / 4], [4 / 3, 5 / 2, 6]]);
    assert.deepEqual(rows('A .^ 2', s), [[1, 4, 9], [16, 25, 36]]);
    assert.deepEqual(rows('2 .^ v', s), [[2], [0.25], [8]]);
    assert.deepEqual(rows('A % 4', s), [[1, 2, 3], [0, 1, 2]]);
    assert.deepEqual(rows('12 ./ A', s), [[12, 6, 4], [3, 2.4, 2]]);
  });

  it('* is the matrix product of two matrices, scaling otherwise', () => {
    assert.deepEqual(rows("A * B'", s), [[28, 10], [73, 28]]);
    assert.deepEqual(rows("A' * B", s), [[18, 13, 8], [27, 20, 13], [36, 27, 18]]);
    assert.deepEqual(rows('A * v', s), [[6], [12]]);
    assert.deepEqual(rows('r * A', s), [[18, 24, 30]]);
    assert.deepEqual(rows('k * A', s), [[2, 4, 6], [8, 10, 12]]);
    assert.deepEqual(rows('A * 3', s), [[3, 6, 9], [12, 15, 18]]);
  });

  it("a 1 × 1 product is a number, and A' * B equals (A') * B", () => {
    assert.equal(num("v' * v", s), 14);
    assert.deepEqual(rows("(A') * B", s), rows("A' * B", s));
    assert.deepEqual(rows("A'' * B'", s), rows("A * (B')", s));
    assert.deepEqual(rows("v' * A'", s), [[6, 12]]);
    assert.deepEqual(rows("A' * 2", s), [[2, 8], [4, 10], [6, 12]]);
  });

  it('/ divides by a scalar; ^ needs scalars', () => {
    assert.deepEqual(rows('A / 2', s), [[0.5, 1, 1.5], [2, 2.5, 3]]);
    assert.match(failure('2 / A', s, 'type', 4, 5).message, /'\.\/'/);
    assert.match(failure('A ^ 2', s, 'type', 0, 1).message, /'\.\^'/);
    failure('2 ^ A', s, 'type', 4, 5);
  });

  it('unary -, not and the transpose', () => {
    assert.deepEqual(rows('-v', s), [[-1], [2], [-3]]);
    assert.deepEqual(rows('+v', s), [[1], [-2], [3]]);
    assert.deepEqual(rows('not (v - 1)', s), [[1], [0], [0]]);
    assert.deepEqual(rows("A'", s), [[1, 4], [2, 5], [3, 6]]);
    assert.deepEqual(rows("A.'", s), [[1, 4], [2, 5], [3, 6]]);
    assert.deepEqual(rows("A''", s), rows('A', s));
    assert.equal(num("k'", s), 2);
  });

  it('comparisons are elementwise and give 0/1 matrices', () => {
    assert.deepEqual(rows('A < B', s), [[1, 1, 1], [0, 0, 0]]);
    assert.deepEqual(rows('A <= 2', s), [[1, 1, 0], [0, 0, 0]]);
    assert.deepEqual(rows('A > 5', s), [[0, 0, 0], [0, 0, 1]]);
    assert.deepEqual(rows('3 >= A', s), [[1, 1, 1], [0, 0, 0]]);
    assert.deepEqual(rows('A == B - 2', s), [[0, 0, 0], [0, 0, 0]]);
    assert.deepEqual(rows('A != 5', s), [[1, 1, 1], [1, 0, 1]]);
  });

  it('and / or on matrices are elementwise 0/1 matrices', () => {
    assert.deepEqual(rows('(A > 1) and (A < 6)', s), [[0, 1, 1], [1, 1, 0]]);
    assert.deepEqual(rows('(A < 2) or (A > 5)', s), [[1, 0, 0], [0, 0, 1]]);
    assert.deepEqual(rows('1 and (v > 0)', s), [[1], [0], [1]]);
  });

  it('never writes into an operand', () => {
    const before = rows('A', s);
    rows("-A + A .* 2 - A' * 1 * 0 + 0 * A", scope({ A: mat([[1, 2], [3, 4]]) }));
    rows("A' * B", s);
    assert.deepEqual(rows('A', s), before);
  });
});

describe('expression operators: shape mismatches name both shapes', () => {
  const cases: [string, number, string][] = [
    ['A + v', 2, '2×3 and 3×1'],
    ['A .* r', 2, '2×3 and 1×2'],
    ['A * B', 2, '2×3 and 2×3'],
    ['v < r', 2, '3×1 and 1×2'],
    ["A' * v", 3, '3×2 and 3×1'],
    ['A and v', 2, '2×3 and 3×1'],
  ];
  for (const [text, at, shapes] of cases) {
    it(text, () => {
      const e = failure(text, s, 'shape-mismatch', at);
      assert.ok(e.message.includes(shapes), e.message);
    });
  }
});

describe('expression operators: short-circuit', () => {
  it('does not evaluate the right side of `false and …` or `true or …` on scalars', () => {
    let lookups = 0;
    const counting = { lookup: (n: string) => (n === 'J' ? (lookups++, { kind: 'number' as const, value: 2 }) : undefined), names: () => ['J'] };
    assert.equal(bool('0 and nope', counting), false);
    assert.equal(bool('1 or nope', counting), true);
    assert.equal(bool('J < 1 and J > 1', counting), false);
    assert.equal(lookups, 1);
    failure('1 and nope', counting, 'unknown-name', 6, 10);
  });
});
