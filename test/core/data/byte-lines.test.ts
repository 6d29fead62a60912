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

  it('after forget, answers as before about what it may still be asked, and keeps a few lines, not one per line of the text', () => {
    // Records every few lines, blank lines, CRLF, a long quoted run of lines: cut into 3-character chunks.
    const text = `h,y\n${'1,2\n\r\n\n3,"a\r\nb"\r\n'.repeat(200)}4,"${'q\n'.repeat(500)}"\n${'\n'.repeat(3000)}5,6`;
    const whole = new ByteLines();
    whole.add(text);
    const parts = new ByteLines();
    let most = 0;
    let floor = 0;
    for (let at = 0, chunk = 0; at < text.length; at += 3, chunk++) {
      parts.add(text.slice(at, at + 3));
      // The reader's questions: the line of each byte from 4 back, and the first content from a floor that
      // stays put for a while (a long record) and then moves into the tail (csv-parse's info.bytes).
      if (chunk % 100 === 99) floor = parts.bytes - 4;
      for (let offset = Math.max(0, parts.bytes - 4); offset < parts.bytes; offset++) assert.equal(parts.lineAt(offset), whole.lineAt(offset), `@${offset}`);
      // (Asked once that line has come: a reader asks where an error is after reading it.)
      const content = whole.contentLineFrom(floor);
      if (content < parts.lineAt(Infinity)) assert.equal(parts.contentLineFrom(floor), content, `from ${floor}`);
      parts.forget(floor, parts.bytes - 4);
      most = Math.max(most, parts.keptLines);
    }
    assert.ok(most <= 8, `${most} lines kept at most, of ${whole.lineAt(Infinity)}`);
  });
});
