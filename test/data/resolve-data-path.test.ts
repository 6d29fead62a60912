import assert from 'node:assert/strict';
import * as path from 'node:path';
import { dataFilePath } from '../../src/data/resolve-data-path';

describe('dataFilePath', () => {
  it('names the file of a `csv:` path: relative to the spec’s folder, absolute as written', () => {
    const specDir = path.resolve('/work/specs');
    assert.equal(dataFilePath(specDir, 'data/iris.csv'), path.join(specDir, 'data', 'iris.csv'));
    assert.equal(dataFilePath(specDir, '../shared/x.csv'), path.resolve('/work/shared/x.csv'));
    assert.equal(dataFilePath(specDir, path.resolve('/elsewhere/y.csv')), path.resolve('/elsewhere/y.csv'));
  });
});
