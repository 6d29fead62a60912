/** The options every job command (train, check, cost, init, predict) shares, and what they mean. */
import * as path from 'node:path';
import type { Diagnostic } from '../core/diagnostic';
import type { WeightsFile } from '../core/weights/format';
import { readWeights } from '../core/weights/parse';
import type { JobFailure, JobResult } from '../jobs/job-failure';
import type { InputFailure, InputText } from '../data/open-input';
import { WEIGHTS_INPUT } from '../data/weights-file';
import { openNetwork, openSpec, SPEC_INPUT, type JobPolicy, type OpenedNetwork, type OpenedSpec } from '../jobs/open-spec';
import { EXIT, UsageError } from './command';
import type { CliIo } from './io';
import { clip, oneLine } from './bounded-text';
import { refuseOutput, type OutputKind, type RunInput } from './output-safety';
import { formatHuman } from './render-diagnostics';

export const POLICY_OPTIONS = {
  workspace: { type: 'string' },
  'allow-outside': { type: 'boolean' },
  'max-params': { type: 'string' },
  'max-csv-bytes': { type: 'string' },
  'max-memory-mb': { type: 'string' },
} as const;

export const POLICY_USAGE = `  --workspace DIR   the folder CSV files must lie in (default: the current directory)
  --allow-outside   allow CSV files outside the workspace folder
  --max-params N    the largest parameter count accepted (default 50000000)
  --max-csv-bytes N the largest CSV file read, in bytes (default 104857600 = 100 MiB)
  --max-memory-mb N the most memory a run may need, estimated before anything is allocated (default 4096)
  --debug           on an internal error (exit 70), print its stack trace (also NNSPEC_DEBUG=1)`;

/** What --force means, for the commands that write files. */
export const FORCE_USAGE = `  --force           replace an existing output file that nnspec did not write (never
                    one of the run's own inputs: the spec, its data file, the weights read)`;

/**
 * Checks an output path before anything is computed (refuseOutput in output-safety.ts);
 * prints why it is refused and returns the exit code (2), or undefined when it may be written.
 */
export function checkOutput(command: string, shown: string, out: string, kind: OutputKind, inputs: readonly RunInput[], force: boolean, io: CliIo): number | undefined {
  const refusal = refuseOutput(out, kind, inputs, force);
  if (refusal === undefined) return undefined;
  io.stderr.write(`nnspec ${command}: refusing to write ${clip(shown)}: ${refusal}.\n`);
  return 2;
}

export interface PolicyValues {
  workspace?: string;
  'allow-outside'?: boolean;
  'max-params'?: string;
  'max-csv-bytes'?: string;
  'max-memory-mb'?: string;
}

export function policyFrom(values: PolicyValues, io: CliIo): JobPolicy {
  const maxParameters = positiveInteger(values, 'max-params');
  const maxCsvBytes = positiveInteger(values, 'max-csv-bytes');
  const maxMemoryMB = positiveInteger(values, 'max-memory-mb');
  return {
    workspaceRoot: path.resolve(io.cwd, values.workspace ?? '.'),
    allowOutside: values['allow-outside'] === true,
    ...(maxParameters !== undefined ? { maxParameters } : {}),
    ...(maxCsvBytes !== undefined ? { maxCsvBytes } : {}),
    ...(maxMemoryMB !== undefined ? { maxMemoryMB } : {}),
  };
}

/** The value of a `--name N` option that must be a whole number > 0, or undefined when absent. */
function positiveInteger(values: PolicyValues, name: 'max-params' | 'max-csv-bytes' | 'max-memory-mb'): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(Number.isSafeInteger(n) && n > 0)) throw new UsageError(`--${name} takes a whole number > 0, not '${clip(text, 40)}'.`);
  return n;
}

/** The one SPEC positional, or a usage error. */
export function specArgument(positionals: readonly string[]): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which spec? Give one SPEC file.' : 'give exactly one SPEC file.');
  return positionals[0]!;
}

/**
 * Reads and opens a spec for a job. On failure, prints it (the spec's diagnostics with their
 * places, or the data file's line and column) and returns the exit code to use.
 */
export async function openForJob(command: string, file: string, policy: JobPolicy, io: CliIo): Promise<OpenedSpec | number> {
  return openWith(openSpec, command, file, policy, io);
}

/** openForJob without the data: for commands that need only the network (export). */
export async function openNetworkForJob(command: string, file: string, policy: JobPolicy, io: CliIo): Promise<OpenedNetwork | number> {
  return openWith(openNetwork, command, file, policy, io);
}

async function openWith<T>(open: (path: string, policy: JobPolicy, text: InputText) => JobResult<T>, command: string, file: string, policy: JobPolicy, io: CliIo): Promise<T | number> {
  const absolute = path.resolve(io.cwd, file);
  const read = await io.readInput(absolute, SPEC_INPUT);
  if (!read.ok) return cannotRead(command, file, read.error, io);
  const opened = open(absolute, policy, read.value);
  if (opened.ok) return opened.value;
  printFailure(command, file, opened.failure, io);
  return 1;
}

/** The CLI's one line for an input the opener refused, `nnspec COMMAND: cannot read FILE: REASON`; returns exit 2. */
export function cannotRead(command: string, file: string, error: InputFailure, io: CliIo): number {
  io.stderr.write(`nnspec ${command}: cannot read ${clip(file)}: ${oneLine(error.reason)}\n`);
  return EXIT.usage;
}

/** A job failure, where it happened: spec diagnostics with carets, data errors as file:line:col. */
export function printFailure(command: string, file: string, failure: JobFailure, io: CliIo): void {
  if (failure.diagnostics && failure.specText !== undefined) {
    const errors: Diagnostic[] = failure.diagnostics.filter((d) => d.severity === 'error');
    io.stderr.write(formatHuman(file, failure.specText, errors));
    io.stderr.write(`nnspec ${command}: ${clip(file)} is not a valid spec (run \`nnspec validate ${clip(file)}\`).\n`);
    return;
  }
  const where = failure.file ? `${clip(failure.file)}${failure.line ? `:${failure.line}` : ''}${failure.column ? `:${failure.column}` : ''}: ` : '';
  io.stderr.write(`nnspec ${command}: ${where}error ${failure.code}: ${oneLine(failure.message)}\n`);
}

/** Reads a weights file for `opened`; prints and returns an exit code on failure. */
export async function readWeightsFor(command: string, weightsFile: string, opened: OpenedNetwork, io: CliIo): Promise<{ theta: Float64Array; file: WeightsFile } | number> {
  const absolute = path.resolve(io.cwd, weightsFile);
  const read = await io.readInput(absolute, WEIGHTS_INPUT);
  if (!read.ok) return cannotRead(command, weightsFile, read.error, io);
  const loaded = readWeights(read.value.text, opened.architecture.sizes);
  if (!loaded.ok) {
    io.stderr.write(`nnspec ${command}: ${clip(weightsFile)}: error ${loaded.error.code}: ${oneLine(loaded.error.message)}\n`);
    return 1;
  }
  return { theta: loaded.value.theta, file: loaded.value.file };
}
