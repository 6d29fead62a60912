import assert from 'node:assert/strict';
import * as path from 'node:path';
import { probeCsv, probeCsvAsync } from '../../src/data/csv-probe';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const POLICY = { workspaceRoot: ROOT, allowOutside: false };

describe('probing a CSV for a target column', () => {
  it('keeps only the target’s distinct values, the same way in the sync and streamed probes', async () => {
    const sync = probeCsv(EXAMPLES, 'data/iris.csv', POLICY, 'species');
    const streamed = await probeCsvAsync(EXAMPLES, 'data/iris.csv', POLICY, 'species');
    assert.deepEqual(streamed, sync);
    assert.ok(sync.status === 'ok');
    const byName = new Map(sync.summary.columns.map((c) => [c.name, c]));
    assert.deepEqual(byName.get('species')?.distinct, ['setosa', 'versicolor', 'virginica']);
    assert.equal(byName.get('species')?.distinctTruncated, false);
    for (const feature of ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']) {
      assert.deepEqual(byName.get(feature)?.distinct, []);
      assert.equal(byName.get(feature)?.distinctTruncated, true, 'unknown, not "no values"');
      assert.equal(byName.get(feature)?.numeric, true);
    }
  });

  it('without a target, keeps every column’s distinct values', () => {
    const all = probeCsv(EXAMPLES, 'data/iris.csv', POLICY);
    assert.ok(all.status === 'ok');
    assert.ok(all.summary.columns.every((c) => c.distinct.length > 0));
  });
});
