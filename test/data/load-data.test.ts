import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadData } from '../../src/data/load-data';
import { makeSpec } from '../core/data/helpers';

const repo = path.resolve(__dirname, '..', '..');
const examples = path.join(repo, 'examples');
const policy = { workspaceRoot: repo, allowOutside: false };
const sigmoid = 'sigmoid' as const;

describe('loadData', () => {
  it('digits.csv: 1,797 examples of 64 features in [0, 1], 10 classes one-hot, split 80/20', () => {
    const spec = makeSpec({
      layers: [{ units: 64 }, { units: 25, activation: sigmoid }, { units: 10, activation: sigmoid }],
      data: { csv: 'data/digits.csv', target: 'label', validation: 0.2, seed: 1 },
    });
    const r = loadData(spec, path.join(examples, 'digits.nnspec'), { ...policy, outputUnits: 10 });
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const { train, validation, classes, featureNames } = r.value;
    assert.equal(train.m + (validation?.m ?? 0), 1797);
    assert.equal(validation?.m, Math.round(1797 * 0.2));
    assert.deepEqual([train.n, train.k], [64, 10]);
    assert.deepEqual(classes, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(featureNames, Array.from({ length: 64 }, (_, j) => `p${j}`));
    assert.ok(Array.from(train.X).every((x) => x >= 0 && x <= 1));
    for (let i = 0; i < train.m; i++) {
      const row = Array.from(train.Y.subarray(i * 10, i * 10 + 10));
      assert.equal(row.reduce((a, b) => a + b), 1);
      assert.equal(row.indexOf(1), train.labels?.[i]);
    }
  });

  it('digits.csv with standard scaling: training columns have mean 0', () => {
    const spec = makeSpec({
      layers: [{ units: 64 }, { units: 10, activation: sigmoid }],
      data: { csv: 'data/digits.csv', target: 'label', normalize: 'standard', validation: 0.1, seed: 2 },
    });
    const r = loadData(spec, path.join(examples, 'digits.nnspec'), { ...policy, outputUnits: 10 });
    assert.ok(r.ok);
    const { train } = r.value;
    for (const j of [10, 20, 36]) {
      let sum = 0;
      for (let i = 0; i < train.m; i++) sum += train.X[i * 64 + j] ?? 0;
      assert.ok(Math.abs(sum / train.m) < 1e-12);
    }
  });

  it('inline rows and generators', () => {
    const xor = makeSpec({ layers: [{ units: 2 }, { units: 2 }, { units: 1 }], data: { rows: [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]] } });
    const a = loadData(xor, path.join(examples, 'xor.nnspec'), { ...policy, outputUnits: 1 });
    assert.ok(a.ok && a.value.train.m === 4);
    const spiral = makeSpec({ layers: [{ units: 2 }, { units: 8 }, { units: 1 }], data: { generate: 'spiral', samples: 300, validation: 0.2, seed: 2 } });
    const b = loadData(spiral, path.join(examples, 'spiral.nnspec'), { ...policy, outputUnits: 1 });
    assert.ok(b.ok);
    assert.deepEqual([b.value.train.m, b.value.validation?.m], [240, 60]);
  });

  it('fails with the loader codes: a missing file, outside the workspace, a missing column', () => {
    const spec = (csv: string, target = 'label') =>
      makeSpec({ layers: [{ units: 64 }, { units: 10 }], data: { csv, target } });
    const codeOf = (csv: string, target?: string): string | undefined => {
      const r = loadData(spec(csv, target), path.join(examples, 'x.nnspec'), { ...policy, outputUnits: 10 });
      return r.ok ? undefined : r.error.code;
    };
    assert.equal(codeOf('data/nope.csv'), 'csv-not-found');
    assert.equal(codeOf('../../outside.csv'), 'csv-outside-workspace');
    assert.equal(codeOf('data/digits.csv', 'digit'), 'csv-missing-column');
  });
});
