/**
 * Bounded output: code frames show a window of a long line with '…' on the cut sides and
 * the caret under the right character; messages and echoed user text are clipped. A spec
 * that is one 20 MB line prints a few hundred characters, not 20 MB.
 */
import assert from 'node:assert/strict';
import { clip, oneLine } from '../../src/cli/bounded-text';
import { run } from '../../src/cli/main';
import { FRAME_COLUMNS, formatHuman } from '../../src/cli/render-diagnostics';
import type { Diagnostic } from '../../src/core/diagnostic';
import { XOR_SPEC } from '../fixtures/xor-spec';
import { diskIo } from './disk-io';
import { memoryIo } from './memory-io';

const diagnostic = (start: number, end: number, message = 'm'): Diagnostic => ({ code: 'unknown-key', severity: 'error', message, range: [start, end] }) as Diagnostic;

/** The frame's two lines (source, carets) of formatHuman's first diagnostic, without the 2-space indent. */
function frame(text: string, d: Diagnostic): { source: string; carets: string } {
  const [, source, carets] = formatHuman('f', text, [d]).split('\n');
  return { source: source!.slice(2), carets: carets!.slice(2) };
}

describe('bounded messages and code frames', () => {
  it('a long line is shown as a window around the caret, cut with … on both sides, the caret on the right character', () => {
    // One line of 1,000,000 characters with a unique word at a known column.
    const column = 500_000;
    const text = `${'a'.repeat(column)}activaton${'b'.repeat(500_000)}\n`;
    const { source, carets } = frame(text, diagnostic(column, column + 'activaton'.length));
    assert.ok(source.length <= FRAME_COLUMNS + 2, `${source.length} columns`);
    assert.ok(source.startsWith('…') && source.endsWith('…'), source);
    const caret = carets.indexOf('^');
    assert.equal(source.slice(caret, caret + 9), 'activaton');
    assert.equal(carets.trimStart(), '^'.repeat(9));
  });

  it('near the start of a long line: no … before, the caret in place; near its end: no … after', () => {
    const text = `ab${'x'.repeat(10_000)}yz`;
    const start = frame(text, diagnostic(1, 2));
    assert.ok(start.source.startsWith('ab') && start.source.endsWith('…'));
    assert.equal(start.carets, ' ^');
    const end = frame(text, diagnostic(text.length - 1, text.length));
    assert.ok(end.source.startsWith('…') && end.source.endsWith('yz'), end.source);
    assert.equal(end.source[end.carets.indexOf('^')], 'z');
    // A range longer than the window: the carets stop at its edge.
    const wide = frame(text, diagnostic(0, text.length));
    assert.equal(wide.carets, '^'.repeat(FRAME_COLUMNS));
  });

  it('a short line is unchanged (tabs kept in the indent)', () => {
    assert.deepEqual(frame('key:\tvalue\n', diagnostic(5, 10)), { source: 'key:\tvalue', carets: '    \t^^^^^' });
  });

  it('never splits a surrogate pair at a cut', () => {
    const text = `${'😀'.repeat(5000)}`;
    const { source } = frame(text, diagnostic(5001, 5003));
    assert.doesNotMatch(source, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('a spec error far along a long line: the caret under the unknown key (validate, in process)', async () => {
    const spec = `name: x\nlayers: [{units: 2},${' '.repeat(5000)}{units: 1, activaton: sigmoid}]\ndata: {generate: xor}\n`;
    const io = memoryIo({ 'long.nnspec': spec });
    assert.equal(await run(['validate', 'long.nnspec'], io), 1);
    const [first, source, carets] = io.out().split('\n');
    const column = spec.split('\n')[1]!.indexOf('activaton') + 1;
    assert.match(first!, new RegExp(`^long\\.nnspec:2:${column}: error unknown-key: `));
    assert.ok(source!.length < 220, `${source!.length} columns`);
    const at = carets!.indexOf('^');
    assert.equal(source!.slice(at, at + 9), 'activaton');
  });

  it('messages are bounded, and on one line', () => {
    const text = formatHuman('f', 'x', [diagnostic(0, 1, `a${'b'.repeat(1_000_000)}\nc`)]);
    assert.ok(text.length < 1000, `${text.length} characters`);
    assert.equal(oneLine('a\nb\r\nc'), 'a b c');
    assert.equal(clip('abcdef', 4).length, 4);
    assert.equal(clip('abc', 4), 'abc');
  });

  it('a 20 MB one-line spec: refused by the size limit, with a few hundred characters of output', async function () {
    this.timeout(30_000);
    const io = diskIo();
    io.write('big.nnspec', `name: ${'x'.repeat(20 * 1024 * 1024)}\n`);
    assert.equal(await run(['train', 'big.nnspec'], io), 1);
    assert.ok(io.err().length < 2000, `stderr: ${io.err().length} characters`);
    assert.match(io.err(), /error spec-too-large: /);
    assert.equal(await run(['validate', 'big.nnspec'], io), 1);
    assert.ok(io.out().length < 2000, `stdout: ${io.out().length} characters`);
    const json = diskIo();
    json.write('big.nnspec', `name: ${'x'.repeat(20 * 1024 * 1024)}\n`);
    assert.equal(await run(['validate', 'big.nnspec', '--json'], json), 1);
    assert.ok(json.out().length < 2000, `--json: ${json.out().length} characters`);
  });

  it('echoed user text is clipped: an unknown command, an option value, a file name', async () => {
    const huge = 'q'.repeat(1_000_000);
    for (const argv of [[huge], ['train', 'x.nnspec', '--max-params', huge], ['validate', `${huge}.nnspec`], ['train', 'x.nnspec', `--${huge}`]]) {
      const io = diskIo({ 'x.nnspec': XOR_SPEC });
      assert.equal(await run(argv, io), 2);
      const longest = Math.max(...io.err().split('\n').map((l) => l.length));
      assert.ok(longest < 500, `${argv[0]!.slice(0, 10)} ${argv[1]?.slice(0, 10)}…: a line of ${longest} characters`);
    }
  });
});
