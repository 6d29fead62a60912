/**
 * The one opener of every file nnspec reads: a spec, a weights file, a CSV file, an existing
 * output it looks into. A special file would hang the reader (a FIFO with no writer) or never
 * end (/dev/zero), so the rule is:
 *
 * 1. stat the path (following links) and refuse anything that is not a regular file (a named
 *    pipe, a socket, a character or block device, a directory) before opening it;
 * 2. open it with O_RDONLY | O_NONBLOCK, so a FIFO put there after the stat cannot block the
 *    open either, then fstat the descriptor and check again: what is read is what was checked;
 * 3. read at most `maxBytes + 1` bytes: a file over the limit (by its size, or because it grew)
 *    is refused, or its first `maxBytes` bytes are returned marked incomplete; never read to
 *    the end;
 * 4. decode UTF-8 as `readFile(file, 'utf8')` does (a byte-order mark is kept; the callers'
 *    parsers drop it).
 *
 * Every failure is a value naming the file and what it is; nothing throws or rejects.
 */
import * as fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { formatBytes } from '../core/text/format-bytes';
import { notAFile, tooLargeFailure, type InputFailure, type InputKind, type InputOptions } from './input-failure';

// The validator formats a CSV's size too: the formatter lives in the core.
export { formatBytes };
export { tooLargeFailure, type InputCode, type InputFailure, type InputKind, type InputOptions } from './input-failure';

export type InputResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: InputFailure };

/** A file's text: all of it, or (overLimit 'head') its first maxBytes bytes when `complete` is false. */
export interface InputText {
  readonly text: string;
  readonly complete: boolean;
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
/** The first read when the size is unknown or small; a regular file's size sets it otherwise. */
const MIN_CHUNK = 64 * 1024;

/** A file's bytes: all of them, or (overLimit 'head') its first maxBytes when `complete` is false. */
export interface InputBytes {
  readonly bytes: Buffer;
  readonly complete: boolean;
}

/** Reads the text of `file` by the opener's rule. Never throws. */
export function readInputSync(file: string, options: InputOptions): InputResult<InputText> {
  return decoded(readInputBytesSync(file, options));
}

/** The asynchronous twin of readInputSync, for the extension host and the CLI. Never rejects. */
export async function readInput(file: string, options: InputOptions): Promise<InputResult<InputText>> {
  return decoded(await readInputBytes(file, options));
}

/** Reads the bytes of `file` by the opener's rule (a binary file: an ONNX model). Never throws. */
export function readInputBytesSync(file: string, options: InputOptions): InputResult<InputBytes> {
  const opened = openInputSync(file, options);
  if (!opened.ok) return opened;
  const { fd, size } = opened.value;
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = nextRead(size, 0, options); want > 0; want = nextRead(size, total, options)) {
      const chunk = Buffer.allocUnsafe(want);
      const n = fs.readSync(fd, chunk, 0, want, total);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return limited(file, Buffer.concat(chunks, total), options);
  } catch (error) {
    return { ok: false, error: failureOf(file, error) };
  } finally {
    fs.closeSync(fd);
  }
}

async function readInputBytes(file: string, options: InputOptions): Promise<InputResult<InputBytes>> {
  const opened = await openInput(file, options);
  if (!opened.ok) return opened;
  const { handle, size } = opened.value;
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = nextRead(size, 0, options); want > 0; want = nextRead(size, total, options)) {
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return limited(file, Buffer.concat(chunks, total), options);
  } catch (error) {
    return { ok: false, error: failureOf(file, error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Steps 1 and 2 of the rule, for a caller that streams the file itself: the open handle of a
 * regular file within the limit, and its size. The caller closes it, and reads at most
 * maxBytes + 1 bytes (refusing the file with tooLargeFailure when there are more).
 */
export async function openInput(file: string, options: InputOptions): Promise<InputResult<{ handle: FileHandle; size: number }>> {
  let handle: FileHandle | undefined;
  try {
    const refused = refusal(file, await fs.promises.stat(file), options);
    if (refused) return refused;
    handle = await fs.promises.open(file, OPEN_FLAGS);
    const stats = await handle.stat();
    const again = refusal(file, stats, options);
    if (!again) return { ok: true, value: { handle, size: stats.size } };
    await handle.close();
    return again;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    return { ok: false, error: failureOf(file, error) };
  }
}

/** The synchronous twin of openInput: the descriptor of a regular file within the limit, and its size. The caller closes it. */
export function openInputSync(file: string, options: InputOptions): InputResult<{ fd: number; size: number }> {
  let fd: number | undefined;
  try {
    const refused = refusal(file, fs.statSync(file), options);
    if (refused) return refused;
    fd = fs.openSync(file, OPEN_FLAGS);
    const stats = fs.fstatSync(fd);
    const again = refusal(file, stats, options);
    if (!again) return { ok: true, value: { fd, size: stats.size } };
    fs.closeSync(fd);
    return again;
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    return { ok: false, error: failureOf(file, error) };
  }
}

/** The failure for an error of the file system on `file` (ENOENT, EACCES, a NUL byte in the path, …). */
export function failureOf(file: string, error: unknown): InputFailure {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'input-not-found', file, reason: 'no such file', message: `${file} does not exist.` };
  if (code === 'EISDIR') return notAFile(file, 'directory');
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : systemReason(error);
  return { code: 'input-unreadable', file, reason, message: `${file} cannot be read: ${reason}.` };
}

/** Why stats of `file` are refused: not a regular file, or (refusing past the limit) over it. */
function refusal(file: string, stats: fs.Stats, options: InputOptions): { ok: false; error: InputFailure } | undefined {
  if (!stats.isFile()) return { ok: false, error: notAFile(file, kindOf(stats)) };
  if (stats.size > options.maxBytes && options.overLimit !== 'head') return { ok: false, error: tooLargeFailure(file, stats.size, options) };
  return undefined;
}

function kindOf(stats: fs.Stats): InputKind {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character-device';
  if (stats.isBlockDevice()) return 'block-device';
  if (stats.isDirectory()) return 'directory';
  return 'other';
}

/** How many bytes to ask for next, `total` read so far: the rest of the file and one more (to see it grew), at most maxBytes + 1 in all. */
function nextRead(size: number, total: number, options: InputOptions): number {
  return Math.min(options.maxBytes + 1 - total, Math.max(size - total + 1, MIN_CHUNK));
}

/** The bytes read (at most maxBytes + 1): all of them, the first maxBytes, or a refusal. */
function limited(file: string, bytes: Buffer, options: InputOptions): InputResult<InputBytes> {
  if (bytes.length <= options.maxBytes) return { ok: true, value: { bytes, complete: true } };
  if (options.overLimit === 'head') return { ok: true, value: { bytes: bytes.subarray(0, options.maxBytes), complete: false } };
  // It grew past the limit after the stat.
  return { ok: false, error: tooLargeFailure(file, undefined, options) };
}

function decoded(read: InputResult<InputBytes>): InputResult<InputText> {
  return read.ok ? { ok: true, value: { text: read.value.bytes.toString('utf8'), complete: read.value.complete } } : read;
}

/** Node's "ENAMETOOLONG: name too long, open '/the/path'" as "name too long (ENAMETOOLONG)"; other errors by their message. */
function systemReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const system = /^([A-Z][A-Z0-9_]+): ([^,]+),/.exec(message);
  return system ? `${system[2]} (${system[1]})` : message;
}
