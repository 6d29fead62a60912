import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitExamples, splitSeed, validationCount } from '../../../src/core/data/split';

describe('splitExamples', () => {
  it('keeps every example in training, in order, when the fraction is 0', () => {
    const s = splitExamples(5, 0, 3);
    assert.deepEqual(Array.from(s.train), [0, 1, 2, 3, 4]);
    assert.equal(s.validation.length, 0);
  });

  it('holds out round(m * fraction) examples', () => {
    assert.equal(splitExamples(150, 0.2, 1).validation.length, 30);
    assert.equal(splitExamples(10, 0.25, 1).validation.length, 3);
    assert.equal(validationCount(1797, 0.1), 180);
  });

  it('always leaves at least one training example', () => {
    assert.equal(validationCount(2, 0.99), 1);
    assert.equal(validationCount(1, 0.5), 0);
    const s = splitExamples(3, 0.9, 0);
    assert.equal(s.train.length, 1);
    assert.equal(s.validation.length, 2);
  });

  it('is a partition of 0..m-1, each part ascending, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: 0.99, noNaN: true }), fc.nat(), (m, fraction, seed) => {
        const a = splitExamples(m, fraction, seed);
        const b = splitExamples(m, fraction, seed);
        assert.deepEqual(a, b);
        const all = [...a.train, ...a.validation].sort((x, y) => x - y);
        assert.deepEqual(all, Array.from({ length: m }, (_, i) => i));
        assert.ok(a.train.length >= 1);
        for (const part of [a.train, a.validation]) for (let i = 1; i < part.length; i++) assert.ok((part[i - 1] ?? 0) < (part[i] ?? 0));
      }),
    );
  });

  it('depends on the seed', () => {
    const a = splitExamples(100, 0.3, 1).validation;
    const b = splitExamples(100, 0.3, 2).validation;
    assert.notDeepEqual(a, b);
  });

  it('derives its own stream from the seed, for seeds beyond 32 bits too', () => {
    assert.notEqual(splitSeed(5), 5);
    assert.ok(Number.isSafeInteger(splitSeed(Number.MAX_SAFE_INTEGER)));
    assert.equal(Math.floor(splitSeed(2 ** 40 + 3) / 2 ** 32), 2 ** 8);
  });
});
