import assert from 'node:assert/strict';
import { NetworkEvaluator } from '../../src/core/nn/evaluator';
import { createRng } from '../../src/core/nn/rng';
import { disableWasmKernels } from '../../src/kernels/wasm-loader';
import { disableParallelEvaluation, enableParallelEvaluation } from '../../src/parallel/pool';
import { ensureKernels } from '../kernels/ensure-kernels';
import { assertClose, randomCase } from '../kernels/random-case';

describe('data-parallel evaluation (src/parallel): the batch split across two threads', () => {
  before(() => {
    ensureKernels();
    assert.equal(enableParallelEvaluation(2, { takeBack: false }), 2);
  });
  after(async () => {
    await disableParallelEvaluation();
    disableWasmKernels();
  });

  it('sums to the one-thread J, D and statistics to 1e-12 for random shapes, m = 2 … 131, row selections included', () => {
    const rng = createRng(62);
    for (let trial = 0; trial < 40; trial++) {
      const m = [2, 3, 5, 17, 64, 131][trial % 6]!;
      const { arch, theta, batch, rowsBatch } = randomCase(rng, m);
      const chunk = 1 + rng.nextInt(40);
      const one = new NetworkEvaluator(arch, chunk, { parallel: 'single', kernels: trial % 2 ? 'typescript' : 'wasm' });
      const two = new NetworkEvaluator(arch, chunk, { parallel: 'always', kernels: trial % 2 ? 'typescript' : 'wasm' });
      for (const data of [batch, rowsBatch, batch]) {
        const g1 = new Float64Array(theta.length), g2 = new Float64Array(theta.length).fill(NaN);
        const J1 = one.costAndGradient(theta, data, g1);
        const J2 = two.costAndGradient(theta, data, g2);
        assert.equal(two.lastThreads, 2);
        const what = `trial ${trial}: ${arch.sizes.join('-')}, m ${m}${data.rows ? ', rows' : ''}`;
        assert.ok(Math.abs(J1 - J2) <= 1e-12 * Math.abs(J1), `${what}: J ${J2} vs ${J1}`);
        assertClose(g2, g1, 1e-12, what);
        assertClose(two.stats.meanAbsDelta, one.stats.meanAbsDelta, 1e-12, `${what} (mean |δ|)`);
      }
    }
  });

  it('stays on one thread for small batches, and after the pool is turned off', async () => {
    const { arch, theta, batch } = randomCase(createRng(3), 17);
    const ev = new NetworkEvaluator(arch, 64);
    ev.costAndGradient(theta, batch, new Float64Array(theta.length));
    assert.equal(ev.lastThreads, 1);
    await disableParallelEvaluation();
    const forced = new NetworkEvaluator(arch, 64, { parallel: 'always' });
    forced.costAndGradient(theta, batch, new Float64Array(theta.length));
    assert.equal(forced.lastThreads, 1);
    enableParallelEvaluation(2, { takeBack: false });
  });

  it('gives the same sums when the caller takes back a part the pool thread has not started', () => {
    enableParallelEvaluation(2);
    const rng = createRng(63);
    for (let trial = 0; trial < 20; trial++) {
      const { arch, theta, batch, rowsBatch } = randomCase(rng, 64);
      const one = new NetworkEvaluator(arch, 16, { parallel: 'single' });
      const two = new NetworkEvaluator(arch, 16, { parallel: 'always' });
      for (const data of [batch, rowsBatch]) {
        const g1 = new Float64Array(theta.length), g2 = new Float64Array(theta.length);
        const J1 = one.costAndGradient(theta, data, g1), J2 = two.costAndGradient(theta, data, g2);
        assert.ok(two.lastThreads === 1 || two.lastThreads === 2);
        assert.ok(Math.abs(J1 - J2) <= 1e-12 * Math.abs(J1));
        assertClose(g2, g1, 1e-12, `trial ${trial}`);
      }
    }
    enableParallelEvaluation(2, { takeBack: false });
  });
});
