/**
 * `npm run fuzz` (tsx scripts/fuzz.ts): the long fuzz of the YAML tree, the validator and
 * the CSV loader, 100,000 cases a target by default, each target in a worker under a hang
 * watchdog (test/reliability/fuzz/run-fuzz.ts). Prints cases per second, and each failure
 * as a minimal reproducer: fast-check's shrunk input, or a hanging input reduced while it
 * still hangs. Exit 1 on any failure.
 *
 *   tsx scripts/fuzz.ts [--cases N] [--seed S] [--target TEXT] [--hang-ms MS] [--case-budget-ms MS]
 */
import { parseArgs } from 'node:util';
import { describeReport, fuzzTarget, type FuzzReport } from '../test/reliability/fuzz/run-fuzz';
import { fuzzTargets } from '../test/reliability/fuzz/targets';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      seed: { type: 'string' },
      target: { type: 'string' },
      'hang-ms': { type: 'string', default: '10000' },
      'case-budget-ms': { type: 'string', default: '5000' },
    },
  });
  const numRuns = Number(values.cases);
  const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
  const hangMs = Number(values['hang-ms']);
  const caseBudgetMs = Number(values['case-budget-ms']);
  if (![numRuns, seed, hangMs, caseBudgetMs].every((x) => Number.isInteger(x) && x >= 0)) {
    process.stderr.write('fuzz: --cases, --seed, --hang-ms and --case-budget-ms take whole numbers.\n');
    return 2;
  }
  const targets = fuzzTargets().filter((t) => !t.name.startsWith('self-test') && (values.target === undefined || t.name.includes(values.target)));
  process.stdout.write(`fuzz: ${targets.length} targets, ${numRuns} cases each, seed ${seed} (replay with --seed ${seed})\n`);
  const reports: FuzzReport[] = [];
  for (const target of targets) {
    const report = await fuzzTarget(target.name, { numRuns, seed, hangMs, caseBudgetMs });
    reports.push(report);
    process.stdout.write(`${describeReport(report)}\n`);
  }
  const cases = reports.reduce((n, r) => n + r.cases, 0);
  const ms = reports.reduce((n, r) => n + r.ms, 0);
  const failed = reports.filter((r) => r.failure || r.hang || r.crash).length;
  process.stdout.write(`fuzz: ${cases} cases in ${(ms / 1000).toFixed(1)} s (${Math.round((cases / ms) * 1000)} cases/s), ${failed === 0 ? 'no failures' : `${failed} target(s) failed`}\n`);
  return failed === 0 ? 0 : 1;
}

void main().then((code) => {
  process.exitCode = code;
});
