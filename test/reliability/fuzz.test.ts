/**
 * The fuzz in `npm test`: each target (fuzz/targets.ts) for a few hundred to a thousand
 * cases in a worker under the hang watchdog (fuzz/run-fuzz.ts). `npm run fuzz`
 * (scripts/fuzz.ts) runs the same for 100,000 cases a target and more.
 */
import assert from 'node:assert/strict';
import { describeReport, fuzzTarget } from './fuzz/run-fuzz';
import { fuzzTargets } from './fuzz/targets';

const CASES: Record<string, number> = {
  'yaml tree': 1000,
  'validator (random text)': 1000,
  'validator (mutated specs)': 1000,
  'csv loader': 1500,
};

describe('reliability: fuzz (no throw, no hang, every position inside the input)', function () {
  this.timeout(120_000);
  for (const target of fuzzTargets().filter((t) => !t.name.startsWith('self-test'))) {
    const numRuns = CASES[target.name] ?? 500;
    it(`${target.name}: ${numRuns} cases`, async () => {
      // A fixed seed keeps CI reproducible; `npm run fuzz` explores new seeds.
      const seed = Number(process.env['NNSPEC_FUZZ_SEED'] ?? 7);
      const report = await fuzzTarget(target.name, { numRuns, seed, hangMs: 10_000, caseBudgetMs: 5_000 });
      assert.ok(!report.failure && !report.hang && !report.crash, `seed ${seed}: ${describeReport(report)}`);
      assert.equal(report.cases, numRuns);
    });
  }

  it('the watchdog catches a hang, ends the worker and reduces the input that hangs', async () => {
    process.env['NNSPEC_FUZZ_SELF_TEST'] = '1';
    try {
      const report = await fuzzTarget('self-test: hangs on "zz"', { numRuns: 10, seed: 1, hangMs: 1000, caseBudgetMs: 500, reduceAttempts: 3 });
      assert.ok(report.hang, describeReport(report));
      assert.match(report.hang.original, /zz/);
      assert.match(report.hang.input, /zz/);
      assert.ok(report.hang.input.length < report.hang.original.length, 'reduced');
    } finally {
      delete process.env['NNSPEC_FUZZ_SELF_TEST'];
    }
  });
});
