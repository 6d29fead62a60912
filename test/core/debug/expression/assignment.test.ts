import assert from 'node:assert/strict';
import { evaluateAssignedValue, parseAssignment, parseAssignmentTarget } from '../../../../src/core/debug/expression/assignment';
import { columnVector, layerList } from '../../../../src/core/debug/expression/values';
import { mat, scope } from './helpers';

const s = scope({
  lambda: 0.1,
  Theta: layerList([mat([[1, 2, 3], [4, 5, 6]]), mat([[7, 8, 9]])]),
  a: layerList([columnVector([1, 0.5, 0.25])]),
  x: columnVector([10, 20]),
  r: mat([[1, 2, 3]]),
  flag: { kind: 'boolean', value: true },
});

const target = (text: string) => {
  const r = parseAssignmentTarget(text, s);
  if (!r.ok) assert.fail(`${text}: ${r.error.message}`);
  return r.value;
};

const refusal = (text: string) => {
  const r = parseAssignmentTarget(text, s);
  if (r.ok) assert.fail(`${text} was accepted`);
  return r.error;
};

describe('Set Value targets', () => {
  it('a scalar name', () => {
    assert.deepEqual(target('lambda'), { kind: 'scalar', name: 'lambda' });
  });

  it('an entry of one layer, 1-based, with its 0-based row-major offset', () => {
    assert.deepEqual(target('Theta[1][2,3]'), { kind: 'entry', name: 'Theta', layer: 1, row: 2, col: 3, offset: 5 });
    assert.deepEqual(target('Theta[1][1,2]'), { kind: 'entry', name: 'Theta', layer: 1, row: 1, col: 2, offset: 1 });
    assert.deepEqual(target('Theta[1][2,1]'), { kind: 'entry', name: 'Theta', layer: 1, row: 2, col: 1, offset: 3 });
    assert.deepEqual(target('Theta[2][1, 1]'), { kind: 'entry', name: 'Theta', layer: 2, row: 1, col: 1, offset: 0 });
    assert.deepEqual(target('Theta[end][1, end]'), { kind: 'entry', name: 'Theta', layer: 2, row: 1, col: 3, offset: 2 });
    assert.deepEqual(target('a[1][3]'), { kind: 'entry', name: 'a', layer: 1, row: 3, col: 1, offset: 2 });
  });

  it('an entry of a named matrix or vector', () => {
    assert.deepEqual(target('x[2]'), { kind: 'entry', name: 'x', layer: undefined, row: 2, col: 1, offset: 1 });
    assert.deepEqual(target('r[3]'), { kind: 'entry', name: 'r', layer: undefined, row: 1, col: 3, offset: 2 });
  });

  it('refuses what is not one number, with not-assignable', () => {
    for (const text of ['Theta', 'Theta[1]', 'Theta[1][:, 1]', 'x[1:2]', 'lambda + 1', 'abs(lambda)', 'pi', 'flag', "(Theta[1]')[1, 1]", 'size(x)[1]']) {
      assert.equal(refusal(text).code, 'not-assignable', text);
    }
  });

  it('checks the target like an evaluation: unknown names, layers and indices out of range', () => {
    assert.equal(refusal('lamda').code, 'unknown-name');
    assert.equal(refusal('lamda').suggestion, 'lambda');
    const e = refusal('Theta[3][1, 1]');
    assert.deepEqual([e.code, e.start], ['index-out-of-range', 6]);
    assert.equal(refusal('Theta[1][3, 1]').code, 'index-out-of-range');
    assert.equal(refusal('x[3]').code, 'index-out-of-range');
    assert.equal(refusal('Theta[1][').code, 'syntax');
  });
});

describe('Set Value values', () => {
  it('a finite number, from any expression', () => {
    assert.deepEqual(evaluateAssignedValue('0.5', s), { ok: true, value: 0.5 });
    assert.deepEqual(evaluateAssignedValue('lambda / 2', s), { ok: true, value: 0.05 });
    assert.deepEqual(evaluateAssignedValue('-1e-3', s), { ok: true, value: -1e-3 });
  });

  it('refuses NaN and ±Inf (not-finite), and a matrix or boolean (type)', () => {
    for (const text of ['NaN', 'Inf', '-1/0', '0/0']) {
      const r = evaluateAssignedValue(text, s);
      assert.ok(!r.ok && r.error.code === 'not-finite', text);
    }
    for (const text of ['x', 'true', '1 < 2']) {
      const r = evaluateAssignedValue(text, s);
      assert.ok(!r.ok && r.error.code === 'type', text);
    }
  });

  it('target and value together', () => {
    assert.deepEqual(parseAssignment('Theta[1][2,3]', '0.25', s), {
      ok: true, value: { target: { kind: 'entry', name: 'Theta', layer: 1, row: 2, col: 3, offset: 5 }, value: 0.25 },
    });
    const r = parseAssignment('lambda', 'NaN', s);
    assert.ok(!r.ok && r.error.code === 'not-finite');
  });
});
