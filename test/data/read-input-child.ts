/**
 * A child process for open-input.test.ts: reads each file of its argument (JSON: a list of
 * [file, InputOptions, swapped?]) with readInputSync and readInput and prints one JSON line
 * per file. A reader that blocks on a special file blocks this process, not mocha: the test
 * kills it and names the file it hung on. `swapped`: stat answers for that path as for a
 * regular file, as when a FIFO is put there between the opener's stat and its open.
 */
import { createRequire } from 'node:module';
import type * as fs from 'node:fs';
import { readInput, readInputSync, type InputOptions, type InputResult, type InputText } from '../../src/data/open-input';

export interface ReadOutcome {
  readonly ok: boolean;
  readonly code?: string;
  readonly kind?: string;
  readonly message?: string;
  readonly complete?: boolean;
  readonly length?: number;
}

function outcome(r: InputResult<InputText>): ReadOutcome {
  return r.ok ? { ok: true, complete: r.value.complete, length: r.value.text.length } : { ok: false, code: r.error.code, ...(r.error.kind ? { kind: r.error.kind } : {}), message: r.error.message };
}

const nodeFs = createRequire(__filename)('node:fs') as { statSync: typeof fs.statSync; promises: { stat: typeof fs.promises.stat } };
const { statSync } = nodeFs;
const { stat } = nodeFs.promises;

/** Makes stat of `file` answer as of this script (a regular file); the descriptor's fstat stays true. */
function swap(file: string | undefined): void {
  nodeFs.statSync = ((p: fs.PathLike, o?: fs.StatSyncOptions) => statSync(p === file ? __filename : p, o)) as typeof fs.statSync;
  nodeFs.promises.stat = ((p: fs.PathLike, o?: fs.StatOptions) => stat(p === file ? __filename : p, o)) as typeof fs.promises.stat;
}

async function main(): Promise<void> {
  const cases = JSON.parse(process.argv[2] ?? '[]') as [string, InputOptions, boolean?][];
  for (const [file, options, swapped] of cases) {
    swap(swapped ? file : undefined);
    process.stdout.write(`${JSON.stringify({ file, started: true })}\n`);
    const sync = outcome(readInputSync(file, options));
    const async = outcome(await readInput(file, options));
    process.stdout.write(`${JSON.stringify({ file, sync, async })}\n`);
  }
}

void main();
