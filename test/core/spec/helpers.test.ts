import assert from 'node:assert/strict';
import { classCount, csvClassCount } from '../../../src/core/spec/classes';
import { groupDigits, parameterCount } from '../../../src/core/spec/parameters';
import { editDistance, nearest } from '../../../src/core/spec/suggest';

describe('nearest (did you mean)', () => {
  const keys = ['optimizer', 'iterations', 'learningRate', 'batchSize', 'momentum', 'tolerance', 'seed'];
  it('ignores case, dashes and underscores first', () => {
    assert.equal(nearest('learning_rate', keys), 'learningRate');
    assert.equal(nearest('BATCH-SIZE', keys), 'batchSize');
  });
  it('accepts small edits, including swapped letters', () => {
    assert.equal(nearest('sigmod', ['sigmoid', 'tanh']), 'sigmoid');
    assert.equal(nearest('itreations', keys), 'iterations');
    assert.equal(nearest('crossentropy', ['cross-entropy', 'squared-error']), 'cross-entropy');
  });
  it('suggests nothing when nothing is close', () => {
    assert.equal(nearest('banana', keys), undefined);
    assert.equal(nearest('', keys), undefined);
    assert.equal(nearest('x', ['he']), undefined);
  });
  it('computes the optimal-string-alignment distance', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });
});

describe('parameterCount', () => {
  it('is Σ s_(l+1)(s_l + 1)', () => {
    assert.equal(parameterCount([2, 2, 1]), 9n);
    assert.equal(parameterCount([64, 25, 10]), 25n * 65n + 10n * 26n);
    assert.equal(parameterCount([5]), 0n);
  });
  it('groups digits without a locale', () => {
    assert.equal(groupDigits(0n), '0');
    assert.equal(groupDigits(999n), '999');
    assert.equal(groupDigits(1000n), '1,000');
    assert.equal(groupDigits(50_000_000n), '50,000,000');
  });
});

describe('classCount', () => {
  it('compares numbers as numbers and anything else as text', () => {
    assert.equal(classCount([1, 2, 3, 1, 2.0]), 3);
    assert.equal(classCount(['a', 'b', 'a']), 2);
    assert.equal(classCount([1, '1', 'x']), 2);
    assert.equal(csvClassCount(['1', '1.0', '2'], true), 2);
    assert.equal(csvClassCount(['1', '1.0', '2'], false), 3);
  });
});
