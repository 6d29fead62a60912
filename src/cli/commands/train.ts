/** `nnspec train SPEC [--out FILE] [--json] [--quiet]`: trains and writes the weights beside the spec. */
import * as path from 'node:path';
import { weightsPathFor } from '../../core/weights/weights-path';
import { runTrainJob } from '../../jobs/train-job';
import { saveWeightsTo } from '../../data/weights-file';
import { parseCommandArgs } from '../args';
import { clip, oneLine } from '../bounded-text';
import { EXIT, type Command } from '../command';
import { costCurve } from '../cost-curve';
import { checkOutput, FORCE_USAGE, openForJob, policyFrom, POLICY_OPTIONS, POLICY_USAGE, specArgument } from '../job-options';
import { specInputs } from '../output-safety';
import { createProgressBar } from '../progress-bar';
import { describeTraining, trainingJson } from '../training-report';

const USAGE = `Usage: nnspec train SPEC [--out FILE] [--force] [--json] [--quiet]

Trains the network of SPEC and writes its weights (default: SPEC's name with .weights.json).
An existing FILE is replaced only when it is an nnspec weights file (or with --force), and
never when it is the spec or its data file. The weights are written even when stdout or
stderr is closed (\`nnspec train SPEC | head -1\`).
  --out FILE        where to write the weights
${FORCE_USAGE}
  --json            print the summary as one JSON object
  --quiet           no progress bar and no cost curve
${POLICY_USAGE}

Exit 0 when training ran, 1 when the spec is invalid or the cost diverged, 2 on usage or I/O
errors (an output refused or not written), 70 on an internal error.`;

export const trainCommand: Command = {
  name: 'train',
  summary: 'train the network with backpropagation and save its weights',
  usage: USAGE,
  async run(args, io, compute) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      force: { type: 'boolean' },
      ...POLICY_OPTIONS,
    });
    const file = specArgument(positionals);
    const opened = await openForJob('train', file, policyFrom(values, io), io);
    if (typeof opened === 'number') return opened;
    const weightsPath = values.out !== undefined ? path.resolve(io.cwd, values.out) : weightsPathFor(opened.specPath);
    const refused = checkOutput('train', values.out ?? (path.relative(io.cwd, weightsPath) || weightsPath), weightsPath, 'weights', specInputs(opened), values.force === true, io);
    if (refused !== undefined) return refused;
    const quiet = values.quiet === true || values.json === true;
    const bar = quiet ? undefined : createProgressBar(io.stderr, opened.spec.train.iterations);
    const result = await runTrainJob(opened, { saveWeights: saveWeightsTo(weightsPath), compute }, { onProgress: (p) => bar?.update(p), progressIntervalMs: 50 });
    bar?.stop();
    const shownWeights = path.relative(io.cwd, weightsPath) || weightsPath;
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(trainingJson(file, opened, result, shownWeights))}\n`);
    } else {
      io.stdout.write(describeTraining(opened, result, shownWeights));
      if (!quiet) io.stdout.write(costCurve(result.summary.costHistory));
    }
    if (result.weights && 'failure' in result.weights) {
      io.stderr.write(`nnspec train: could not write ${clip(shownWeights)}: ${oneLine(result.weights.failure.message)}\n`);
      return EXIT.usage;
    }
    return result.summary.reason === 'not-finite' ? EXIT.failed : EXIT.ok;
  },
};
