import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { memoryIo } from './memory-io';

const XOR = readFileSync(path.join(__dirname, '..', 'fixtures', 'defining-example.nnspec'), 'utf8');
const BAD = 'layers:\n  - units: 2\n  - units: 1\n    activaton: sigmoid\ndata:\n  generate: xor\n';

describe('nnspec validate', () => {
  it('exits 0 for a valid spec, warnings included', async () => {
    const io = memoryIo({ 'xor.nnspec': XOR });
    assert.equal(await run(['validate', 'xor.nnspec'], io), 0);
    // The human format is the contract here: `file:line:col: severity code: message`, then `file: summary`.
    assert.match(io.out(), /^xor\.nnspec:19:3: warning learning-rate-unused: /m);
    assert.match(io.out(), /^xor\.nnspec: valid, 1 warning$/m);
    assert.equal(io.err(), '');
  });

  it('exits 1 for errors, printing file:line:col, the line and carets under the range', async () => {
    const io = memoryIo({ 'specs/bad.nnspec': BAD });
    assert.equal(await run(['validate', 'specs/bad.nnspec'], io), 1);
    const lines = io.out().split('\n');
    assert.match(lines[0]!, /^specs\/bad\.nnspec:4:5: error unknown-key: /);
    assert.equal(lines[1], '      activaton: sigmoid');
    assert.equal(lines[2], '      ^^^^^^^^^');
    assert.equal(lines[3], 'specs/bad.nnspec: 1 error');
  });

  it('puts one caret under an empty range and keeps tabs in the indent', async () => {
    const io = memoryIo({ 'e.nnspec': '' });
    assert.equal(await run(['validate', 'e.nnspec'], io), 1);
    assert.deepEqual(io.out().split('\n').slice(1, 3), ['  ', '  ^']);
    const tabs = memoryIo({ 't.nnspec': 'task:\tbogus\nlayers:\n  - units: 2\n  - units: 1\ndata:\n  generate: xor\n' });
    assert.equal(await run(['validate', 't.nnspec'], tabs), 1);
    assert.deepEqual(tabs.out().split('\n').slice(1, 3), ['  task:\tbogus', '       \t^^^^^']);
    assert.match(tabs.out(), /^t\.nnspec:1:7: error unknown-value: /);
  });

  it('prints --json with 1-based ranges', async () => {
    const io = memoryIo({ 'bad.nnspec': BAD });
    assert.equal(await run(['validate', '--json', 'bad.nnspec'], io), 1);
    const report = JSON.parse(io.out()) as unknown;
    assert.deepEqual(report, {
      file: 'bad.nnspec',
      valid: false,
      diagnostics: [
        {
          code: 'unknown-key',
          severity: 'error',
          message: (report as { diagnostics: { message: string }[] }).diagnostics[0]!.message,
          range: { start: { line: 4, column: 5 }, end: { line: 4, column: 14 } },
        },
      ],
    });
  });

  it('reports valid: true in JSON for a spec with only warnings', async () => {
    const io = memoryIo({ 'xor.nnspec': XOR });
    assert.equal(await run(['validate', 'xor.nnspec', '--json'], io), 0);
    const report = JSON.parse(io.out()) as { valid: boolean; diagnostics: { code: string }[] };
    assert.equal(report.valid, true);
    assert.deepEqual(report.diagnostics.map((d) => d.code), ['learning-rate-unused']);
  });

  it('exits 2 without a stack trace when the file cannot be read', async () => {
    const io = memoryIo({});
    assert.equal(await run(['validate', 'missing.nnspec'], io), 2);
    // The whole line: `nnspec COMMAND: cannot read FILE: REASON` is the CLI's one-line I/O error.
    assert.equal(io.err(), 'nnspec validate: cannot read missing.nnspec: no such file\n');
    assert.equal(io.out(), '');
  });

  it('exits 2 for usage errors', async () => {
    for (const argv of [[], ['validate'], ['validate', 'a', 'b'], ['validate', '--bogus', 'a'], ['frobnicate']]) {
      const io = memoryIo({ a: XOR, b: XOR });
      assert.equal(await run(argv, io), 2, argv.join(' '));
      // A usage error prints the usage: its first word is the contract, not the wording after it.
      assert.match(io.err(), /Usage: nnspec/, argv.join(' '));
      assert.doesNotMatch(io.err(), /\n\s+at /);
    }
  });

  it('prints help on --help and exits 0', async () => {
    const io = memoryIo({});
    assert.equal(await run(['--help'], io), 0);
    // Help is text for people: it must name the commands and options, whatever its wording.
    assert.match(io.out(), /validate/);
    const sub = memoryIo({});
    assert.equal(await run(['validate', '--help'], sub), 0);
    assert.match(sub.out(), /--json/);
  });

  it('asks the probe for CSV files, with the workspace from --workspace', async () => {
    const spec = 'layers:\n  - units: 1\n  - units: 1\ndata:\n  csv: d.csv\n  target: y\n';
    let options: unknown;
    const io = memoryIo({ 's/x.nnspec': spec }, () => ({ status: 'failed', error: { code: 'csv-outside-workspace', message: 'outside' } }));
    const spy = { ...io, createProbe: (dir: string, o: unknown) => ((options = { dir, o }), io.createProbe(dir, o as never)) };
    assert.equal(await run(['validate', 's/x.nnspec', '--workspace', 'ws', '--allow-outside', '--json'], spy), 1);
    assert.deepEqual(options, { dir: '/work/s', o: { workspaceRoot: '/work/ws', allowOutside: true } });
    const report = JSON.parse(io.out()) as { diagnostics: { code: string; range: { start: { line: number; column: number } } }[] };
    // On the `csv:` path, line 5, column 8.
    assert.deepEqual(report.diagnostics.map((d) => [d.code, d.range.start]), [['csv-outside-workspace', { line: 5, column: 8 }]]);
  });
});
