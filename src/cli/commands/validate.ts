/** `nnspec validate SPEC [--json]`: exit 0 when valid (warnings allowed), 1 on errors, 2 on usage or I/O errors. */
import * as path from 'node:path';
import { validateSpec } from '../../core/spec/validate';
import { parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { clip, oneLine } from '../bounded-text';
import { ioReason } from '../io';
import { policyFrom, POLICY_OPTIONS, POLICY_USAGE } from '../job-options';
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
    let text: string;
    try {
      text = await io.readFile(absolute);
    } catch (error) {
      io.stderr.write(`nnspec validate: cannot read ${clip(file)}: ${oneLine(ioReason(error))}\n`);
      return EXIT.usage;
    }
    const probe = io.createProbe(path.dirname(absolute), {
      workspaceRoot: policy.workspaceRoot,
      allowOutside: policy.allowOutside,
      ...(policy.maxCsvBytes !== undefined ? { maxBytes: policy.maxCsvBytes } : {}),
    });
    const { diagnostics, hasErrors } = validateSpec(text, {
      probe,
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
