import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openSpec } from '../../src/jobs/open-spec';
import { runTrainJob } from '../../src/jobs/train-job';
import { saveWeightsTo } from '../../src/data/weights-file';
import { openJobCompute } from '../../src/parallel/job-compute';
import { runCli } from './built-cli';

const ROOT = path.join(__dirname, '..', '..');

/** The `layers` of a weights file, as text. */
function layersOf(file: string): string {
  return JSON.stringify((JSON.parse(readFileSync(file, 'utf8')) as { layers: unknown }).layers);
}

describe('reliability: nnspec train gives the same Θ bit for bit, run after run, and the in-process one-thread job agrees', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nnspec-repro-cli-'));
    cpSync(path.join(ROOT, 'examples', 'digits.nnspec'), path.join(dir, 'digits.nnspec'));
    cpSync(path.join(ROOT, 'examples', 'data'), path.join(dir, 'data'), { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('digits: three CLI trainings (its default of 2 threads) and one job on 1 thread write identical layers', async () => {
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const end = await runCli(['train', 'digits.nnspec', '--quiet', '--out', `cli-${i}.json`], dir);
      assert.equal(end.code, 0, end.stderr);
      runs.push(layersOf(path.join(dir, `cli-${i}.json`)));
    }
    const opened = openSpec(path.join(dir, 'digits.nnspec'), { workspaceRoot: dir, allowOutside: false });
    assert.ok(opened.ok, opened.ok ? '' : opened.failure.message);
    const job = openJobCompute({ threads: 1 });
    try {
      await runTrainJob(opened.value, { saveWeights: saveWeightsTo(path.join(dir, 'job.json')), compute: job.compute }, {});
    } finally {
      await job.dispose();
    }
    runs.push(layersOf(path.join(dir, 'job.json')));
    for (const [i, layers] of runs.entries()) assert.ok(layers === runs[0], `${i < 3 ? `CLI run ${i}` : 'the 1-thread job'} differs from CLI run 0`);
  });
});
