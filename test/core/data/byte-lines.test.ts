import assert from 'node:assert/strict';
import { ByteLines } from '../../../src/core/data/byte-lines';
import { LineIndex } from '../../../src/core/text/line-index';

/** The oracle: the editor's line of each character, by its UTF-8 byte offset. */
function expectedLines(text: string): { offset: number; line: number }[] {
  const index = new LineIndex(text);
  const out: { offset: number; line: number }[] = [];
  let offset = 0;
  for (let i = 0; i < text.length; i++) {
    out.push({ offset, line: index.positionAt(i).line + 1 });
    const c = text.codePointAt(i)!;
    offset += Buffer.byteLength(String.fromCodePoint(c));
    if (c > 0xffff) i++;
  }
  return out;
}

describe('ByteLines', () => {
  const texts = ['a,b\n1,2\r\n3\n', 'a\r\rb\r\n\nc', 'é,😀\n"x\ny",1\r\n', '\r\n\r\n', 'no break', ''];

  it('gives every byte the line the editor gives its character, whatever the line ends', () => {
    for (const text of texts) {
      const lines = new ByteLines();
      lines.add(text);
      for (const { offset, line } of expectedLines(text)) assert.equal(lines.lineAt(offset), line, `${JSON.stringify(text)} @${offset}`);
    }
  });

  // Chunks come from a UTF-8 decoder, which never splits a character (a surrogate pair).
  it('answers the same when the text comes in chunks, \\r\\n split between two included', () => {
    for (const text of texts) {
      const whole = new ByteLines();
      whole.add(text);
      for (let cut = 0; cut <= text.length; cut++) {
        if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) continue;
        const parts = new ByteLines();
        parts.add(text.slice(0, cut));
        parts.add(text.slice(cut));
        for (let offset = 0; offset <= Buffer.byteLength(text); offset++) assert.equal(parts.lineAt(offset), whole.lineAt(offset), `${JSON.stringify(text)} cut at ${cut}`);
      }
    }
  });

  it('puts a record on the line of its last byte, and skips blank lines to the next content', () => {
    const lines = new ByteLines();
    lines.add('a,b\n\r\n\r\n1,2\n3');
    assert.equal(lines.recordLine(4), 1);
    assert.equal(lines.recordLine(4 + 2 + 2 + 4), 4);
    assert.equal(lines.recordLine(4 + 2 + 2 + 4 + 1), 5);
    assert.equal(lines.contentLineFrom(4), 4);
  });
});
