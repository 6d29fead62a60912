/**
 * The nnspec CLI: `run(argv, io)` dispatches to a command and resolves to the exit code;
 * `main` runs it against the real process (bin/nnspec.js only sets process.exitCode).
 * Bad input never produces a stack trace.
 */
import { EXIT, UsageError } from './command';
import { COMMANDS } from './command-table';
import { nodeIo, type CliIo } from './io';
import type { Compute } from '../core/nn/compute';
import { openJobCompute } from '../parallel/job-compute';

export async function main(argv: string[]): Promise<number> {
  // The fast paths: WebAssembly SIMD kernels (TypeScript when unavailable) and, for large
  // batches, both cores. Results equal the reference path's (test/kernels, test/parallel).
  const jobCompute = openJobCompute();
  try {
    return await run(argv, nodeIo(), jobCompute.compute);
  } finally {
    await jobCompute.dispose();
  }
}

/** Runs one command; `compute` is what its evaluations may use (default TypeScript, one thread). */
export async function run(argv: readonly string[], io: CliIo, compute: Compute = {}): Promise<number> {
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
    io.stderr.write(`nnspec: unknown command '${name}'.\n\n${helpText()}`);
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
      io.stderr.write(`nnspec ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`nnspec ${command.name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: nnspec COMMAND [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`nnspec COMMAND --help\` for a command's options.\n`;
}
