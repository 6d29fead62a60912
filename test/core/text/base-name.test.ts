import * as assert from 'node:assert/strict';
import { baseName } from '../../../src/core/text/base-name';

describe('baseName', () => {
  it('is the last segment of a path with either separator', () => {
    assert.equal(baseName('/w/a/xor.nnspec'), 'xor.nnspec');
    assert.equal(baseName('C:\\w\\xor.weights.json'), 'xor.weights.json');
    assert.equal(baseName('xor.nnspec'), 'xor.nnspec');
    assert.equal(baseName('/w/a/'), '');
  });
});
