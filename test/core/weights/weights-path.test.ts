import * as assert from 'node:assert/strict';
import { weightsPathFor } from '../../../src/core/weights/weights-path';

describe('weightsPathFor', () => {
  it('names the file beside the spec, in a file path or a URI path', () => {
    assert.equal(weightsPathFor('/w/a/xor.nnspec'), '/w/a/xor.weights.json');
    assert.equal(weightsPathFor('C:\\w\\XOR.NNSPEC'), 'C:\\w\\XOR.weights.json');
    assert.equal(weightsPathFor('/w/a.nnspec.d/net'), '/w/a.nnspec.d/net.weights.json');
  });
});
