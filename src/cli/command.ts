/** The shape of a CLI command; each lives in commands/ and is listed in command-table.ts. */
import type { Compute } from '../core/nn/compute';
import type { CliIo } from './io';

/** Exit codes shared by every command. */
export const EXIT = {
  /** Success (warnings allowed). */
  ok: 0,
  /** The input has errors (an invalid spec, a failed gradient check…). */
  failed: 1,
  /** Bad usage or an I/O error (a missing file, an output refused or not written, lost output). */
  usage: 2,
  /** An internal error: a bug in nnspec (EX_SOFTWARE of sysexits.h), never bad input. */
  internal: 70,
} as const;

export interface Command {
  readonly name: string;
  /** One line for `nnspec --help`. */
  readonly summary: string;
  /** The synopsis, e.g. `nnspec validate SPEC [--json]`, and its options, one per line. */
  readonly usage: string;
  /** Runs with the arguments after the command name and the kernels and threads on offer; resolves to the exit code. */
  run(args: readonly string[], io: CliIo, compute: Compute): Promise<number>;
}

/** Thrown by argument parsing; run() prints it with the command's usage and exits 2. */
export class UsageError extends Error {}
