/**
 * The opener (src/data/open-input.ts) against real special files: a FIFO with no writer, a
 * directory, /dev/zero, /dev/null, a Unix socket, links to them, a sparse 2 GiB file. The
 * special files are read in a child process (read-input-child.ts) that is killed if it
 * hangs, so a reader that blocks fails here as an assertion naming the file.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatBytes, readInput, readInputBytesSync, readInputSync, type InputOptions } from '../../src/data/open-input';
import type { ReadOutcome } from './read-input-child';

const POSIX = process.platform !== 'win32';
const CHILD = path.join(__dirname, 'read-input-child.ts');
const SPEC: InputOptions = { maxBytes: 1000, what: 'a spec' };
/** node:fs itself (an import's namespace has only getters): patched to watch the opener's reads. */
const nodeFs = createRequire(__filename)('node:fs') as { -readonly [K in keyof typeof fs]: (typeof fs)[K] };

interface ChildLine {
  readonly file: string;
  readonly started?: true;
  readonly sync?: ReadOutcome;
  readonly async?: ReadOutcome;
}

/** Reads each file in a child process (sync, then async), in order; fails naming the file it hung on. */
function readInChild(cases: readonly (readonly [string, InputOptions, boolean?])[]): { sync: ReadOutcome; async: ReadOutcome }[] {
  const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', CHILD, JSON.stringify(cases)], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  const lines = child.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ChildLine);
  const hung = lines.at(-1)?.started ? lines.at(-1)!.file : undefined;
  assert.equal(child.signal, null, `the reader hung${hung ? ` on ${hung}` : ''} and was killed (${child.signal}); stderr: ${child.stderr.slice(0, 500)}`);
  assert.equal(child.status, 0, child.stderr.slice(0, 2000));
  const done = lines.flatMap((l) => (l.sync && l.async ? [{ sync: l.sync, async: l.async }] : []));
  assert.equal(done.length, cases.length);
  return done;
}

/** Counts the bytes fs.readSync returns while `f` runs (the opener reads through it). */
function bytesReadBy<T>(f: () => T): { value: T; bytes: number } {
  const original = nodeFs.readSync;
  let bytes = 0;
  nodeFs.readSync = ((...args: Parameters<typeof fs.readSync>) => {
    const n = original(...args);
    bytes += n;
    return n;
  }) as typeof fs.readSync;
  try {
    return { value: f(), bytes };
  } finally {
    nodeFs.readSync = original;
  }
}

describe('data/open-input: the one opener of every file read', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-open-input-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a good file, and a file through a symbolic link, whole (a byte-order mark kept)', async () => {
    const file = path.join(dir, 'good.nnspec');
    fs.writeFileSync(file, '\uFEFFlayers: []\n');
    const link = path.join(dir, 'link.nnspec');
    fs.symlinkSync(file, link);
    for (const p of [file, link]) {
      assert.deepEqual(readInputSync(p, SPEC), { ok: true, value: { text: '\uFEFFlayers: []\n', complete: true } });
      assert.deepEqual(await readInput(p, SPEC), { ok: true, value: { text: '\uFEFFlayers: []\n', complete: true } });
    }
  });

  it('a file at the limit is read; one byte over is refused by its size, naming the limit and what the file is', async () => {
    const file = path.join(dir, 'limit.txt');
    fs.writeFileSync(file, 'x'.repeat(1000));
    assert.ok(readInputSync(file, SPEC).ok);
    fs.appendFileSync(file, 'x');
    for (const r of [readInputSync(file, SPEC), await readInput(file, SPEC)]) {
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'input-too-large');
      assert.ok(r.error.message.startsWith(`${file} `), r.error.message);
      assert.ok(r.error.message.includes(`${formatBytes(1000)} limit for a spec`), r.error.message);
    }
  });

  it('a sparse 2 GiB file: refused from its size with no byte read; its head is maxBytes bytes at most', async () => {
    const file = path.join(dir, 'sparse.bin');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 2 * 1024 ** 3);
    const refused = bytesReadBy(() => readInputSync(file, SPEC));
    assert.ok(!refused.value.ok && refused.value.error.code === 'input-too-large');
    assert.equal(refused.bytes, 0);
    const head = bytesReadBy(() => readInputBytesSync(file, { ...SPEC, overLimit: 'head' }));
    assert.ok(head.value.ok);
    assert.equal(head.value.value.complete, false);
    assert.equal(head.value.value.bytes.length, 1000);
    assert.ok(head.bytes <= 1001, `${head.bytes} bytes read`);
    const async = await readInput(file, SPEC);
    assert.ok(!async.ok && async.error.code === 'input-too-large');
  });

  it('a file that grows past the limit after the stat: refused after maxBytes + 1 bytes, never read to the end', () => {
    const file = path.join(dir, 'grown.txt');
    fs.writeFileSync(file, 'y'.repeat(100_000));
    // The stats claim 10 bytes, as a file's would just before it grew.
    const { statSync, fstatSync } = nodeFs;
    const small = (s: fs.Stats): fs.Stats => Object.assign(Object.create(Object.getPrototypeOf(s) as object) as fs.Stats, s, { size: 10 });
    const patched = nodeFs as { statSync: unknown; fstatSync: unknown };
    patched.statSync = (p: fs.PathLike) => small(statSync(p));
    patched.fstatSync = (fd: number) => small(fstatSync(fd));
    try {
      const grown = bytesReadBy(() => readInputSync(file, SPEC));
      assert.ok(!grown.value.ok && grown.value.error.code === 'input-too-large');
      assert.ok(grown.bytes <= 1001, `${grown.bytes} bytes read`);
    } finally {
      patched.statSync = statSync;
      patched.fstatSync = fstatSync;
    }
  });

  it('a missing file and a directory: clear messages, no stack', async () => {
    const missing = path.join(dir, 'no-such.nnspec');
    for (const r of [readInputSync(missing, SPEC), await readInput(missing, SPEC)]) {
      assert.ok(!r.ok);
      assert.deepEqual([r.error.code, r.error.reason, r.error.message], ['input-not-found', 'no such file', `${missing} does not exist.`]);
    }
    for (const r of [readInputSync(dir, SPEC), await readInput(dir, SPEC)]) {
      assert.ok(!r.ok);
      assert.deepEqual([r.error.code, r.error.kind, r.error.message], ['input-not-a-file', 'directory', `${dir} is a directory, not a file.`]);
    }
    const nul = readInputSync(path.join(dir, 'bad\0name'), SPEC);
    assert.ok(!nul.ok && nul.error.code === 'input-unreadable');
    assert.doesNotMatch(nul.error.message, /\n\s+at /);
  });

  it('an unreadable file (EACCES): permission denied', async function () {
    if (!POSIX || process.getuid?.() === 0) this.skip(); // root reads it anyway
    const file = path.join(dir, 'secret.nnspec');
    fs.writeFileSync(file, 'x', { mode: 0o000 });
    for (const r of [readInputSync(file, SPEC), await readInput(file, SPEC)]) {
      assert.ok(!r.ok);
      assert.deepEqual([r.error.code, r.error.reason], ['input-unreadable', 'permission denied']);
    }
  });

  describe('special files, read in a child process that is killed if it hangs', function () {
    this.timeout(30_000);
    let server: net.Server | undefined;
    before(function () {
      if (!POSIX) this.skip(); // mkfifo, Unix sockets and /dev are POSIX's
    });
    after(() => server?.close());

    it('a FIFO with no writer, a Unix socket, /dev/zero, /dev/null, and links to them: refused by what they are, before any read', async () => {
      const fifo = path.join(dir, 'spec.fifo');
      execFileSync('mkfifo', [fifo]);
      const socket = path.join(dir, 'spec.sock');
      const listening = net.createServer();
      server = listening;
      await new Promise<void>((resolve) => listening.listen(socket, resolve));
      const fifoLink = path.join(dir, 'fifo-link.nnspec');
      fs.symlinkSync(fifo, fifoLink);
      const zeroLink = path.join(dir, 'zero-link.nnspec');
      fs.symlinkSync('/dev/zero', zeroLink);
      const expected: [string, string, string][] = [
        [fifo, 'fifo', 'a named pipe (FIFO), not a file'],
        [fifoLink, 'fifo', 'a named pipe (FIFO), not a file'],
        [socket, 'socket', 'a socket, not a file'],
        ['/dev/zero', 'character-device', 'a character device, not a file'],
        [zeroLink, 'character-device', 'a character device, not a file'],
        ['/dev/null', 'character-device', 'a character device, not a file'],
      ];
      const present = expected.filter(([file]) => fs.existsSync(file));
      // In 'head' mode too: no special file yields a head.
      const cases = present.flatMap(([file, kind, what]) => [SPEC, { ...SPEC, overLimit: 'head' as const }].map((options) => ({ file, kind, what, options })));
      const results = readInChild(cases.map((c) => [c.file, c.options] as const));
      cases.forEach(({ file, kind, what }, i) => {
        for (const outcome of [results[i]!.sync, results[i]!.async]) assert.deepEqual(outcome, { ok: false, code: 'input-not-a-file', kind, message: `${file} is ${what}.` }, file);
      });
    });

    it('a FIFO or /dev/zero put in place after the stat: the open does not block, and fstat refuses it', () => {
      const fifo = path.join(dir, 'swapped.fifo');
      execFileSync('mkfifo', [fifo]);
      // Within the limit, as the regular file stat answers for is.
      const options = { ...SPEC, maxBytes: 1_000_000 };
      const results = readInChild([[fifo, options, true], ['/dev/zero', { ...options, overLimit: 'head' }, true]]);
      assert.deepEqual(results[0]!.sync, { ok: false, code: 'input-not-a-file', kind: 'fifo', message: `${fifo} is a named pipe (FIFO), not a file.` });
      assert.deepEqual(results[0]!.async, results[0]!.sync);
      assert.equal(results[1]!.sync.kind, 'character-device');
      assert.equal(results[1]!.async.kind, 'character-device');
    });
  });
});
