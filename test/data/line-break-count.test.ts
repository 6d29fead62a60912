import assert from 'node:assert/strict';
import { LineBreakCount } from '../../src/data/line-break-count';

/** The lines of `text` fed in chunks of `size` bytes. */
function linesOf(text: string, size: number): number {
  const bytes = Buffer.from(text, 'latin1');
  const count = new LineBreakCount();
  for (let at = 0; at < bytes.length; at += size) count.add(bytes.subarray(at, at + size));
  return count.lines;
}

/** The oracle: a lone CR, a CRLF and an LF each end a line; text after the last break is one more. */
function expectedLines(text: string): number {
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks + (text === '' || /[\r\n]$/.test(text) ? 0 : 1);
}

describe('data/line-break-count', () => {
  const cases: [string, string, number][] = [
    ['an empty stream', '', 0],
    ['a header only, with its line break', 'x,y\n', 1],
    ['a header only, without', 'x,y', 1],
    ['LF lines', 'x,y\n1,2\n3,4\n', 3],
    ['no final line break', 'x,y\n1,2\n3,4', 3],
    ['CRLF lines', 'x,y\r\n1,2\r\n3,4\r\n', 3],
    ['lone CR lines', 'x,y\r1,2\r3,4', 3],
    ['mixed line ends and blank lines', 'x,y\r\n\n1,2\r\r3,4\n\r', 6],
    ['a final lone CR', 'x,y\r', 1],
    ['CR CR LF: a lone CR, then a CRLF', 'a\r\r\nb', 3],
  ];

  for (const [what, text, lines] of cases) {
    it(`${what}: ${lines} lines, whatever the chunks`, () => {
      assert.equal(expectedLines(text), lines);
      for (const size of [1, 2, 3, 4, 1 << 20]) assert.equal(linesOf(text, size), lines, `chunks of ${size}`);
    });
  }

  it('a CRLF split across two chunks counts once', () => {
    const count = new LineBreakCount();
    count.add(Buffer.from('x,y\r'));
    assert.equal(count.lines, 1);
    count.add(Buffer.from('\n1,2\r'));
    count.add(Buffer.from('\n'));
    assert.equal(count.lines, 2);
    count.add(Buffer.alloc(0));
    assert.equal(count.lines, 2);
  });

  it('agrees with the oracle on random mixes of line ends, at every chunk size', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 200; n++) {
      let text = '';
      for (let i = Math.floor(next() * 40); i > 0; i--) text += ['a', ',', '\r', '\n', '\r\n', '"'][Math.floor(next() * 6)];
      for (const size of [1, 2, 3, 5, 8]) assert.equal(linesOf(text, size), expectedLines(text), JSON.stringify(text));
    }
  });
});
