import assert from 'node:assert/strict';
import { NetworkEvaluator } from '../../src/core/nn/evaluator';
import { parameterCount, type Architecture } from '../../src/core/nn/network';
import { createRng } from '../../src/core/nn/rng';
import type { Compute } from '../../src/core/nn/compute';
import { wasmCompute } from './ensure-kernels';
import { assertClose, randomCase } from './random-case';

describe('NetworkEvaluator on the WebAssembly kernels against the TypeScript path', () => {
  let compute: Compute = {};
  before(() => {
    compute = wasmCompute();
  });

  it('computes the same J, D and statistics for random shapes (odd sizes, m = 1, any chunk, row selections) to 1e-12', () => {
    const rng = createRng(61);
    for (let trial = 0; trial < 120; trial++) {
      const m = [1, 2, 3, 5, 17, 64, 65, 131][trial % 8]!;
      const { arch, theta, batch, rowsBatch } = randomCase(rng, m);
      const chunk = 1 + rng.nextInt(70);
      const ts = new NetworkEvaluator(arch, chunk, { compute, kernels: 'typescript', parallel: 'single' });
      const wasm = new NetworkEvaluator(arch, chunk, { compute, kernels: 'wasm', parallel: 'single' });
      for (const data of [batch, rowsBatch]) {
        const g1 = new Float64Array(theta.length), g2 = new Float64Array(theta.length).fill(NaN);
        const J1 = ts.costAndGradient(theta, data, g1);
        const J2 = wasm.costAndGradient(theta, data, g2);
        assert.equal(wasm.lastKernelPath, 'wasm-simd');
        const what = `trial ${trial}: ${arch.sizes.join('-')} ${arch.activations.join(',')} ${arch.cost}, m ${m}, chunk ${chunk}${data.rows ? ', rows' : ''}`;
        assert.ok(Math.abs(J1 - J2) <= 1e-12 * Math.abs(J1), `${what}: J ${J2} vs ${J1}`);
        assertClose(g2, g1, 1e-12, what);
        assertClose(wasm.stats.meanAbsDelta, ts.stats.meanAbsDelta, 1e-12, `${what} (mean |δ|)`);
        assertClose(wasm.stats.gradientNorm, ts.stats.gradientNorm, 1e-12, `${what} (‖D‖)`);
      }
    }
  });

  it('is bit for bit the TypeScript path where the order of operations is the same (no log in WebAssembly, the same sigmoid, blocked products)', () => {
    const rng = createRng(7);
    for (const [trial, sizes] of [[5, 8, 6], [9, 13, 7, 4], [6, 4, 5], [7, 9, 6, 5]].entries()) {
      const L = sizes.length;
      // tanh runs Math.tanh on both paths; sigmoid runs the same exp, step for step, on both.
      const hidden = trial % 2 === 0 ? ('tanh' as const) : ('sigmoid' as const);
      const arch: Architecture = { sizes, activations: [...Array.from({ length: L - 2 }, () => hidden), 'linear'], cost: 'squared-error', lambda: 0.7 };
      const theta = new Float64Array(parameterCount(sizes)).map(() => rng.next() - 0.5);
      const m = 128, X = new Float64Array(m * sizes[0]!).map(() => rng.next()), Y = new Float64Array(m * sizes[L - 1]!).map(() => rng.next());
      const g1 = new Float64Array(theta.length), g2 = new Float64Array(theta.length);
      const J1 = new NetworkEvaluator(arch, 64, { compute, kernels: 'typescript' }).costAndGradient(theta, { X, Y, m }, g1);
      const J2 = new NetworkEvaluator(arch, 64, { compute, kernels: 'wasm' }).costAndGradient(theta, { X, Y, m }, g2);
      assert.equal(J2, J1);
      assert.deepEqual(Array.from(g2), Array.from(g1));
    }
  });

  it("'auto' keeps tiny problems (W1) on the TypeScript kernels and takes WebAssembly for larger ones", () => {
    const arch: Architecture = { sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda: 1 };
    const ev = new NetworkEvaluator(arch, 4, { compute });
    assert.equal(ev.kernelsFor(4).path, 'typescript');
    assert.equal(ev.kernelsFor(1000).path, 'wasm-simd');
    assert.equal(new NetworkEvaluator(arch, 4, { compute, kernels: 'typescript' }).kernelsFor(1000).path, 'typescript');
    // Without WebAssembly in the Compute, every batch runs on the TypeScript kernels.
    assert.equal(new NetworkEvaluator(arch, 4, { kernels: 'wasm' }).kernelsFor(1000).path, 'typescript');
  });
});
