/**
 * Everything a CLI command touches outside itself, passed in: tests run commands against
 * in-memory streams and a fake file system; main.ts passes the real process.
 */
import { readFile } from 'node:fs/promises';
import { createCsvProbe } from '../data/csv-probe';
import type { DataProbe } from '../core/spec/data-probe';

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
  /** Reads a UTF-8 text file; rejects with a Node-style error (`code: 'ENOENT'`, …) when it cannot. */
  readFile(path: string): Promise<string>;
  /** Makes the CSV probe for specs in `specDir`. */
  createProbe(specDir: string, options: ProbeOptions): DataProbe;
}

/** The real process. */
export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    readFile: (path) => readFile(path, 'utf8'),
    createProbe: (specDir, options) => createCsvProbe(specDir, options),
  };
}

/** A short reason for a failed read, without a stack trace. */
export function ioReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
