/**
 * The CLI's one error boundary. Bad input is reported by each command with its own exit
 * code; anything else that is thrown (a bug) becomes one line here, with the code
 * `internal-error`, exit 70 (EX_SOFTWARE) and a hint to run with --debug, which (like
 * NNSPEC_DEBUG=1) adds the stack trace. Uncaught exceptions and unhandled rejections of the
 * process come through the same line. Failed writes to stdout and stderr (guarded-stream.ts)
 * decide the exit code last.
 */
import { clip, oneLine } from './bounded-text';
import { EXIT } from './command';
import { isClosedPipe } from './guarded-stream';
import { ioReason, type CliIo, type OutputStream } from './io';

/** The option every command takes: the stack trace of an internal error. */
export const DEBUG_OPTION = '--debug';

/** `argv` without `--debug` (before a `--`), and whether debugging is on (the option or NNSPEC_DEBUG). */
export function splitDebug(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): { argv: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const before = end < 0 ? argv : argv.slice(0, end);
  const rest = end < 0 ? [] : argv.slice(end);
  const kept = before.filter((a) => a !== DEBUG_OPTION);
  const fromEnv = env['NNSPEC_DEBUG'];
  const debug = kept.length < before.length || (fromEnv !== undefined && fromEnv !== '' && fromEnv !== '0' && fromEnv.toLowerCase() !== 'false');
  return { argv: [...kept, ...rest], debug };
}

/** The most characters of a stack trace printed with --debug. */
const MAX_STACK = 20_000;

/**
 * `WHERE: error internal-error: MESSAGE (TypeError); …`: one line, the message bounded; with
 * `debug`, the stack trace follows instead of the hint.
 */
export function internalErrorText(where: string, error: unknown, debug: boolean): string {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  const what = `${name}${typeof code === 'string' ? ` ${clip(code, 40)}` : ''}`;
  const message = error instanceof Error ? error.message : safeString(error);
  const line = `${where}: error internal-error: ${oneLine(message, 300)} (${oneLine(what, 80)}); this is a bug in nnspec`;
  if (!debug) return `${line}: run again with ${DEBUG_OPTION} (or NNSPEC_DEBUG=1) for the stack trace.\n`;
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : message;
  return `${line}.\n${clip(stack, MAX_STACK)}\n`;
}

/** Writes without ever throwing (a test's stream may throw; the process's are guarded). */
export function writeSafely(stream: OutputStream, text: string): void {
  try {
    stream.write(text);
  } catch {
    // nowhere left to report it: the exit code says it
  }
}

/**
 * The exit code once the command has finished, given the writes that failed. A closed pipe
 * (EPIPE: `nnspec … | head -1`) is the reader's choice, as for rg: nothing is printed and
 * the command's own code stands. Any other failure (ENOSPC, EIO, …) lost output: one line on
 * stderr when stderr still works, and exit 2 (an I/O error), unless the command already
 * ended in an internal error (70).
 */
export async function exitCodeAfterWrites(code: number, io: CliIo): Promise<number> {
  try {
    await io.flush?.();
  } catch {
    // a flush that fails has recorded its failure
  }
  const lost = (io.writeFailures?.() ?? []).filter((f) => !isClosedPipe(f));
  if (lost.length === 0) return code;
  const stdout = lost.find((f) => f.stream === 'stdout');
  if (stdout && !lost.some((f) => f.stream === 'stderr')) {
    const reason = ioReason(Object.assign(new Error(stdout.message), { code: stdout.code }));
    writeSafely(io.stderr, `nnspec: cannot write to standard output: ${oneLine(reason, 200)}${stdout.code ? ` (${stdout.code})` : ''}; the output is incomplete.\n`);
  }
  return code === EXIT.internal ? code : EXIT.usage;
}

/** The one line for a working directory that cannot be read (deleted while a shell was in it). */
export function cwdFailureText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'nnspec: the current directory no longer exists (it was deleted or moved); cd to an existing directory and run again.\n';
  return `nnspec: cannot read the current directory: ${oneLine(ioReason(error), 200)}; cd to an existing directory and run again.\n`;
}

/**
 * Uncaught exceptions and unhandled rejections (a callback or a promise outside any
 * command's await) print the internal-error line and end the process with exit 70 at once:
 * its state is unknown past that point.
 */
export function installProcessBoundary(stderr: OutputStream, debug: boolean): void {
  const fatal = (error: unknown): void => {
    writeSafely(stderr, internalErrorText('nnspec', error, debug));
    process.exit(EXIT.internal);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
