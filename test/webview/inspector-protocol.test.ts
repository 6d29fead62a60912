import * as assert from 'node:assert/strict';
import { parseInspectorRequest } from '../../src/protocol/inspector-protocol';

describe('inspector protocol: requests from the webview are validated', () => {
  it('accepts the three requests with well-formed fields', () => {
    assert.deepEqual(parseInspectorRequest({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseInspectorRequest({ type: 'reveal-layer', layer: 2, extra: 'ignored' }), { type: 'reveal-layer', layer: 2 });
    assert.deepEqual(parseInspectorRequest({ type: 'select-example', example: 0 }), { type: 'select-example', example: 0 });
  });

  it('refuses anything else', () => {
    for (const bad of [null, 'ready', 42, {}, { type: 'eval' }, { type: 'reveal-layer', layer: 0 }, { type: 'reveal-layer', layer: 1.5 }, { type: 'reveal-layer', layer: '2' }, { type: 'select-example', example: -1 }, { type: 'select-example', example: Number.NaN }, { type: 'select-example', example: 1e12 }]) {
      assert.equal(parseInspectorRequest(bad), undefined, JSON.stringify(bad));
    }
  });
});
