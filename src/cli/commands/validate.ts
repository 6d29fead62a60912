/** `nnspec validate SPEC [--json]`: exit 0 when valid (warnings allowed), 1 on errors, 2 on usage or I/O errors. */
import * as path from 'node:path';
import { validateSpec } from '../../core/spec/validate';
import { parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { SPEC_INPUT } from '../../jobs/open-spec';
import { clip } from '../bounded-text';
import { cannotRead, policyFrom, POLICY_OPTIONS, POLICY_USAGE } from '../job-options';
import { formatHuman, summarize, toJsonReport } from '../render-diagnostics';

const USAGE = `Usage: nnspec validate SPEC [--json] [--workspace DIR] [--allow-outside] [--max-params N] [--max-csv-bytes N] [--max-memory-mb N]

Checks a .nnspec file and prints every problem with its place.
  --json            print {file, valid, diagnostics} as JSON (1-based lines and columns)
${POLICY_USAGE}

Exit 0 when valid (warnings allowed), 1 on errors, 2 on usage or I/O errors, 70 on an
internal error. Code frames show at most 200 columns of a line, around the caret.`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a .nnspec file and report every problem',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      ...POLICY_OPTIONS,
    });
    const policy = policyFrom(values, io);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which spec? Give one SPEC file.' : 'give exactly one SPEC file.');
    const file = positionals[0]!;
    const absolute = path.resolve(io.cwd, file);
    const read = await io.readInput(absolute, SPEC_INPUT);
    if (!read.ok) return cannotRead('validate', file, read.error, io);
    const { text, complete } = read.value;
    const probe = io.createProbe(path.dirname(absolute), {
      workspaceRoot: policy.workspaceRoot,
      allowOutside: policy.allowOutside,
      ...(policy.maxCsvBytes !== undefined ? { maxBytes: policy.maxCsvBytes } : {}),
    });
    const { diagnostics, hasErrors } = validateSpec(text, {
      probe,
      ...(complete ? {} : { textIsPrefix: true }),
      ...(policy.maxParameters !== undefined ? { maxParameters: policy.maxParameters } : {}),
      ...(policy.maxMemoryMB !== undefined ? { maxMemoryMB: policy.maxMemoryMB } : {}),
    });
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(toJsonReport(file, text, diagnostics))}\n`);
    } else {
      io.stdout.write(`${formatHuman(file, text, diagnostics)}${clip(file)}: ${summarize(diagnostics)}\n`);
    }
    return hasErrors ? EXIT.failed : EXIT.ok;
  },
};
