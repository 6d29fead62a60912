import assert from 'node:assert/strict';
import { MAX_DEPTH, MAX_EXPRESSION_LENGTH } from '../../../../src/core/debug/expression/limits';
import { parseExpression, parseExpressionIn } from '../../../../src/core/debug/expression/parser';
import { tree } from './helpers';

function syntaxError(text: string): { code: string; start: number; end: number; message: string } {
  const r = parseExpression(text);
  if (r.ok) assert.fail(`${text} parsed`);
  return r.error;
}

describe('expression parser: precedence (Octave/MATLAB)', () => {
  const cases: [string, string][] = [
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['-2^2', '(-(2 ^ 2))'],
    ['2^3^2', '((2 ^ 3) ^ 2)'],
    ['2^-1', '(2 ^ (-1))'],
    ['-a * b', '((-a) * b)'],
    ["a' * b", "((a)' * b)"],
    ["a^b'", "(a ^ (b)')"],
    ['a .* b + c ./ d', '((a .* b) + (c ./ d))'],
    ['i % 10 == 0', '((i % 10) == 0)'],
    ['J > 1 + 1', '(J > (1 + 1))'],
    ['a < b == c', '((a < b) == c)'],
    ['a or b and c', '(a or (b and c))'],
    ['a || b && c', '(a or (b and c))'],
    ['not J > 1', '(not (J > 1))'],
    ['not a and b', '((not a) and b)'],
    ['not not a', '(not (not a))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ["Theta[2]' * delta[3] .* a[2] .* (1 - a[2])", "((((Theta[2])' * delta[3]) .* a[2]) .* (1 - a[2]))"],
    ['Theta[1][2,3]', 'Theta[1][2,3]'],
    ['Theta[1][:,2]', 'Theta[1][:,2]'],
    ['v[2:end]', 'v[2:end]'],
    ['v[end - 1]', 'v[(end - 1)]'],
    ['norm(D[1])', 'norm(D[1])'],
    ['max(a, b)', 'max(a,b)'],
    ['size(x)[1,2]', 'size(x)[1,2]'],
    ["(a + b)'", "((a + b))'"],
  ];
  for (const [text, expected] of cases) {
    it(`${text}  →  ${expected}`, () => assert.equal(tree(text), expected));
  }
});

describe('expression parser: ranges and syntax errors', () => {
  it('gives each node its source range, parentheses included', () => {
    const r = parseExpression(' (J + 1) * 2');
    assert.ok(r.ok);
    assert.equal(r.value.root.kind, 'binary');
    if (r.value.root.kind !== 'binary') return;
    assert.deepEqual([r.value.root.start, r.value.root.end], [1, 12]);
    assert.deepEqual([r.value.root.left.start, r.value.root.left.end], [1, 8]);
    assert.deepEqual([r.value.root.opStart, r.value.root.opEnd], [9, 10]);
  });

  const errors: [string, number, number][] = [
    ['', 0, 0],
    ['(1 + 2', 6, 6],
    ['1 +', 3, 3],
    ['1 2', 2, 3],
    ['Theta[1', 7, 7],
    ['Theta[]', 6, 7],
    ['x = 1', 2, 3],
    ["'a'", 0, 1],
    ['end + 1', 0, 3],
    ['1 : 2', 2, 3],
    ['1 + not x', 4, 7],
    ['(x)(1)', 3, 4],
    ['norm(1,', 7, 7],
    ['J @ 1', 2, 3],
  ];
  for (const [text, start, end] of errors) {
    it(`"${text}" is a syntax error at column ${start + 1}`, () => {
      const e = syntaxError(text);
      assert.equal(e.code, 'syntax');
      assert.deepEqual([e.start, e.end], [start, end]);
      assert.ok(e.message.startsWith(`column ${start + 1}: `), e.message);
    });
  }

  it("names the '(' a missing ')' should close", () => {
    assert.match(syntaxError('max(1, (2').message, /^column 10: expected '\)' to close the '\(' at column 8/);
  });

  it('counts lines and columns in a text of several lines', () => {
    const e = syntaxError('J +\n  * 2');
    assert.deepEqual([e.start, e.end], [6, 7]);
    assert.ok(e.message.startsWith('line 2, column 3: '), e.message);
  });

  it('parses a part of a text with offsets into the whole (log messages)', () => {
    const r = parseExpressionIn('J = {J +}', 5, 8);
    assert.ok(!r.ok);
    assert.deepEqual([r.error.start, r.error.end], [8, 8]);
    assert.ok(r.error.message.startsWith('column 9: '));
  });
});

describe('expression parser: limits', () => {
  it('refuses 10,000 opening parentheses with too-deep, not a stack overflow', () => {
    const e = syntaxError('('.repeat(10_000) + '1' + ')'.repeat(10_000));
    assert.equal(e.code, 'too-long');
    const deep = '('.repeat(MAX_EXPRESSION_LENGTH / 2 - 1) + '1' + ')'.repeat(MAX_EXPRESSION_LENGTH / 2 - 1);
    assert.equal(syntaxError(deep).code, 'too-deep');
  });

  it('refuses deep nesting of every kind: unary signs, not, brackets, calls, operator chains, transposes', () => {
    const n = MAX_DEPTH + 5;
    for (const text of ['-'.repeat(n) + '1', 'not '.repeat(n) + '1', 'abs('.repeat(n) + '1' + ')'.repeat(n),
      'v' + '[1]'.repeat(n), Array(n).fill('1').join('+'), '1' + "'".repeat(n), '2^' + '-'.repeat(n) + '1', 'v[' .repeat(n) + '1' + ']'.repeat(n)]) {
      assert.equal(syntaxError(text).code, 'too-deep', text.slice(0, 20));
    }
  });

  it('accepts nesting just under the limit', () => {
    const n = MAX_DEPTH - 2;
    assert.ok(parseExpression('('.repeat(n) + '1' + ')'.repeat(n)).ok);
    assert.ok(parseExpression(Array(n).fill('1').join('+')).ok);
  });

  it(`refuses an expression longer than ${MAX_EXPRESSION_LENGTH} characters`, () => {
    const e = syntaxError('1'.repeat(MAX_EXPRESSION_LENGTH + 1));
    assert.equal(e.code, 'too-long');
    assert.deepEqual([e.start, e.end], [0, MAX_EXPRESSION_LENGTH + 1]);
    assert.ok(parseExpression('1'.repeat(MAX_EXPRESSION_LENGTH)).ok);
  });
});
