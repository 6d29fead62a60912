import assert from 'node:assert/strict';
import { classTargets, mapClasses } from '../../../src/core/data/classes';

describe('mapClasses', () => {
  it('maps labels 1..K and 0..K-1 to the same indices (the rank)', () => {
    const oneBased = mapClasses([2, 1, 3, 1]);
    const zeroBased = mapClasses([1, 0, 2, 0]);
    assert.deepEqual(Array.from(oneBased.labels), [1, 0, 2, 0]);
    assert.deepEqual(Array.from(zeroBased.labels), [1, 0, 2, 0]);
    assert.deepEqual(oneBased.classes, [1, 2, 3]);
    assert.deepEqual(zeroBased.classes, [0, 1, 2]);
  });

  it('sorts numbers numerically, not as text', () => {
    const { classes, labels } = mapClasses([10, 9, -1, 10]);
    assert.deepEqual(classes, [-1, 9, 10]);
    assert.deepEqual(Array.from(labels), [2, 1, 0, 2]);
  });

  it('orders string classes by first appearance', () => {
    const { classes, labels } = mapClasses(['virginica', 'setosa', 'virginica', 'versicolor']);
    assert.deepEqual(classes, ['virginica', 'setosa', 'versicolor']);
    assert.deepEqual(Array.from(labels), [0, 1, 0, 2]);
  });

  it('treats mixed numbers and strings as strings in order of appearance', () => {
    const { classes, labels } = mapClasses([3, 'a', 1, 3]);
    assert.deepEqual(classes, [3, 'a', 1]);
    assert.deepEqual(Array.from(labels), [0, 1, 2, 0]);
  });
});

describe('classTargets', () => {
  it('gives a single 0/1 column for 2 classes and 1 output unit', () => {
    assert.deepEqual(Array.from(classTargets(Int32Array.from([1, 0, 1]), 2, 1)), [1, 0, 1]);
  });

  it('gives one-hot rows otherwise', () => {
    assert.deepEqual(Array.from(classTargets(Int32Array.from([2, 0]), 3, 3)), [0, 0, 1, 1, 0, 0]);
    assert.deepEqual(Array.from(classTargets(Int32Array.from([1, 0]), 2, 2)), [0, 1, 1, 0]);
  });
});
