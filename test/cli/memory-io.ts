/** A CliIo over in-memory files and streams, for testing commands without a process. */
import * as path from 'node:path';
import type { CliIo } from '../../src/cli/io';
import type { DataProbe } from '../../src/core/spec/data-probe';
import { failureOf } from '../../src/data/open-input';

export interface MemoryIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function memoryIo(files: Record<string, string>, probe: DataProbe = () => ({ status: 'pending' })): MemoryIo {
  let out = '';
  let err = '';
  const cwd = '/work';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
    readInput: async (p) => {
      const text = files[path.relative(cwd, p)];
      if (text === undefined) return { ok: false, error: failureOf(p, Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' })) };
      return { ok: true, value: { text, complete: true } };
    },
    createProbe: () => probe,
    out: () => out,
    err: () => err,
  };
}
