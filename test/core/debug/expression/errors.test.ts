import assert from 'node:assert/strict';
import { evaluateAssignedValue, parseAssignmentTarget } from '../../../../src/core/debug/expression/assignment';
import { guard, placeOf, type ExpressionErrorCode } from '../../../../src/core/debug/expression/errors';
import { evaluateExpression } from '../../../../src/core/debug/expression/evaluator';
import { MAX_EXPRESSION_LENGTH } from '../../../../src/core/debug/expression/limits';
import { failure, smallNetwork } from './helpers';

const net = smallNetwork(5);

describe('expression errors: every code, with its column', () => {
  // [text, code, start, end]: the message must begin with `column start+1: `.
  const cases: [string, ExpressionErrorCode, number, number][] = [
    ['J + (1', 'syntax', 6, 6],
    ['J + lamda', 'unknown-name', 4, 9],
    ['2 * nrm(J)', 'unknown-function', 4, 7],
    ['Theta[1][9, 1]', 'index-out-of-range', 9, 10],
    ['Theta[1] .* Theta[2]', 'shape-mismatch', 9, 11],
    ['1 + Theta', 'type', 4, 9],
    ['abs(1, 2)', 'arity', 0, 9],
    ['1'.repeat(MAX_EXPRESSION_LENGTH + 1), 'too-long', 0, MAX_EXPRESSION_LENGTH + 1],
    ['-'.repeat(500) + '1', 'too-deep', 200, 201],
  ];
  for (const [text, code, start, end] of cases) {
    it(`${code}: ${text.slice(0, 30)}`, () => failure(text, net.scope, code, start, end));
  }

  it('too-large: a product past the entry limit', () => {
    const big = { lookup: (n: string) => (n === 'v' ? { kind: 'matrix' as const, rows: 3000, cols: 1, data: new Float64Array(3000) } : undefined), names: () => ['v'] };
    failure("v * v'", big, 'too-large', 2, 3);
  });

  it('not-assignable and not-finite (Set Value)', () => {
    const t = parseAssignmentTarget('Theta[1]', net.scope);
    assert.ok(!t.ok && t.error.code === 'not-assignable' && t.error.start === 0 && t.error.message.startsWith('column 1: '));
    const v = evaluateAssignedValue('  1 / 0', net.scope);
    assert.ok(!v.ok && v.error.code === 'not-finite' && v.error.start === 2 && v.error.message.startsWith('column 3: '));
  });

  it('internal: a defect is caught and reported, never thrown', () => {
    const r = guard('J', 0, 1, () => { throw new TypeError('defect'); });
    assert.ok(!r.ok && r.error.code === 'internal');
  });

  it('states the place as "column c", or "line l, column c" on several lines', () => {
    assert.equal(placeOf('J + x', 4), 'column 5');
    assert.equal(placeOf('J +\nx', 4), 'line 2, column 1');
    const r = evaluateExpression('J +\n  nope', net.scope);
    assert.ok(!r.ok && r.error.message.startsWith('line 2, column 3: '));
  });
});
