/** `nnspec cost SPEC [--weights FILE] --json`: J and its gradient at given weights, over the training set. */
import { NetworkEvaluator } from '../../core/nn/evaluator';
import { initialTheta } from '../../core/train/architecture-of';
import { parseCommandArgs } from '../args';
import { EXIT, type Command } from '../command';
import { openForJob, policyFrom, POLICY_OPTIONS, POLICY_USAGE, readWeightsFor, specArgument } from '../job-options';

const USAGE = `Usage: nnspec cost SPEC [--weights FILE] [--json]

J(Θ) and its gradient D over the whole training set, at FILE's weights or the spec's initial
ones. The gradient is unrolled as the weights are: Θ^(1) first, each row-major, bias in column 0.
  --weights FILE    evaluate at these weights
  --json            print {"cost": J, "gradient": [...]}
${POLICY_USAGE}`;

export const costCommand: Command = {
  name: 'cost',
  summary: 'print J and its gradient at given weights',
  usage: USAGE,
  async run(args, io, compute) {
    const { values, positionals } = parseCommandArgs(args, { weights: { type: 'string' }, json: { type: 'boolean' }, ...POLICY_OPTIONS });
    const file = specArgument(positionals);
    const opened = await openForJob('cost', file, policyFrom(values, io), io);
    if (typeof opened === 'number') return opened;
    let theta = initialTheta(opened.spec).theta;
    if (values.weights !== undefined) {
      const weights = await readWeightsFor('cost', values.weights, opened, io);
      if (typeof weights === 'number') return weights;
      theta = weights.theta;
    }
    const evaluator = new NetworkEvaluator(opened.architecture, opened.data.train.m, { compute });
    const gradient = new Float64Array(theta.length);
    const cost = evaluator.costAndGradient(theta, opened.data.train, gradient);
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify({ cost, gradient: Array.from(gradient) })}\n`);
    } else {
      io.stdout.write(`J = ${cost} over m = ${opened.data.train.m} examples\n`);
      evaluator.stats.gradientNorm.forEach((norm, l) => io.stdout.write(`  ‖D^(${l + 1})‖ = ${norm.toExponential(4)}\n`));
    }
    return EXIT.ok;
  },
};
