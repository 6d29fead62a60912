/**
 * `nnspec export SPEC --weights FILE (--onnx OUT.onnx | --pytorch OUT.py)`: the trained
 * network for other runtimes (see docs/export.md).
 */
import * as path from 'node:path';
import { specHash } from '../../core/weights/spec-hash';
import { writeFileAtomicSync } from '../../data/atomic-write';
import { exportedNetwork } from '../../export/exported-network';
import { encodeOnnx } from '../../export/onnx-model';
import { ONNX_OPSET } from '../../export/onnx-version';
import { pytorchScript } from '../../export/pytorch-script';
import { parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { openNetworkForJob, policyFrom, POLICY_OPTIONS, POLICY_USAGE, readWeightsFor, specArgument } from '../job-options';

const USAGE = `Usage: nnspec export SPEC --weights FILE [--onnx OUT.onnx [--precision P]] [--pytorch OUT.py]

Writes the trained network, with the feature scaling saved in the weights file, for another
runtime. Give --onnx, --pytorch or both.
  --weights FILE    the trained weights
  --onnx OUT        an ONNX model (opset ${ONNX_OPSET}): input x [N, s_1], output y [N, s_L]
  --precision P     the ONNX model's element type: float32 (default, what runtimes expect)
                    or float64 (nnspec's predictions to rounding)
  --pytorch OUT     a standalone PyTorch script (float64, weights embedded) that predicts
                    for rows given as CSV or JSON on stdin
${POLICY_USAGE}`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the trained network as ONNX or as a PyTorch script',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { weights: { type: 'string' }, onnx: { type: 'string' }, pytorch: { type: 'string' }, precision: { type: 'string' }, ...POLICY_OPTIONS });
    const file = specArgument(positionals);
    if (values.weights === undefined) throw new UsageError('--weights FILE is required.');
    if (values.onnx === undefined && values.pytorch === undefined) throw new UsageError('give --onnx OUT.onnx, --pytorch OUT.py or both.');
    const precision = values.precision ?? 'float32';
    if (precision !== 'float32' && precision !== 'float64') throw new UsageError(`--precision takes float32 or float64, not '${precision}'.`);
    if (values.precision !== undefined && values.onnx === undefined) throw new UsageError('--precision applies to --onnx only.');
    const opened = await openNetworkForJob('export', file, policyFrom(values, io), io);
    if (typeof opened === 'number') return opened;
    const weights = await readWeightsFor('export', values.weights, opened, io);
    if (typeof weights === 'number') return weights;
    if (weights.file.specHash !== specHash(opened.spec)) {
      io.stderr.write(`nnspec export: warning: ${values.weights} was trained on another version of ${file} (its layers or data changed since).\n`);
    }
    const network = exportedNetwork(opened.architecture, weights.theta, weights.file, opened.spec);
    const outputs: [string, string | Uint8Array][] = [];
    if (values.onnx !== undefined) outputs.push([values.onnx, encodeOnnx(network, precision)]);
    if (values.pytorch !== undefined) outputs.push([values.pytorch, pytorchScript(network, path.basename(values.pytorch))]);
    for (const [out, contents] of outputs) {
      const written = writeFileAtomicSync(path.resolve(io.cwd, out), contents);
      if (!written.ok) {
        io.stderr.write(`nnspec export: ${written.error.message}\n`);
        return EXIT.usage;
      }
      io.stdout.write(`wrote ${out}\n`);
    }
    return EXIT.ok;
  },
};
