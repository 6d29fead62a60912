import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson, fnv1a64, specHash, utf8Bytes } from '../../../src/core/weights/spec-hash';
import { makeSpec } from '../data/helpers';

/** An independent oracle: FNV-1a 64 with BigInt over Node's UTF-8 encoding. */
function fnvOracle(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text, 'utf8')) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

describe('spec hash', () => {
  it('fnv1a64 matches the published test vectors', () => {
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  });

  it('fnv1a64 agrees with a BigInt implementation on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => assert.equal(fnv1a64(s), fnvOracle(s))));
  });

  it('utf8Bytes agrees with Buffer on well-formed text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 32 }), (s) => assert.deepEqual(utf8Bytes(s), [...Buffer.from(s, 'utf8')])));
  });

  it('canonical JSON sorts keys and drops undefined members', () => {
    assert.equal(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'x' }] }), '{"a":[1,{"c":"x"}],"b":1}');
  });

  it('is stable under key order and explicit defaults, and changes with the architecture or the data', () => {
    const base = makeSpec({ layers: [{ units: 2 }, { units: 2 }, { units: 1 }], data: { rows: [[0, 0, 0], [1, 1, 1]] } });
    const explicit = makeSpec({
      data: { seed: 0, rows: [[0, 0, 0], [1, 1, 1]], normalize: 'none' },
      layers: [{ units: 2 }, { units: 2, activation: 'sigmoid' }, { activation: 'sigmoid', units: 1 }],
      lambda: 5,
      train: { optimizer: 'gd' },
    });
    const h = specHash(base);
    assert.match(h, /^fnv1a64:[0-9a-f]{16}$/);
    assert.equal(specHash(explicit), h);
    assert.notEqual(specHash({ ...base, layers: [{ units: 2 }, { units: 3 }, { units: 1 }] }), h);
    assert.notEqual(specHash({ ...base, data: { ...base.data, seed: 1 } }), h);
    assert.notEqual(specHash({ ...base, task: 'regression' }), h);
  });
});
