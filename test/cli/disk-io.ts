/** A CliIo over a real temporary folder with captured output, for commands that write files. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../src/cli/io';
import { createCsvProbe } from '../../src/data/csv-probe';
import { readInput } from '../../src/data/open-input';

export interface DiskIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
  /** Writes a file into the folder. */
  write(name: string, text: string): string;
  read(name: string): string;
}

export function diskIo(files: Record<string, string> = {}): DiskIo {
  const cwd = mkdtempSync(path.join(tmpdir(), 'nnspec-cli-'));
  let out = '';
  let err = '';
  const io: DiskIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
    readInput,
    createProbe: (specDir, options) => createCsvProbe(specDir, options),
    out: () => out,
    err: () => err,
    write: (name, text) => {
      const file = path.join(cwd, name);
      writeFileSync(file, text);
      return file;
    },
    read: (name) => readFileSync(path.join(cwd, name), 'utf8'),
  };
  for (const [name, text] of Object.entries(files)) io.write(name, text);
  return io;
}
