import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkLayerShapes, layerShapes, layersFromTheta, unrollLayers } from '../../../src/core/weights/layers';
import { parseWeights, readWeights } from '../../../src/core/weights/parse';
import { serializeWeights, type WeightsInput } from '../../../src/core/weights/serialize';
import type { WeightsErrorCode } from '../../../src/core/weights/format';

const sizes = [3, 5, 2];
const count = 5 * 4 + 2 * 6;

function input(theta: Float64Array, extra: Partial<WeightsInput> = {}): WeightsInput {
  return {
    specHash: 'fnv1a64:0123456789abcdef',
    layerSizes: sizes,
    theta,
    normalization: { kind: 'standard', shift: [0.1, -2, 3e-300], scale: [1, 0.5, 7] },
    classes: ['a', 'b'],
    run: { optimizer: 'lbfgs', iterations: 50, finalCost: 0.125, trainAccuracy: 1, reason: 'iterations', partial: false, elapsedMs: 12.5 },
    ...extra,
  };
}

function text(theta: Float64Array, extra?: Partial<WeightsInput>): string {
  const r = serializeWeights(input(theta, extra));
  assert.ok(r.ok);
  return r.value;
}

function code(json: string): WeightsErrorCode | undefined {
  const r = parseWeights(json);
  return r.ok ? undefined : r.error.code;
}

describe('weights file', () => {
  it('layer shapes are s_(l+1) × (s_l + 1)', () => {
    assert.deepEqual(layerShapes(sizes), [[5, 4], [2, 6]]);
  });

  it('round-trips every double exactly, -0 and subnormals included', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: count, maxLength: count }), (xs) => {
        const theta = Float64Array.from(xs);
        const back = readWeights(text(theta), sizes);
        assert.ok(back.ok);
        assert.equal(back.value.theta.length, count);
        for (let i = 0; i < count; i++) assert.ok(Object.is(back.value.theta[i], theta[i]), `index ${i}: ${theta[i]} became ${back.value.theta[i]}`);
      }),
    );
  });

  it('keeps the documented fields', () => {
    const theta = Float64Array.from({ length: count }, (_, i) => i / 7);
    const r = parseWeights(text(theta));
    assert.ok(r.ok);
    const file = r.value;
    assert.equal(file.format, 'nnspec-weights');
    assert.equal(file.version, 1);
    assert.equal(file.specHash, 'fnv1a64:0123456789abcdef');
    assert.deepEqual(file.layers.map((l) => [l.rows, l.cols]), [[5, 4], [2, 6]]);
    assert.deepEqual(file.layers[0]?.data.slice(0, 4), [0, 1 / 7, 2 / 7, 3 / 7]);
    assert.deepEqual(file.normalization, { kind: 'standard', shift: [0.1, -2, 3e-300], scale: [1, 0.5, 7] });
    assert.deepEqual(file.classes, ['a', 'b']);
    assert.deepEqual(file.run, input(theta).run);
    assert.deepEqual(unrollLayers(file.layers), theta);
  });

  it('writes a non-finite cost as null and refuses non-finite weights, naming the layer', () => {
    const theta = new Float64Array(count);
    const run = { optimizer: 'gd', iterations: 3, finalCost: NaN, reason: 'non-finite', partial: true, elapsedMs: 1 };
    const r = parseWeights(text(theta, { run }));
    assert.ok(r.ok);
    assert.equal(r.value.run?.finalCost, null);
    theta[25] = Infinity;
    const bad = serializeWeights(input(theta));
    assert.ok(!bad.ok);
    assert.deepEqual([bad.error.code, bad.error.layer], ['weights-non-finite', 2]);
    assert.equal(serializeWeights(input(new Float64Array(count - 1))).ok, false);
  });

  it('rejects what is not a weights file, with codes', () => {
    const good = JSON.parse(text(new Float64Array(count))) as Record<string, unknown>;
    const with_ = (patch: Record<string, unknown>): string => JSON.stringify({ ...good, ...patch });
    assert.equal(code('{"format": '), 'weights-not-json');
    assert.equal(code('[1, 2]'), 'weights-wrong-format');
    assert.equal(code(with_({ format: 'other' })), 'weights-wrong-format');
    assert.equal(code(with_({ version: 2 })), 'weights-wrong-version');
    assert.equal(code(with_({ specHash: 3 })), 'weights-invalid');
    assert.equal(code(with_({ layers: [] })), 'weights-invalid');
    assert.equal(code(with_({ layers: [{ rows: 1, cols: 2, data: [1, null] }], normalization: { kind: 'none', shift: [], scale: [] } })), 'weights-non-finite');
    const overflow = with_({ layers: [{ rows: 1, cols: 2, data: [1, 2] }], normalization: { kind: 'none', shift: [], scale: [] } }).replace('[1,2]', '[1,1e999]');
    assert.equal(code(overflow), 'weights-non-finite');
    assert.equal(code(with_({ layers: [{ rows: 1, cols: 2, data: [1] }] })), 'weights-layer-shape');
    assert.equal(code(with_({ layers: [{ rows: 2, cols: 2, data: [1, 2, 3, 4] }, { rows: 1, cols: 4, data: [1, 2, 3, 4] }] })), 'weights-layer-shape');
    assert.equal(code(with_({ normalization: { kind: 'zscore', shift: [], scale: [] } })), 'weights-invalid');
    assert.equal(code(with_({ normalization: { kind: 'standard', shift: [0], scale: [1] } })), 'weights-invalid');
    assert.equal(code(with_({ run: { optimizer: 'gd' } })), 'weights-invalid');
    assert.equal(code(with_({ classes: [true] })), 'weights-invalid');
  });

  it('ignores unknown keys and expands an empty "none" normalisation', () => {
    const json = JSON.stringify({
      format: 'nnspec-weights', version: 1, specHash: 'h', future: { x: 1 },
      layers: [{ rows: 1, cols: 3, data: [0.5, 1, 2], note: 'x' }],
      normalization: { kind: 'none', shift: [], scale: [] },
    });
    const r = parseWeights(json);
    assert.ok(r.ok);
    assert.deepEqual(r.value.normalization, { kind: 'none', shift: [0, 0], scale: [1, 1] });
    assert.equal(r.value.run, undefined);
  });

  it('checks shapes against the spec and names the layer that does not fit', () => {
    const file = { layers: layersFromTheta(new Float64Array(count), sizes) };
    assert.ok(file.layers.ok);
    const layers = { layers: file.layers.value };
    assert.ok(checkLayerShapes(layers, sizes).ok);
    const shape = checkLayerShapes(layers, [3, 5, 3]);
    assert.ok(!shape.ok);
    assert.deepEqual([shape.error.code, shape.error.layer], ['weights-layer-shape', 2]);
    assert.match(shape.error.message, /2×6.*3×6/);
    const first = checkLayerShapes(layers, [4, 5, 2]);
    assert.ok(!first.ok && first.error.layer === 1);
    const countMismatch = checkLayerShapes(layers, [3, 5, 5, 2]);
    assert.ok(!countMismatch.ok && countMismatch.error.code === 'weights-layer-count');
    const read = readWeights(text(new Float64Array(count)), [3, 4, 2]);
    assert.ok(!read.ok && read.error.code === 'weights-layer-shape' && read.error.layer === 1);
  });
});
