/**
 * Why a file could not be read, as a value that names the file: the opener's failures
 * (open-input.ts) and the browser build's reads through vscode.workspace.fs say the same.
 */
import type { Failure } from '../core/diagnostic';
import { formatBytes } from '../core/text/format-bytes';

/** Why a file could not be read: absent, not a regular file, over its limit, or refused by the system. */
export type InputCode = 'input-not-found' | 'input-not-a-file' | 'input-too-large' | 'input-unreadable';

/** What a path that is not a regular file is. */
export type InputKind = 'fifo' | 'socket' | 'character-device' | 'block-device' | 'directory' | 'other';

export interface InputFailure extends Failure<InputCode> {
  /** The path as given to the opener. */
  readonly file: string;
  /** The message without the path, for a caller that names the file itself ("it is a named pipe (FIFO), not a file"). */
  readonly reason: string;
  /** For input-not-a-file: what the path is. */
  readonly kind?: InputKind;
}

export interface InputOptions {
  /** The largest file read, in bytes. */
  readonly maxBytes: number;
  /** What the file is to its caller, for the messages: "a spec", "a weights file", "a CSV file". */
  readonly what: string;
  /** Past maxBytes: refuse the file (input-too-large, the default), or return its first maxBytes bytes marked incomplete. */
  readonly overLimit?: 'refuse' | 'head';
  /** How to raise the limit, appended to the input-too-large message ("the setting …"). */
  readonly raise?: string;
}

/** The failure for a file over its limit: `bytes` is its size, or undefined when only "more than maxBytes" is known. */
export function tooLargeFailure(file: string, bytes: number | undefined, options: InputOptions): InputFailure {
  const size = bytes === undefined ? 'larger than' : `${formatBytes(bytes)}, over`;
  const raise = options.raise ? `; raise it with ${options.raise}` : '';
  const exact = options.maxBytes < 1024 ? '' : ` (${options.maxBytes} bytes)`;
  const reason = `it is ${size} the ${formatBytes(options.maxBytes)} limit${exact} for ${options.what}${raise}`;
  return { code: 'input-too-large', file, reason, message: `${file} ${reason.slice('it '.length)}.` };
}

const KIND_NAME: Readonly<Record<InputKind, string>> = {
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  'character-device': 'a character device',
  'block-device': 'a block device',
  directory: 'a directory',
  other: 'not a regular file',
};

export function notAFile(file: string, kind: InputKind): InputFailure {
  const what = kind === 'other' ? KIND_NAME.other : `${KIND_NAME[kind]}, not a file`;
  return { code: 'input-not-a-file', file, kind, reason: `it is ${what}`, message: `${file} is ${what}.` };
}

