import assert from 'node:assert/strict';
import type { Compute } from '../../src/core/nn/compute';
import { NetworkEvaluator, type Batch } from '../../src/core/nn/evaluator';
import { createRng } from '../../src/core/nn/rng';
import { EvaluationPool } from '../../src/parallel/evaluation-pool';
import { openJobCompute } from '../../src/parallel/job-compute';
import { ensureKernels } from '../kernels/ensure-kernels';
import { assertClose, randomCase } from '../kernels/random-case';

/** J, D and the statistics of one evaluation, D starting as NaN so nothing stale passes. */
function evaluate(ev: NetworkEvaluator, theta: Float64Array, batch: Batch): { J: number; D: Float64Array; norms: Float64Array; abs: Float64Array } {
  const D = new Float64Array(theta.length).fill(NaN);
  const J = ev.costAndGradient(theta, batch, D);
  return { J, D, norms: ev.stats.gradientNorm.slice(), abs: ev.stats.meanAbsDelta.slice() };
}

/** Bit for bit: Object.is on every entry (so −0 and 0 differ, NaN equals NaN). */
function assertSameBits(got: Float64Array, want: Float64Array, what: string): void {
  assert.equal(got.length, want.length, what);
  for (let i = 0; i < want.length; i++) assert.ok(Object.is(got[i], want[i]), `${what}: entry ${i} is ${got[i]}, one thread's ${want[i]}`);
}

// m below, at and across MIN_PIECE_ROWS (64) and the 16-piece rule (1024), most not multiples of a piece.
const SIZES = [2, 17, 63, 64, 65, 127, 128, 129, 300, 1000, 1029, 2100];

describe('parallel: the same J and D bits on one thread and on two', () => {
  for (const [name, takeBack] of [['the pool thread always takes part', false], ['jobs may be taken back', true]] as const) {
    it(`'single' and 'always' agree bit for bit, TypeScript and WebAssembly kernels, rows or not, 5 times (${name})`, async () => {
      const pool = new EvaluationPool({ threads: 2, takeBack });
      try {
        assert.equal(pool.threads, 2, 'this test needs two cores');
        const compute: Compute = { wasm: ensureKernels(), sharing: pool };
        const rng = createRng(takeBack ? 1515 : 15);
        for (let trial = 0; trial < 2 * SIZES.length; trial++) {
          const m = SIZES[trial % SIZES.length]!;
          const { arch, theta, batch, rowsBatch } = randomCase(rng, m);
          const chunk = 1 + rng.nextInt(70);
          const kernels = trial % 2 ? 'typescript' : 'wasm';
          const one = new NetworkEvaluator(arch, chunk, { compute, parallel: 'single', kernels });
          const two = new NetworkEvaluator(arch, chunk, { compute, parallel: 'always', kernels });
          const reference = new NetworkEvaluator(arch, chunk, { kernels: 'typescript', parallel: 'single' });
          for (const data of [batch, rowsBatch]) {
            const what = `trial ${trial}: ${arch.sizes.join('-')}, m ${m}, chunk ${chunk}, ${kernels}${data.rows ? ', rows' : ''}`;
            const a = evaluate(one, theta, data);
            for (let repeat = 0; repeat < 5; repeat++) {
              const b = evaluate(two, theta, data);
              if (!takeBack) assert.equal(two.lastThreads, 2, what);
              assert.equal(two.lastKernelPath, one.lastKernelPath, what);
              assert.ok(Object.is(b.J, a.J), `${what}: J ${b.J} on two threads, ${a.J} on one`);
              assertSameBits(b.D, a.D, `${what} (D)`);
              assertSameBits(b.norms, a.norms, `${what} (‖D‖)`);
              assertSameBits(b.abs, a.abs, `${what} (mean |δ|)`);
            }
            // And still the lecture's gradient: the one-pass TypeScript sums, to rounding.
            const r = evaluate(reference, theta, data);
            assert.ok(Math.abs(a.J - r.J) <= 1e-12 * Math.abs(r.J), `${what}: J ${a.J} vs ${r.J}`);
            assertClose(a.D, r.D, 1e-12, what);
          }
        }
      } finally {
        await pool.dispose();
      }
    });
  }

  it("a job's compute (openJobCompute, threads 2, 'auto') gives the bits of threads 1 on a batch worth sharing", async () => {
    const two = openJobCompute({ threads: 2 }), one = openJobCompute({ threads: 1 });
    try {
      assert.equal(two.threads, 2, 'this test needs two cores');
      const rng = createRng(7);
      // 200-60-10 on m = 1500: m · |θ| ≈ 18M, over PARALLEL_MIN_WORK, so 'auto' shares it.
      const arch = { sizes: [200, 60, 10], activations: ['sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda: 1 } as const;
      const P = 60 * 201 + 10 * 61, m = 1500, total = 1600;
      const theta = new Float64Array(P).map(() => rng.next() - 0.5);
      const X = new Float64Array(total * 200).map(() => rng.next()), Y = new Float64Array(total * 10);
      for (let i = 0; i < total; i++) Y[i * 10 + rng.nextInt(10)] = 1;
      const rows = Int32Array.from({ length: m }, () => rng.nextInt(total));
      const a1 = new NetworkEvaluator(arch, 64, { compute: one.compute }), a2 = new NetworkEvaluator(arch, 64, { compute: two.compute });
      for (const data of [{ X, Y, m }, { X, Y, m, rows }] as Batch[]) {
        const a = evaluate(a1, theta, data);
        for (let repeat = 0; repeat < 5; repeat++) {
          const b = evaluate(a2, theta, data);
          assert.ok(Object.is(b.J, a.J), `J ${b.J} vs ${a.J}`);
          assertSameBits(b.D, a.D, data.rows ? 'D, rows' : 'D');
        }
      }
    } finally {
      await Promise.all([one.dispose(), two.dispose()]);
    }
  });
});
