/**
 * Writing a file so that readers see either the old content or the new, never a torn one:
 * the data goes to a temporary file in the same folder (so the rename stays on one file
 * system), is flushed to disk (fsync), then renamed over the target. On any failure the
 * temporary file is removed and the target is untouched. A writer killed mid-write cannot
 * remove its temporary file; the next successful write of the same target removes it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Result } from '../core/diagnostic';

/** Why a write failed. */
export type WriteCode = 'write-failed';

/** The file-system calls the synchronous write uses; tests pass a failing one. */
export type AtomicFs = Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

/** The promise-based calls the asynchronous write uses. */
export type AtomicFsAsync = Pick<typeof fs.promises, 'open' | 'rename' | 'rm'>;

let counter = 0;

/** A temporary name beside `target`, unique within this process and across processes (pid). */
function tempPathFor(target: string): string {
  counter = (counter + 1) % 1_000_000;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.${counter}.tmp`);
}

/** A temporary file this long untouched is abandoned even if its process lives (a terminated worker thread). */
export const STALE_TEMP_MS = 10 * 60 * 1000;
/**
 * Younger than this, a temporary file is left alone even when its process seems gone: its
 * writer may be on another machine (a shared folder), whose process ids mean nothing here.
 * A write takes milliseconds; one a minute old has ended, one way or the other.
 */
export const FRESH_TEMP_MS = 60 * 1000;

/**
 * The temporary files of `target` in `names` (a listing of its folder) that no writer will
 * finish: over STALE_TEMP_MS old by their name's time, or over FRESH_TEMP_MS old with their
 * process gone.
 */
export function staleTemps(target: string, names: readonly string[], now: number, alive: (pid: number) => boolean = processAlive): string[] {
  const prefix = `.${path.basename(target)}.`;
  return names.filter((name) => {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return false;
    const match = /^(\d+)\.(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!match) return false;
    const pid = Number(match[1]), age = now - Number(match[2]);
    return age > STALE_TEMP_MS || (age > FRESH_TEMP_MS && !alive(pid));
  });
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the stale temporary files of `target` (see staleTemps). Best effort, never throws. */
function removeStaleTemps(target: string): void {
  try {
    const folder = path.dirname(target);
    for (const name of staleTemps(target, fs.readdirSync(folder), Date.now())) fs.rmSync(path.join(folder, name), { force: true });
  } catch {
    // a listing or removal refused: the files stay, harmless
  }
}

function failure(target: string, error: unknown): Result<void, WriteCode> {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'write-failed', message: `Could not write ${target}: ${reason}` } };
}

/**
 * Flushes a folder so that a rename in it survives a crash. Best effort: some platforms
 * (Windows) cannot open a folder, and the file itself is already safe.
 */
function syncFolder(folder: string, fsImpl: AtomicFs): void {
  let fd: number | undefined;
  try {
    fd = fsImpl.openSync(folder, 'r');
    fsImpl.fsyncSync(fd);
  } catch {
    // not supported here; the rename has happened either way
  } finally {
    if (fd !== undefined) fsImpl.closeSync(fd);
  }
}

/** Writes `data` to `target` atomically. Never throws. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, fsImpl: AtomicFs = fs): Result<void, WriteCode> {
  const temp = tempPathFor(target);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = fsImpl.openSync(temp, 'wx', 0o644);
    let written = 0;
    while (written < bytes.length) written += fsImpl.writeSync(fd, bytes, written, bytes.length - written);
    fsImpl.fsyncSync(fd);
    fsImpl.closeSync(fd);
    fd = undefined;
    fsImpl.renameSync(temp, target);
    syncFolder(path.dirname(target), fsImpl);
    removeStaleTemps(target);
    return { ok: true, value: undefined };
  } catch (error) {
    if (fd !== undefined) {
      try {
        fsImpl.closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    try {
      fsImpl.rmSync(temp, { force: true });
    } catch {
      // nothing more can be done about a temporary file that cannot be removed
    }
    return failure(target, error);
  }
}

/** The asynchronous twin of syncFolder. */
async function syncFolderAsync(folder: string, fsImpl: AtomicFsAsync): Promise<void> {
  try {
    const handle = await fsImpl.open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // not supported here; the rename has happened either way
  }
}

/** The asynchronous twin of writeFileAtomicSync. Never rejects. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, fsImpl: AtomicFsAsync = fs.promises): Promise<Result<void, WriteCode>> {
  const temp = tempPathFor(target);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fsImpl.open(temp, 'wx', 0o644);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsImpl.rename(temp, target);
    await syncFolderAsync(path.dirname(target), fsImpl);
    removeStaleTemps(target);
    return { ok: true, value: undefined };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fsImpl.rm(temp, { force: true }).catch(() => undefined);
    return failure(target, error);
  }
}
