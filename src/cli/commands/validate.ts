/** `nnspec validate SPEC [--json]`: exit 0 when valid (warnings allowed), 1 on errors, 2 on usage or I/O errors. */
import * as path from 'node:path';
import { validateSpec } from '../../core/spec/validate';
import { parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { ioReason } from '../io';
import { formatHuman, summarize, toJsonReport } from '../render-diagnostics';

const USAGE = `Usage: nnspec validate SPEC [--json] [--workspace DIR] [--allow-outside]

Checks a .nnspec file and prints every problem with its place.
  --json            print {file, valid, diagnostics} as JSON (1-based lines and columns)
  --workspace DIR   the folder CSV files must lie in (default: the current directory)
  --allow-outside   allow CSV files outside the workspace folder`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a .nnspec file and report every problem',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      workspace: { type: 'string' },
      'allow-outside': { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which spec? Give one SPEC file.' : 'give exactly one SPEC file.');
    const file = positionals[0]!;
    const absolute = path.resolve(io.cwd, file);
    let text: string;
    try {
      text = await io.readFile(absolute);
    } catch (error) {
      io.stderr.write(`nnspec validate: cannot read ${file}: ${ioReason(error)}\n`);
      return EXIT.usage;
    }
    const probe = io.createProbe(path.dirname(absolute), {
      workspaceRoot: path.resolve(io.cwd, values.workspace ?? '.'),
      allowOutside: values['allow-outside'] === true,
    });
    const { diagnostics, hasErrors } = validateSpec(text, { probe });
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(toJsonReport(file, text, diagnostics))}\n`);
    } else {
      io.stdout.write(`${formatHuman(file, text, diagnostics)}${file}: ${summarize(diagnostics)}\n`);
    }
    return hasErrors ? EXIT.failed : EXIT.ok;
  },
};
