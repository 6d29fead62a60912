import * as assert from 'node:assert/strict';
import { edgeStyle, maxAbsAt } from '../../webview/logic/edge-style';

describe('webview/logic/edge-style', () => {
  it('colours by sign and thickens monotonically with |Θ|', () => {
    assert.equal(edgeStyle(0.5, 1).sign, 'positive');
    assert.equal(edgeStyle(-0.5, 1).sign, 'negative');
    assert.equal(edgeStyle(0, 1).sign, 'zero');
    assert.equal(edgeStyle(undefined, 1).sign, 'unknown');
    assert.equal(edgeStyle(Number.NaN, 1).sign, 'unknown');
    const widths = [0.01, 0.1, 0.5, 1].map((v) => edgeStyle(v, 1).width);
    assert.ok(widths.every((w, k) => k === 0 || w > widths[k - 1]!));
    assert.equal(edgeStyle(-1, 1).width, edgeStyle(1, 1).width, 'the sign does not change the width');
    assert.equal(edgeStyle(5, 1).width, edgeStyle(1, 1).width, 'capped at the largest drawn weight');
  });

  it('finds the largest magnitude at the drawn indices only', () => {
    assert.equal(maxAbsAt([1, -7, 3, 100], [0, 1, 2]), 7);
    assert.equal(maxAbsAt([], []), 0);
  });
});
