import assert from 'node:assert/strict';
import { gemmStrided } from '../../src/core/nn/matrix';
import { sigmoid as tsSigmoid } from '../../src/core/nn/activations';
import { costs } from '../../src/core/nn/costs';
import { createRng } from '../../src/core/nn/rng';
import { RESERVED_BYTES, type NnKernels } from '../../src/core/nn/kernels/wasm-kernels';
import { disableWasmKernels } from '../../src/kernels/wasm-loader';
import { ensureKernels } from './ensure-kernels';

/** An instance with a bump allocator over its memory (byte offsets, 16-aligned, 32 bytes of room after each block). */
function arena(k: NnKernels): { f64: Float64Array; put: (x: Float64Array) => number; take: (n: number) => number } {
  let top = RESERVED_BYTES;
  const f64 = new Float64Array(k.memory.buffer);
  const take = (n: number): number => {
    const at = top;
    top += Math.ceil((n * 8) / 16) * 16 + 32;
    return at;
  };
  return { f64, take, put: (x) => { const at = take(x.length); f64.set(x, at >> 3); return at; } };
}

const rng = createRng(6);
const rand = (n: number): Float64Array => new Float64Array(n).map(() => 2 * rng.next() - 1);
const ri = (lo: number, hi: number): number => lo + rng.nextInt(hi - lo + 1);

describe('WebAssembly kernels (nn-kernels.wasm) against the TypeScript kernels', () => {
  let make: (pages: number) => NnKernels;
  before(() => {
    make = ensureKernels();
  });
  after(() => disableWasmKernels());

  it('gemm equals gemmStrided bit for bit in the three shapes backprop uses (odd sizes, 1 row, 1 column, every mode)', () => {
    for (let trial = 0; trial < 300; trial++) {
      const k = make(64), mem = arena(k);
      const M = ri(1, 13), N = ri(1, 13), K = ri(1, 17), mode = ri(0, 2);
      const use = trial % 3;
      // A and B as the evaluator lays them out: forward (A rows × Wᵀ panels), gradient (Aᵀ by
      // stride, B row-major) and backprop (B = Θ without its bias column).
      const ai = use === 1 ? 1 : K + ri(0, 2), ap = use === 1 ? M + ri(0, 2) : 1;
      const A = rand(Math.max(ai * (M - 1) + ap * (K - 1) + 1, 1));
      const ldb = N + ri(0, 3);
      const Bm = rand(K * ldb);
      const bias = rand(N * 3), bs = ri(1, 3);
      const ldc = N + ri(0, 2);
      const C0 = rand(M * ldc);
      const a = mem.put(A), c = mem.put(C0), bi = mem.put(bias);
      let b: number, bp: number, bq: number;
      if (use === 0) {
        const src = mem.put(Bm);
        b = mem.take(Math.ceil(N / 4) * 4 * K);
        k.pack(b, src, ldb, 1, K, N);
        bp = 4;
        bq = 4 * K;
      } else {
        b = mem.put(Bm);
        bp = ldb;
        bq = 4;
      }
      k.gemm(c, ldc, a, ai, ap, b, bp, bq, M, N, K, mode, bi, bs);
      const want = Float64Array.from(C0);
      if (mode === 2) for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) want[i * ldc + j] = bias[j * bs]!;
      gemmStrided(want, 0, ldc, A, 0, ai, ap, Bm, 0, 1, ldb, M, N, K, mode !== 0);
      const got = mem.f64.subarray(c >> 3, (c >> 3) + M * ldc);
      for (let x = 0; x < M * ldc; x++) assert.equal(got[x], want[x], `trial ${trial} (M ${M}, N ${N}, K ${K}, mode ${mode}) at ${x}`);
    }
  });

  it('sigmoid equals the TypeScript sigmoid bit for bit (the same exp, step for step), and 1/(1 + e^(−z)) to 1e-15, odd lengths and the extremes included', () => {
    const k = make(64), mem = arena(k);
    for (const n of [1, 2, 3, 5, 8, 1001, 20001]) {
      const z = new Float64Array(n).map((_, i) => (2 * rng.next() - 1) * (i % 3 === 0 ? 900 : 40));
      const extremes = [0, -0, 1e-300, -745, 745, -709.9, 709.9, -708.5, 708.5, 709.78, 709.79, -709.79, 800, -800, 36.5, -36.5, NaN, Infinity, -Infinity];
      for (let i = 0; i < Math.min(n, extremes.length); i++) if (n > 5) z[i] = extremes[i]!;
      const zp = mem.put(z), ap = mem.take(n);
      k.sigmoid(ap, zp, n);
      const want = new Float64Array(n);
      tsSigmoid.forward(want, z, 0, n, n);
      for (let i = 0; i < n; i++) {
        const got = mem.f64[(ap >> 3) + i]!;
        assert.ok(Object.is(got, want[i]), `σ(${z[i]}) = ${got} in WebAssembly, ${want[i]} in TypeScript`);
        const exact = 1 / (1 + Math.exp(-z[i]!));
        if (Number.isNaN(exact)) assert.ok(Number.isNaN(got));
        else assert.ok(Math.abs(got - exact) <= 1e-15 * Math.abs(exact) || Math.abs(got - exact) < 1e-300, `σ(${z[i]}) = ${got}, Math.exp gives ${exact}`);
      }
    }
  });

  it('sigmoidBackprop and columnSums equal the TypeScript loops bit for bit; the |δ| sums to 1e-14', () => {
    const k = make(64), mem = arena(k);
    for (const [m, n] of [[1, 1], [3, 5], [7, 2], [64, 25], [5, 1]] as const) {
      const g = rand(m * n), a = rand(m * n).map((x) => (x + 1) / 2);
      const gp = mem.put(g), ap = mem.put(a), op = mem.take(m * n);
      k.sigmoidBackprop(op, gp, ap, m * n);
      const want = new Float64Array(m * n);
      tsSigmoid.backprop(want, g, new Float64Array(m * n), a, 0, m * n, n);
      assert.deepEqual(Array.from(mem.f64.subarray(op >> 3, (op >> 3) + m * n)), Array.from(want));
      const ld = n + 1, G = rand(n * ld), gg = mem.put(G);
      const absFromSums = k.columnSums(gg, ld, gp, n, m, n);
      for (let r = 0; r < n; r++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += g[i * n + r]!;
        assert.equal(mem.f64[(gg >> 3) + r * ld], G[r * ld]! + s);
      }
      const abs = g.reduce((s, x) => s + Math.abs(x), 0);
      assert.ok(Math.abs(k.absSum(gp, m * n) - abs) <= 1e-14 * abs);
      assert.ok(Math.abs(absFromSums - abs) <= 1e-14 * abs);
    }
  });

  it('sigmoidCrossEntropy gives the TypeScript output layer’s Σ J_i to 1e-13 and the same δ = a − y', () => {
    const k = make(64), mem = arena(k);
    const layer = costs['cross-entropy'](tsSigmoid);
    for (const n of [1, 2, 3, 10, 999]) {
      const z = new Float64Array(n).map(() => (2 * rng.next() - 1) * 30);
      const a = new Float64Array(n);
      tsSigmoid.forward(a, z, 0, n, n);
      const y = new Float64Array(n).map(() => (rng.next() < 0.5 ? 0 : 1));
      const want = new Float64Array(n);
      const J = layer.costAndDelta(want, z, a, 0, y, 0, n, 1);
      const zp = mem.put(z), ap = mem.put(a), yp = mem.put(y), dp = mem.take(n);
      const got = k.sigmoidCrossEntropy(dp, zp, ap, yp, n);
      assert.ok(Math.abs(got - J) <= 1e-13 * Math.abs(J), `n ${n}: ${got} vs ${J}`);
      assert.deepEqual(Array.from(mem.f64.subarray(dp >> 3, (dp >> 3) + n)), Array.from(want));
    }
  });
});
