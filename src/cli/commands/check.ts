/** `nnspec check SPEC [--weights FILE] [--json]`: backprop against central differences, per layer. */
import type { GradientCheckReport } from '../../core/nn/gradient-check';
import { runCheckJob } from '../../jobs/check-job';
import { parseCommandArgs } from '../args';
import { EXIT, type Command } from '../command';
import { openForJob, policyFrom, POLICY_OPTIONS, POLICY_USAGE, readWeightsFor, specArgument } from '../job-options';

const USAGE = `Usage: nnspec check SPEC [--weights FILE] [--json]

Compares the backpropagation gradient with central differences (J(θ+ε) − J(θ−ε)) / 2ε on the
first gradientCheck.examples examples, at the spec's initial weights or at FILE's.
  --weights FILE    check at these weights
  --json            print the report as JSON
${POLICY_USAGE}

Exit 0 when every layer passes, 1 when one fails (or the spec is invalid), 2 on usage or I/O
errors, 70 on an internal error.`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'check the backprop gradient against central differences, layer by layer',
  usage: USAGE,
  async run(args, io, compute) {
    const { values, positionals } = parseCommandArgs(args, { weights: { type: 'string' }, json: { type: 'boolean' }, ...POLICY_OPTIONS });
    const file = specArgument(positionals);
    const opened = await openForJob('check', file, policyFrom(values, io), io);
    if (typeof opened === 'number') return opened;
    let theta: Float64Array | undefined;
    if (values.weights !== undefined) {
      const weights = await readWeightsFor('check', values.weights, opened, io);
      if (typeof weights === 'number') return weights;
      theta = weights.theta;
    }
    const report = runCheckJob(opened, { ...(theta ? { theta } : {}), compute });
    io.stdout.write(values.json === true ? `${JSON.stringify({ file, ...report })}\n` : formatCheck(file, report));
    return report.passed ? EXIT.ok : EXIT.failed;
  },
};

/** The per-layer table, one row per Θ^(l), then the verdict. */
export function formatCheck(file: string, report: GradientCheckReport): string {
  const header = ['layer', 'checked', 'relative diff', 'max |diff|', 'worst (i, j)', 'verdict'];
  const rows = report.layers.map((l) => [
    `Θ^(${l.layer})`,
    `${l.checked}/${l.total}`,
    l.relativeDifference.toExponential(2),
    l.maxAbsDifference.toExponential(2),
    l.worst ? `(${l.worst.i}, ${l.worst.j})` : '–',
    l.passed ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  const notes = report.layers.filter((l) => l.note).map((l) => `  Θ^(${l.layer}): ${l.note}`);
  const sampled = report.samplesPerLayer !== undefined ? `, a seeded sample of ${report.samplesPerLayer} parameters per layer` : '';
  const verdict = report.passed
    ? `all ${report.layers.length} layers pass (tolerance ${report.tolerance})`
    : `${report.layers.filter((l) => !l.passed).length} layer(s) FAIL (tolerance ${report.tolerance})`;
  return [
    `${file}: gradient check, ε = ${report.epsilon}, ${report.examples} example(s)${sampled}`,
    line(header),
    ...rows.map(line),
    ...notes,
    verdict,
    '',
  ].join('\n');
}
