import assert from 'node:assert/strict';
import { conditionHolds, evaluateCondition } from '../../../../src/core/debug/expression/condition';
import { parseExpression } from '../../../../src/core/debug/expression/parser';
import { columnVector, layerList } from '../../../../src/core/debug/expression/values';
import { mat, scope } from './helpers';

const at = (J: number, iteration: number, delta3: number[]) => scope({
  J, iteration, delta: layerList([undefined, undefined, columnVector(delta3)]), one: mat([[0]]),
});

const holds = (text: string, s: ReturnType<typeof at>): boolean => {
  const r = evaluateCondition(text, s);
  if (!r.ok) assert.fail(`${text}: ${r.error.message}`);
  return r.value;
};

describe('breakpoint conditions', () => {
  it("the issue's conditions: J > 1, any(isnan(delta[3])), iteration % 10 == 0", () => {
    assert.equal(holds('J > 1', at(1.5, 1, [0])), true);
    assert.equal(holds('J > 1', at(0.5, 1, [0])), false);
    assert.equal(holds('any(isnan(delta[3]))', at(0, 1, [0.1, NaN])), true);
    assert.equal(holds('any(isnan(delta[3]))', at(0, 1, [0.1, 0.2])), false);
    assert.equal(holds('iteration % 10 == 0', at(0, 30, [0])), true);
    assert.equal(holds('iteration % 10 == 0', at(0, 31, [0])), false);
  });

  it('a number is true when nonzero (a NaN cost stops), a 1 × 1 matrix by its entry', () => {
    assert.equal(holds('J', at(0, 0, [0])), false);
    assert.equal(holds('J', at(2, 0, [0])), true);
    assert.equal(holds('J', at(NaN, 0, [0])), true);
    assert.equal(holds('one', at(0, 0, [0])), false);
    assert.equal(holds("delta[3]' * delta[3] > 0.5", at(0, 0, [0.6, 0.6])), true);
  });

  it('a matrix or a list of layers is a type error over the whole condition, suggesting any/all', () => {
    const r = evaluateCondition(' isnan(delta[3])', at(0, 0, [1, 2]));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'type');
    assert.deepEqual([r.error.start, r.error.end], [1, 16]);
    assert.match(r.error.message, /^column 2: .*2×1 matrix.*any\(…\) or all\(…\)/);
    const l = evaluateCondition('delta', at(0, 0, [1]));
    assert.ok(!l.ok && l.error.code === 'type');
  });

  it('parsed once, tested at each hit', () => {
    const parsed = parseExpression('J > 1 and iteration > 2');
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    assert.deepEqual(conditionHolds(parsed.value, at(2, 3, [0])), { ok: true, value: true });
    assert.deepEqual(conditionHolds(parsed.value, at(2, 1, [0])), { ok: true, value: false });
  });

  it('a syntax error is reported with its column, an unknown name with did you mean', () => {
    const r = evaluateCondition('J >', at(0, 0, [0]));
    assert.ok(!r.ok && r.error.code === 'syntax' && r.error.start === 3);
    const u = evaluateCondition('iteraton % 10 == 0', at(0, 0, [0]));
    assert.ok(!u.ok && u.error.code === 'unknown-name' && u.error.suggestion === 'iteration');
  });
});
