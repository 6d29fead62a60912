/**
 * Everything a CLI command touches outside itself, passed in: tests run commands against
 * in-memory streams and a fake file system; main.ts passes the real process.
 */
import { createCsvProbe } from '../data/csv-probe';
import { readInput, type InputOptions, type InputResult, type InputText } from '../data/open-input';
import type { DataProbe } from '../core/spec/data-probe';
import { GuardedStream, type WritableTarget, type WriteFailure } from './guarded-stream';

export interface OutputStream {
  write(chunk: string): unknown;
}

export interface ProbeOptions {
  readonly workspaceRoot: string;
  readonly allowOutside: boolean;
  /** The largest CSV file read, in bytes (default: the loader's). */
  readonly maxBytes?: number;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The directory relative paths are resolved against (also the default workspace root). */
  readonly cwd: string;
  /**
   * Reads a UTF-8 text file through the opener (data/open-input.ts): a regular file within
   * `options.maxBytes`, never a pipe or a device. Never rejects: a failure is a value.
   */
  readInput(path: string, options: InputOptions): Promise<InputResult<InputText>>;
  /** Makes the CSV probe for specs in `specDir`. */
  createProbe(specDir: string, options: ProbeOptions): DataProbe;
  /** The environment (NNSPEC_DEBUG); none when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The writes to stdout and stderr that failed (one per stream at most); none when absent. */
  writeFailures?(): readonly WriteFailure[];
  /** Resolves once the writes so far have gone out or failed (before writeFailures is read). */
  flush?(): Promise<void>;
}

/** The streams and directory of the real process (tests pass their own streams). */
export interface NodeIoOptions {
  readonly cwd: string;
  readonly stdout?: WritableTarget;
  readonly stderr?: WritableTarget;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The real process, its stdout and stderr guarded (guarded-stream.ts). */
export function nodeIo(options: NodeIoOptions): CliIo {
  return nodeIoOver(guardStreams(options.stdout ?? process.stdout, options.stderr ?? process.stderr), options);
}

/** The guarded pair of output streams. */
export interface GuardedStreams {
  readonly stdout: GuardedStream;
  readonly stderr: GuardedStream;
}

export function guardStreams(stdout: WritableTarget, stderr: WritableTarget): GuardedStreams {
  return { stdout: new GuardedStream('stdout', stdout), stderr: new GuardedStream('stderr', stderr) };
}

/** nodeIo over streams already guarded (main.ts guards them before anything else can write). */
export function nodeIoOver(streams: GuardedStreams, options: Pick<NodeIoOptions, 'cwd' | 'env'>): CliIo {
  return {
    stdout: streams.stdout,
    stderr: streams.stderr,
    cwd: options.cwd,
    env: options.env ?? process.env,
    readInput: (path, inputOptions) => readInput(path, inputOptions),
    createProbe: (specDir, probeOptions) => createCsvProbe(specDir, probeOptions),
    flush: async () => {
      await Promise.all([streams.stdout.flush(), streams.stderr.flush()]);
    },
    writeFailures: () => [streams.stdout.failure, streams.stderr.failure].filter((f): f is WriteFailure => f !== undefined),
  };
}

/** A short reason for a failed read or write, without a stack trace. */
export function ioReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  const message = error instanceof Error ? error.message : String(error);
  // Node's "ENAMETOOLONG: name too long, open '/the/path'": the path is already in the message.
  const system = /^([A-Z][A-Z0-9_]+): ([^,]+),/.exec(message);
  return system ? `${system[2]} (${system[1]})` : message;
}
