/**
 * `nnspec export SPEC --weights FILE (--onnx OUT.onnx | --pytorch OUT.py)`: the trained
 * network for other runtimes (see docs/export.md).
 */
import * as path from 'node:path';
import { writeFileAtomicSync } from '../../data/atomic-write';
import { ONNX_OPSET } from '../../export/onnx-version';
import { exportContents, weightsAreStale, type ExportTarget } from '../../jobs/export-job';
import { parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { clip, oneLine } from '../bounded-text';
import { checkOutput, FORCE_USAGE, openNetworkForJob, policyFrom, POLICY_OPTIONS, POLICY_USAGE, readWeightsFor, specArgument } from '../job-options';
import { specInputs, type OutputKind, type RunInput } from '../output-safety';

const USAGE = `Usage: nnspec export SPEC --weights FILE [--onnx OUT.onnx [--precision P]] [--pytorch OUT.py] [--force]

Writes the trained network, with the feature scaling saved in the weights file, for another
runtime. Give --onnx, --pytorch or both. An existing OUT is replaced only when nnspec exported
it (an ONNX model whose producer is nnspec, a script of \`nnspec export --pytorch\`) or with
--force, and never when it is the spec, its data file, the weights or the other output.
  --weights FILE    the trained weights
  --onnx OUT        an ONNX model (opset ${ONNX_OPSET}): input x [N, s_1], output y [N, s_L]
  --precision P     the ONNX model's element type: float32 (default, what runtimes expect)
                    or float64 (nnspec's predictions to rounding)
  --pytorch OUT     a standalone PyTorch script (float64, weights embedded) that predicts
                    for rows given as CSV or JSON on stdin
${FORCE_USAGE}
${POLICY_USAGE}

Exit 0 when written, 1 when the spec or the weights are invalid, 2 on usage or I/O errors (an
output refused or not written), 70 on an internal error.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the trained network as ONNX or as a PyTorch script',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { weights: { type: 'string' }, onnx: { type: 'string' }, pytorch: { type: 'string' }, precision: { type: 'string' }, force: { type: 'boolean' }, ...POLICY_OPTIONS });
    const file = specArgument(positionals);
    if (values.weights === undefined) throw new UsageError('--weights FILE is required.');
    if (values.onnx === undefined && values.pytorch === undefined) throw new UsageError('give --onnx OUT.onnx, --pytorch OUT.py or both.');
    const precision = values.precision ?? 'float32';
    if (precision !== 'float32' && precision !== 'float64') throw new UsageError(`--precision takes float32 or float64, not '${precision.slice(0, 40)}'.`);
    if (values.precision !== undefined && values.onnx === undefined) throw new UsageError('--precision applies to --onnx only.');
    const opened = await openNetworkForJob('export', file, policyFrom(values, io), io);
    if (typeof opened === 'number') return opened;
    const targets: [string, OutputKind][] = [];
    if (values.onnx !== undefined) targets.push([values.onnx, 'onnx']);
    if (values.pytorch !== undefined) targets.push([values.pytorch, 'pytorch']);
    const inputs: RunInput[] = [...specInputs(opened), { path: path.resolve(io.cwd, values.weights), what: 'the weights file' }];
    for (const [k, [out, kind]] of targets.entries()) {
      const others = targets.filter((_, j) => j !== k).map(([o]) => ({ path: path.resolve(io.cwd, o), what: 'the other output' }));
      const refused = checkOutput('export', out, path.resolve(io.cwd, out), kind, [...inputs, ...others], values.force === true, io);
      if (refused !== undefined) return refused;
    }
    const weights = await readWeightsFor('export', values.weights, opened, io);
    if (typeof weights === 'number') return weights;
    if (weightsAreStale(opened, weights)) {
      io.stderr.write(`nnspec export: warning: ${clip(values.weights)} was trained on another version of ${clip(file)} (its layers or data changed since).\n`);
    }
    const outputs: [string, ExportTarget][] = [];
    if (values.onnx !== undefined) outputs.push([values.onnx, { kind: 'onnx', precision, fileName: path.basename(values.onnx) }]);
    if (values.pytorch !== undefined) outputs.push([values.pytorch, { kind: 'pytorch', fileName: path.basename(values.pytorch) }]);
    for (const [out, target] of outputs) {
      const written = writeFileAtomicSync(path.resolve(io.cwd, out), exportContents(opened, weights, target));
      if (!written.ok) {
        io.stderr.write(`nnspec export: ${oneLine(written.error.message)}\n`);
        return EXIT.usage;
      }
      io.stdout.write(`wrote ${out}\n`);
    }
    return EXIT.ok;
  },
};
