import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { FRESH_TEMP_MS, STALE_TEMP_MS, staleTemps, writeFileAtomic, writeFileAtomicSync, type AtomicFs, type AtomicFsAsync } from '../../src/data/atomic-write';

describe('atomic write', () => {
  let dir: string;
  let target: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-atomic-'));
    target = path.join(dir, 'w.json');
    fs.writeFileSync(target, 'old');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const onlyTarget = (): void => assert.deepEqual(fs.readdirSync(dir), ['w.json']);

  it('replaces the content and leaves no temporary file (sync and async)', async () => {
    assert.ok(writeFileAtomicSync(target, 'new').ok);
    assert.equal(fs.readFileSync(target, 'utf8'), 'new');
    assert.ok((await writeFileAtomic(target, new Uint8Array([0x41, 0x42]))).ok);
    assert.equal(fs.readFileSync(target, 'utf8'), 'AB');
    onlyTarget();
  });

  it('a successful write removes what killed writers of the same target left, and nothing else (sync and async)', async () => {
    const now = Date.now(), minuteAgo = now - FRESH_TEMP_MS - 1000;
    // A process that has exited: its pid is free (until the system reuses it).
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const gone = Number(child.stdout);
    const left = [`.w.json.${gone}.${minuteAgo}.1.tmp`, `.w.json.${process.pid}.${now - STALE_TEMP_MS - 1000}.2.tmp`];
    // Kept: a live writer's, a fresh one whose writer may be on another machine, another target's, not ours.
    const kept = [`.w.json.${process.pid}.${now}.3.tmp`, `.w.json.${gone}.${now}.4.tmp`, `.other.json.${gone}.${minuteAgo}.1.tmp`, '.w.json.notes.tmp'];
    for (const name of [...left, ...kept]) fs.writeFileSync(path.join(dir, name), 'partial');
    assert.ok(writeFileAtomicSync(target, 'new').ok);
    assert.deepEqual(fs.readdirSync(dir).sort(), [...kept, 'w.json'].sort());
    fs.writeFileSync(path.join(dir, left[0]!), 'partial');
    assert.ok((await writeFileAtomic(target, 'newer')).ok);
    assert.deepEqual(fs.readdirSync(dir).sort(), [...kept, 'w.json'].sort());
  });

  it('staleTemps: stale when over 10 minutes old, or over a minute old with its process gone', () => {
    const now = 1_700_000_000_000, minuteAgo = now - FRESH_TEMP_MS - 1;
    const names = [`.w.json.10.${minuteAgo}.1.tmp`, `.w.json.10.${now}.5.tmp`, `.w.json.11.${minuteAgo}.2.tmp`, `.w.json.11.${now - STALE_TEMP_MS - 1}.3.tmp`, '.w.json.12.x.1.tmp', 'w.json', `.w.jsonl.10.${minuteAgo}.1.tmp`];
    assert.deepEqual(staleTemps('/d/w.json', names, now, (pid) => pid !== 10), [`.w.json.10.${minuteAgo}.1.tmp`, `.w.json.11.${now - STALE_TEMP_MS - 1}.3.tmp`]);
  });

  it('creates a file that did not exist', () => {
    const fresh = path.join(dir, 'fresh.json');
    assert.ok(writeFileAtomicSync(fresh, 'x').ok);
    assert.equal(fs.readFileSync(fresh, 'utf8'), 'x');
  });

  it('a failure mid-write keeps the old content and removes the temporary file', () => {
    let calls = 0;
    const failing: AtomicFs = {
      ...fs,
      writeSync: ((fd: number, buffer: Uint8Array, offset: number) => {
        calls++;
        if (calls > 1) throw new Error('ENOSPC: simulated full disk');
        return fs.writeSync(fd, buffer, offset, 3);
      }) as AtomicFs['writeSync'],
    };
    const r = writeFileAtomicSync(target, 'a much longer new content', failing);
    assert.ok(!r.ok && r.error.code === 'write-failed');
    assert.equal(calls, 2);
    assert.equal(fs.readFileSync(target, 'utf8'), 'old');
    onlyTarget();
  });

  it('a failing rename keeps the old content and removes the temporary file (sync and async)', async () => {
    const sync: AtomicFs = { ...fs, renameSync: () => { throw new Error('EXDEV: simulated'); } };
    assert.ok(!writeFileAtomicSync(target, 'new', sync).ok);
    const rejecting: AtomicFsAsync = { ...fs.promises, rename: () => Promise.reject(new Error('EXDEV: simulated')) };
    assert.ok(!(await writeFileAtomic(target, 'new', rejecting)).ok);
    assert.equal(fs.readFileSync(target, 'utf8'), 'old');
    onlyTarget();
  });

  it('a target that is a directory fails without touching it', async () => {
    const folder = path.join(dir, 'folder');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'keep'), 'k');
    assert.ok(!writeFileAtomicSync(folder, 'new').ok);
    assert.ok(!(await writeFileAtomic(folder, 'new')).ok);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['folder', 'w.json']);
    assert.deepEqual(fs.readdirSync(folder), ['keep']);
  });

  it('a missing folder fails as a value', () => {
    const r = writeFileAtomicSync(path.join(dir, 'no', 'such', 'w.json'), 'x');
    assert.ok(!r.ok && r.error.code === 'write-failed');
  });
});
