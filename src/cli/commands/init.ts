/** `nnspec init SPEC [--strategy S] [--seed N] --out FILE`: writes initial weights. */
import * as path from 'node:path';
import { findSymmetricUnits } from '../../core/nn/symmetry';
import { INIT_STRATEGIES, type InitStrategyName } from '../../core/spec/schema';
import { initialTheta } from '../../core/train/architecture-of';
import { specHash } from '../../core/weights/spec-hash';
import { writeWeightsFile } from '../../data/weights-file';
import { parseCommandArgs } from '../args';
import { clip, oneLine } from '../bounded-text';
import { EXIT, UsageError, type Command } from '../command';
import { checkOutput, FORCE_USAGE, openForJob, policyFrom, POLICY_OPTIONS, POLICY_USAGE, specArgument } from '../job-options';
import { specInputs } from '../output-safety';

const USAGE = `Usage: nnspec init SPEC [--strategy S] [--seed N] --out FILE [--force]

Writes the initial weights of SPEC (its init section, or these overrides) as a weights file.
An existing FILE is replaced only when it is an nnspec weights file (or with --force), and
never when it is the spec or its data file.
  --strategy S      ${INIT_STRATEGIES.join(' | ')}
  --seed N          a whole number ≥ 0
  --out FILE        where to write the weights
${FORCE_USAGE}
${POLICY_USAGE}

Exit 0 when written, 1 when the spec is invalid, 2 on usage or I/O errors (an output refused
or not written), 70 on an internal error.`;

export const initCommand: Command = {
  name: 'init',
  summary: 'write initial weights (zeros, uniform, xavier, he, debug)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { strategy: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, ...POLICY_OPTIONS });
    const file = specArgument(positionals);
    if (values.out === undefined) throw new UsageError('--out FILE is required.');
    const strategy = values.strategy as InitStrategyName | undefined;
    if (strategy !== undefined && !INIT_STRATEGIES.includes(strategy)) throw new UsageError(`--strategy must be one of ${INIT_STRATEGIES.join(', ')}.`);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) throw new UsageError(`--seed takes a whole number ≥ 0, not '${String(values.seed).slice(0, 40)}'.`);
    const opened = await openForJob('init', file, policyFrom(values, io), io);
    if (typeof opened === 'number') return opened;
    const { theta } = initialTheta(opened.spec, { ...(strategy ? { strategy } : {}), ...(seed !== undefined ? { seed } : {}) });
    const out = path.resolve(io.cwd, values.out);
    const refused = checkOutput('init', values.out, out, 'weights', specInputs(opened), values.force === true, io);
    if (refused !== undefined) return refused;
    const written = await writeWeightsFile(out, {
      specHash: specHash(opened.spec),
      layerSizes: opened.architecture.sizes,
      theta,
      normalization: opened.data.normalization,
      ...(opened.data.classes ? { classes: opened.data.classes } : {}),
    });
    if (!written.ok) {
      io.stderr.write(`nnspec init: could not write ${clip(values.out)}: ${oneLine(written.error.message)}\n`);
      return EXIT.usage;
    }
    io.stdout.write(`${values.out}: ${strategy ?? opened.spec.init.strategy} weights for ${opened.architecture.sizes.join('-')} (${theta.length} parameters)\n`);
    for (const s of findSymmetricUnits(theta, opened.architecture.sizes)) {
      io.stdout.write(`  symmetry: layer ${s.layer} starts with identical units ${s.groups.map((g) => `{${g.join(', ')}}`).join(' ')}; training will not tell them apart\n`);
    }
    return EXIT.ok;
  },
};
