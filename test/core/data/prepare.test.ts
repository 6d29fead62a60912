import assert from 'node:assert/strict';
import { fitNormalization } from '../../../src/core/data/normalization';
import { prepareData } from '../../../src/core/data/prepare';
import { splitExamples } from '../../../src/core/data/split';
import { tableFromRows, type DataTable } from '../../../src/core/data/table';
import { makeSpec } from './helpers';

const xorRows = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 0, 1],
  [1, 1, 0],
];
const layers = (...units: number[]) => units.map((u, l) => (l === 0 ? { units: u } : { units: u, activation: 'sigmoid' as const }));

function table(rows: (number | string)[][], task: 'classification' | 'regression' = 'classification'): DataTable {
  const t = tableFromRows(rows, task);
  assert.ok(t.ok);
  return t.value;
}

describe('prepareData', () => {
  it('xor 2-2-1: the rows as written, Y the 0/1 label, no validation, no scaling', () => {
    const spec = makeSpec({ layers: layers(2, 2, 1), data: { rows: xorRows } });
    const r = prepareData(spec, table(xorRows), 1);
    assert.ok(r.ok);
    const { train, validation, normalization, classes, featureNames } = r.value;
    assert.equal(validation, undefined);
    assert.deepEqual([train.m, train.n, train.k], [4, 2, 1]);
    assert.deepEqual(Array.from(train.X), [0, 0, 0, 1, 1, 0, 1, 1]);
    assert.deepEqual(Array.from(train.Y), [0, 1, 1, 0]);
    assert.deepEqual(Array.from(train.labels ?? []), [0, 1, 1, 0]);
    assert.deepEqual(classes, [0, 1]);
    assert.deepEqual(featureNames, ['x1', 'x2']);
    assert.deepEqual(normalization, { kind: 'none', shift: [0, 0], scale: [1, 1] });
  });

  it('one-hot rows for K classes with K output units; labels 1..K map to their rank', () => {
    const rows = [[0.1, 1], [0.2, 3], [0.3, 2]];
    const r = prepareData(makeSpec({ layers: layers(1, 3), data: { rows } }), table(rows), 3);
    assert.ok(r.ok);
    assert.deepEqual(Array.from(r.value.train.Y), [1, 0, 0, 0, 0, 1, 0, 1, 0]);
    assert.deepEqual(r.value.classes, [1, 2, 3]);
  });

  it('string classes: one-hot in order of first appearance', () => {
    const rows = [[1, 'b'], [2, 'a'], [3, 'b']];
    const r = prepareData(makeSpec({ layers: layers(1, 2), data: { rows } }), table(rows), 2);
    assert.ok(r.ok);
    assert.deepEqual(r.value.classes, ['b', 'a']);
    assert.deepEqual(Array.from(r.value.train.Y), [1, 0, 0, 1, 1, 0]);
  });

  it('regression: Y is the target column', () => {
    const rows = [[1, 2.5], [2, -1]];
    const spec = makeSpec({ task: 'regression', layers: layers(1, 1), data: { rows } });
    const r = prepareData(spec, table(rows, 'regression'), 1);
    assert.ok(r.ok);
    assert.deepEqual(Array.from(r.value.train.Y), [2.5, -1]);
    assert.equal(r.value.train.labels, undefined);
    assert.equal(r.value.classes, undefined);
  });

  it('fails with codes when the data does not fit the architecture', () => {
    const spec3 = makeSpec({ layers: layers(3, 1), data: { rows: xorRows } });
    assert.equal(errorCode(prepareData(spec3, table(xorRows), 1)), 'data-input-mismatch');
    const spec = makeSpec({ layers: layers(2, 3), data: { rows: xorRows } });
    assert.equal(errorCode(prepareData(spec, table(xorRows), 3)), 'data-output-mismatch');
    const reg = makeSpec({ task: 'regression', layers: layers(2, 2), data: { rows: xorRows } });
    assert.equal(errorCode(prepareData(reg, table(xorRows, 'regression'), 2)), 'data-output-mismatch');
  });

  it('splits with the seed and fits the normalisation on the training part only', () => {
    const m = 20;
    const rows = Array.from({ length: m }, (_, i) => [i, i * i, i % 2]);
    const data = { rows, normalize: 'standard' as const, validation: 0.25, seed: 11 };
    const spec = makeSpec({ layers: layers(2, 1), data });
    const r = prepareData(spec, table(rows), 1);
    assert.ok(r.ok);
    const { train, validation, normalization } = r.value;
    const split = splitExamples(m, 0.25, 11);
    assert.equal(train.m, 15);
    assert.equal(validation?.m, 5);
    // The oracle: the statistics of the training rows alone.
    const trainX = Float64Array.from(Array.from(split.train).flatMap((i) => [i, i * i]));
    assert.deepEqual(normalization, fitNormalization('standard', trainX, 15, 2));
    // Validation rows are scaled with the training statistics.
    const v0 = split.validation[0] ?? 0;
    assert.equal(validation?.X[0], (v0 - (normalization.shift[0] ?? 0)) / (normalization.scale[0] ?? 1));
    assert.deepEqual(Array.from(validation?.labels ?? []), Array.from(split.validation).map((i) => i % 2));
  });

  it('does not leak: changing only the validation rows changes neither the statistics nor the training part', () => {
    const m = 30;
    const base = Array.from({ length: m }, (_, i) => [Math.sin(i), i, i % 2]);
    const data = { rows: base, normalize: 'minmax' as const, validation: 0.3, seed: 4 };
    const spec = makeSpec({ layers: layers(2, 1), data });
    const held = new Set(splitExamples(m, 0.3, 4).validation);
    const altered = base.map((row, i) => (held.has(i) ? [1e6, -1e6, row[2] ?? 0] : row));
    const a = prepareData(spec, table(base), 1);
    const b = prepareData(spec, table(altered), 1);
    assert.ok(a.ok && b.ok);
    assert.deepEqual(a.value.normalization, b.value.normalization);
    assert.deepEqual(a.value.train, b.value.train);
    assert.notDeepEqual(a.value.validation?.X, b.value.validation?.X);
  });

  it('refuses scaling that overflows on the other part (found by the fuzz): data-non-finite, naming the feature', () => {
    // Seed 1 holds out row 3: the training rows 0, 1e-150, 0 have a spread of ~5e-151, so (1e160 − mean) / std = Infinity.
    const rows = [
      [0, 0],
      [1e-150, 0],
      [1e160, 1],
      [0, 1],
    ];
    const spec = makeSpec({ layers: layers(1, 1), data: { rows, normalize: 'standard', validation: 0.25, seed: 1 } });
    assert.deepEqual(Array.from(splitExamples(4, 0.25, 1).validation), [2]);
    const r = prepareData(spec, table(rows), 1);
    assert.equal(errorCode(r), 'data-non-finite');
    assert.equal(!r.ok && r.error.column, 0);
    // Without scaling the values pass as they are (finite).
    const none = makeSpec({ layers: layers(1, 1), data: { rows, validation: 0.25, seed: 1 } });
    assert.ok(prepareData(none, table(rows), 1).ok);
  });
});

function errorCode(r: { ok: boolean; error?: { code: string } }): string | undefined {
  return r.ok ? undefined : r.error?.code;
}
