// The web suites' deep-equal (test/e2e/web/lib/deep-equal.ts) against Node's own
// util.isDeepStrictEqual, on random values and on the cases that tell loose from strict.
// Plain Node: npx mocha --no-config -r tsx/cjs test/e2e/self-test/deep-equal-oracle.test.ts
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual as nodeIsDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { isDeepStrictEqual } from '../web/lib/deep-equal';

const values = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 3,
});

/** Few leaves and keys, so two random values are often equal or nearly so. */
const nearValues = fc.anything({
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  values: [fc.constantFrom<unknown>(0, -0, NaN, 1, '1', undefined, null)],
  key: fc.constantFrom('a', 'b'),
  maxKeys: 2,
  maxDepth: 2,
});

describe('web assert: deep-equal agrees with Node', () => {
  it('on pairs of random values', () => {
    fc.assert(fc.property(values, values, (a, b) => isDeepStrictEqual(a, b) === nodeIsDeepStrictEqual(a, b)), { numRuns: 2000 });
  });

  it('on pairs of random values that are often equal', () => {
    fc.assert(fc.property(nearValues, nearValues, (a, b) => isDeepStrictEqual(a, b) === nodeIsDeepStrictEqual(a, b)), { numRuns: 5000 });
  });

  it('on equal copies of random values', () => {
    fc.assert(fc.property(fc.clone(values, 2), ([a, b]) => isDeepStrictEqual(a, b) && nodeIsDeepStrictEqual(a, b)), { numRuns: 2000 });
  });

  it('on the cases that tell strict from loose, and cycles', () => {
    const cyclic = (): object => {
      const o: Record<string, unknown> = { n: 1 };
      o.self = o;
      return o;
    };
    const cases: [unknown, unknown][] = [
      [NaN, NaN], [0, -0], [1, '1'], [[1, 2], [1, 2]], [[1, 2], [2, 1]], [[1, , 3], [1, undefined, 3]], // eslint-disable-line no-sparse-arrays
      [{ a: 1 }, { a: 1, b: undefined }], [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }], [{ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }],
      [new Float64Array([0]), new Float64Array([-0])], [new Float64Array([1, 2]), new Float32Array([1, 2])], [new Uint8Array([1, 2]), new Uint8Array([1, 2])],
      [new Date(5), new Date(5)], [new Date(5), new Date(6)], [/a/g, /a/g], [/a/g, /a/i],
      [new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']])], [new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'w']])],
      [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])], [new Set([{ a: 1 }, { a: 1 }]), new Set([{ a: 1 }, { a: 2 }])],
      [Object.create(null), {}], [new Error('x'), new Error('x')], [new Error('x'), new Error('y')], [new TypeError('x'), new Error('x')],
      [cyclic(), cyclic()], [{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 2 }],
    ];
    cases.forEach(([a, b], i) => assert.equal(isDeepStrictEqual(a, b), nodeIsDeepStrictEqual(a, b), `case ${i}`));
  });
});
