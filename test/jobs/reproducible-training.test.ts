import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { openSpec } from '../../src/jobs/open-spec';
import { runTrainJob } from '../../src/jobs/train-job';
import { saveWeightsTo } from '../../src/data/weights-file';
import { openJobCompute } from '../../src/parallel/job-compute';

const ROOT = path.join(__dirname, '..', '..');

/** The `layers` of a weights file as text: what must be the same bytes run after run. */
function weightsLayers(file: string): string {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { layers: unknown };
  return JSON.stringify(parsed.layers);
}

/** Trains the spec through the train job (as the CLI and the editor's worker do) on `threads`; returns its weights' layers. */
async function train(specPath: string, workspaceRoot: string, threads: number, out: string): Promise<string> {
  const opened = openSpec(specPath, { workspaceRoot, allowOutside: false });
  assert.ok(opened.ok, opened.ok ? '' : opened.failure.message);
  const job = openJobCompute({ threads });
  try {
    const result = await runTrainJob(opened.value, { saveWeights: saveWeightsTo(out), compute: job.compute }, {});
    assert.ok(result.weights && 'path' in result.weights, 'the weights are written');
  } finally {
    await job.dispose();
  }
  return weightsLayers(out);
}

/** Three trainings on 1 thread and three on 2: every `layers` must be the first one, byte for byte. */
async function assertReproducible(specPath: string, workspaceRoot: string, dir: string): Promise<void> {
  const runs: string[] = [];
  for (const threads of [1, 2, 1, 2, 1, 2]) runs.push(await train(specPath, workspaceRoot, threads, path.join(dir, `run-${runs.length}.json`)));
  for (const [i, layers] of runs.entries()) assert.ok(layers === runs[0], `run ${i} (threads ${i % 2 ? 2 : 1}) differs from run 0 (threads 1)`);
}

describe('jobs: the same spec and seed train to the same Θ, bit for bit, on 1 thread or 2', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nnspec-repro-'));
    mkdirSync(path.join(dir, 'data'));
    copyFileSync(path.join(ROOT, 'examples', 'data', 'digits.csv'), path.join(dir, 'data', 'digits.csv'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('digits (L-BFGS on the whole batch, 1,438 examples in 16 pieces shared between the threads)', async () => {
    assert.ok(availableParallelism() >= 2, 'this test needs two cores');
    await assertReproducible(path.join(ROOT, 'examples', 'digits.nnspec'), ROOT, dir);
  });

  it('spiral (adam, mini-batches of 32), 150 iterations', async () => {
    const spec = readFileSync(path.join(ROOT, 'examples', 'spiral.nnspec'), 'utf8').replace(/iterations: 1000/, 'iterations: 150');
    assert.match(spec, /iterations: 150/);
    writeFileSync(path.join(dir, 'spiral.nnspec'), spec);
    await assertReproducible(path.join(dir, 'spiral.nnspec'), dir, dir);
  });

  it('digits by adam on mini-batches of 600 (each one shared between the threads, rows chosen by the seed), 30 iterations', async () => {
    const spec = readFileSync(path.join(ROOT, 'examples', 'digits.nnspec'), 'utf8')
      .replace(/optimizer: lbfgs\n {2}iterations: 100/, 'optimizer: adam\n  iterations: 30\n  learningRate: 0.01\n  batchSize: 600');
    assert.match(spec, /batchSize: 600/);
    writeFileSync(path.join(dir, 'digits-adam.nnspec'), spec);
    await assertReproducible(path.join(dir, 'digits-adam.nnspec'), dir, dir);
  });
});
