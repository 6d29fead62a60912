/**
 * The nnspec CLI: `run(argv, io)` dispatches to a command and resolves to the exit code;
 * `main` runs it against the real process (bin/nnspec.js only sets process.exitCode).
 * Bad input never produces a stack trace; a bug produces one line (boundary.ts).
 */
import { clip } from './bounded-text';
import { cwdFailureText, exitCodeAfterWrites, installProcessBoundary, internalErrorText, splitDebug, writeSafely } from './boundary';
import { EXIT, UsageError } from './command';
import { COMMANDS } from './command-table';
import { guardStreams, nodeIoOver, type CliIo } from './io';
import type { Compute } from '../core/nn/compute';
import { openJobCompute } from '../parallel/job-compute';

/** Runs argv against the real process; never rejects. */
export async function main(argv: string[]): Promise<number> {
  // First of all: nothing written from here on can end in an unhandled 'error' event.
  const streams = guardStreams(process.stdout, process.stderr);
  const { debug } = splitDebug(argv, process.env);
  installProcessBoundary(streams.stderr, debug);
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch (error) {
    writeSafely(streams.stderr, cwdFailureText(error));
    return EXIT.usage;
  }
  const io = nodeIoOver(streams, { cwd, env: process.env });
  try {
    // The fast paths: WebAssembly SIMD kernels (TypeScript when unavailable) and, for large
    // batches, both cores. Results equal the reference path's (test/kernels, test/parallel).
    const jobCompute = openJobCompute();
    try {
      return await run(argv, io, jobCompute.compute);
    } finally {
      await jobCompute.dispose();
    }
  } catch (error) {
    writeSafely(io.stderr, internalErrorText('nnspec', error, debug));
    return exitCodeAfterWrites(EXIT.internal, io);
  }
}

/**
 * Runs one command; `compute` is what its evaluations may use (default TypeScript, one
 * thread). Never rejects: whatever a command throws ends as an exit code.
 */
export async function run(argv: readonly string[], io: CliIo, compute: Compute = {}): Promise<number> {
  const { argv: args, debug } = splitDebug(argv, io.env);
  let code: number;
  try {
    code = await dispatch(args, io, compute, debug);
  } catch (error) {
    writeSafely(io.stderr, internalErrorText('nnspec', error, debug));
    code = EXIT.internal;
  }
  return exitCodeAfterWrites(code, io);
}

async function dispatch(argv: readonly string[], io: CliIo, compute: Compute, debug: boolean): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr.write(helpText());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`nnspec: unknown command '${clip(name, 60)}'.\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io, compute);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`nnspec ${command.name}: ${clip(error.message, 300)}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    writeSafely(io.stderr, internalErrorText(`nnspec ${command.name}`, error, debug));
    return EXIT.internal;
  }
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: nnspec COMMAND [options]

Commands:
${lines.join('\n')}

Run \`nnspec COMMAND --help\` for a command's options. Every command also takes
  --debug           on an internal error, print its stack trace (also NNSPEC_DEBUG=1)

Exit codes:
  0   success (warnings allowed)
  1   the input has errors: an invalid spec, a failed gradient check, a diverged run
  2   usage or I/O error: a missing file, an output refused or not written, output lost
      (a full disk); a closed pipe (\`nnspec … | head\`) is not an error and changes nothing
  70  internal error: a bug in nnspec (one line; --debug shows the stack)
`;
}
