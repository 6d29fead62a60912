import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Compute } from '../../src/core/nn/compute';
import { NetworkEvaluator } from '../../src/core/nn/evaluator';
import { createRng } from '../../src/core/nn/rng';
import { EvaluationPool } from '../../src/parallel/evaluation-pool';
import { ensureKernels } from '../kernels/ensure-kernels';
import { assertClose, randomCase } from '../kernels/random-case';

/** J and D of one evaluation. */
function evaluate(ev: NetworkEvaluator, theta: Float64Array, batch: Parameters<NetworkEvaluator['costAndGradient']>[1]): { J: number; D: Float64Array } {
  const D = new Float64Array(theta.length).fill(NaN);
  return { J: ev.costAndGradient(theta, batch, D), D };
}

describe('parallel/evaluation-pool: the batch shared between two threads', () => {
  it('sums to the one-thread J, D and statistics to 1e-12 for random shapes, m = 2 … 131, row selections included', async () => {
    // takeBack: false, so the pool thread's part is always computed there, never taken back.
    const pool = new EvaluationPool({ threads: 2, takeBack: false });
    try {
      assert.equal(pool.threads, 2, 'this test needs two cores');
      const compute: Compute = { wasm: ensureKernels(), sharing: pool };
      const rng = createRng(62);
      for (let trial = 0; trial < 40; trial++) {
        const m = [2, 3, 5, 17, 64, 131][trial % 6]!;
        const { arch, theta, batch, rowsBatch } = randomCase(rng, m);
        const chunk = 1 + rng.nextInt(40);
        const kernels = trial % 2 ? 'typescript' : 'wasm';
        const one = new NetworkEvaluator(arch, chunk, { compute, parallel: 'single', kernels });
        const two = new NetworkEvaluator(arch, chunk, { compute, parallel: 'always', kernels });
        for (const data of [batch, rowsBatch, batch]) {
          const a = evaluate(one, theta, data), b = evaluate(two, theta, data);
          assert.equal(two.lastThreads, 2);
          assert.equal(two.lastKernelPath, kernels === 'wasm' ? 'wasm-simd' : 'typescript');
          const what = `trial ${trial}: ${arch.sizes.join('-')}, m ${m}${data.rows ? ', rows' : ''}`;
          assert.ok(Math.abs(a.J - b.J) <= 1e-12 * Math.abs(a.J), `${what}: J ${b.J} vs ${a.J}`);
          assertClose(b.D, a.D, 1e-12, what);
          assertClose(two.stats.meanAbsDelta, one.stats.meanAbsDelta, 1e-12, `${what} (mean |δ|)`);
          assertClose(two.stats.gradientNorm, one.stats.gradientNorm, 1e-12, `${what} (‖D‖)`);
        }
      }
    } finally {
      await pool.dispose();
    }
  });

  it("keeps small batches on one thread ('auto' below PARALLEL_MIN_WORK), and a pool of 1 thread shares nothing", async () => {
    const { arch, theta, batch } = randomCase(createRng(3), 17);
    const pool = new EvaluationPool({ threads: 2, takeBack: false });
    const single = new EvaluationPool({ threads: 1 });
    try {
      const auto = new NetworkEvaluator(arch, 64, { compute: { sharing: pool } });
      evaluate(auto, theta, batch);
      assert.equal(auto.lastThreads, 1);
      assert.equal(single.sharingFor(arch, 64, theta.length), undefined);
      const alone = new NetworkEvaluator(arch, 64, { compute: { sharing: single }, parallel: 'always' });
      evaluate(alone, theta, batch);
      assert.equal(alone.lastThreads, 1);
    } finally {
      await Promise.all([pool.dispose(), single.dispose()]);
    }
  });

  it('evaluates alone, at once and with the same numbers, once the job has disposed of its pool', async () => {
    const { arch, theta, batch } = randomCase(createRng(4), 64);
    // takeBack: false would wait for the pool thread's part: after dispose there is none to wait for.
    const pool = new EvaluationPool({ threads: 2, takeBack: false });
    const held = new NetworkEvaluator(arch, 16, { compute: { sharing: pool }, parallel: 'always' });
    const before = evaluate(held, theta, batch);
    assert.equal(held.lastThreads, 2);
    await pool.dispose();
    assert.equal(pool.sharingFor(arch, 16, theta.length), undefined);
    const after = evaluate(held, theta, batch);
    assert.equal(held.lastThreads, 1);
    const reference = evaluate(new NetworkEvaluator(arch, 16, { parallel: 'single' }), theta, batch);
    assert.equal(after.J, reference.J);
    assert.deepEqual(Array.from(after.D), Array.from(reference.D));
    assert.ok(Math.abs(before.J - reference.J) <= 1e-12 * Math.abs(reference.J));
  });

  it('takes back the part of a pool thread that has not started, and gets the one-thread sums', async () => {
    // A pool thread that never starts a job: the caller does every piece, then takes the job back.
    const pool = new EvaluationPool({ threads: 2, workerFile: path.join(__dirname, 'idle-pool-thread.ts') });
    try {
      const rng = createRng(63);
      for (let trial = 0; trial < 10; trial++) {
        const { arch, theta, batch, rowsBatch } = randomCase(rng, 131);
        const one = new NetworkEvaluator(arch, 16, { parallel: 'single' });
        const two = new NetworkEvaluator(arch, 16, { compute: { sharing: pool }, parallel: 'always' });
        for (const data of [batch, rowsBatch]) {
          const a = evaluate(one, theta, data), b = evaluate(two, theta, data);
          assert.equal(two.lastThreads, 1, `trial ${trial}: the job was not taken back`);
          // The caller did the same pieces in order, so the sums are those of one thread, bit for bit.
          assert.equal(b.J, a.J);
          assert.deepEqual(Array.from(b.D), Array.from(a.D));
        }
      }
    } finally {
      await pool.dispose();
    }
  });
});
