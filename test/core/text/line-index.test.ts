import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/text/line-index';

describe('LineIndex', () => {
  it('maps offsets to 0-based lines and characters across \\n, \\r\\n and \\r', () => {
    const index = new LineIndex('ab\ncd\r\nef\rg');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(11), { line: 3, character: 1 });
    assert.equal(index.lineText(1), 'cd');
    assert.equal(index.lineText(2), 'ef');
  });

  it('clamps offsets and positions outside the text', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 5);
    assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  });

  it('round-trips every offset that is not inside a \\r\\n pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'é', '😀') }), (text) => {
        const index = new LineIndex(text);
        for (let o = 0; o <= text.length; o++) {
          if (text[o - 1] === '\r' && text[o] === '\n') continue;
          assert.equal(index.offsetAt(index.positionAt(o)), o);
        }
      }),
    );
  });
});
