import assert from 'node:assert/strict';
import { gemmStrided } from '../../src/core/nn/matrix';
import { sigmoid as tsSigmoid } from '../../src/core/nn/activations';
import { costs } from '../../src/core/nn/costs';
import { createRng } from '../../src/core/nn/rng';
import { RESERVED_BYTES, type NnKernelFactory, type NnKernels } from '../../src/core/nn/kernels/wasm-exports';
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

/** How a product reaches C: gemmSet (C = A·B), gemmAdd (C += A·B), gemmBiasSet (C = bias + A·B). */
type Store = 'set' | 'add' | 'bias';
const STORES: readonly Store[] = ['set', 'add', 'bias'];

/** Calls the export for `store` (bias and bs serve gemmBiasSet only). */
function gemm(
  k: NnKernels, store: Store, c: number, ldc: number, a: number, ai: number, ap: number, b: number, bp: number, bq: number,
  M: number, N: number, K: number, bias: number, bs: number,
): void {
  if (store === 'set') k.gemmSet(c, ldc, a, ai, ap, b, bp, bq, M, N, K);
  else if (store === 'add') k.gemmAdd(c, ldc, a, ai, ap, b, bp, bq, M, N, K);
  else k.gemmBiasSet(c, ldc, a, ai, ap, b, bp, bq, M, N, K, bias, bs);
}

describe('WebAssembly kernels (nn-kernels.wasm) against the TypeScript kernels', () => {
  let make: NnKernelFactory;
  before(() => {
    make = ensureKernels();
  });

  it('gemmSet, gemmAdd and gemmBiasSet equal gemmStrided bit for bit in the three shapes backprop uses (odd sizes, 1 row, 1 column)', () => {
    for (let trial = 0; trial < 300; trial++) {
      const k = make(64), mem = arena(k);
      const M = ri(1, 13), N = ri(1, 13), K = ri(1, 17), store = STORES[ri(0, 2)]!;
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
      gemm(k, store, c, ldc, a, ai, ap, b, bp, bq, M, N, K, bi, bs);
      const want = Float64Array.from(C0);
      if (store === 'bias') for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) want[i * ldc + j] = bias[j * bs]!;
      gemmStrided(want, 0, ldc, A, 0, ai, ap, Bm, 0, 1, ldb, M, N, K, store !== 'set');
      const got = mem.f64.subarray(c >> 3, (c >> 3) + M * ldc);
      for (let x = 0; x < M * ldc; x++) assert.equal(got[x], want[x], `trial ${trial} (M ${M}, N ${N}, K ${K}, ${store}) at ${x}`);
    }
  });

  it('gemmSet, gemmAdd and gemmBiasSet equal a plain loop (Σ over p in order, then C or the bias added) where M and N are not multiples of 4, and write nothing else; pack pads with zeros', () => {
    const k = make(64), mem = arena(k);
    const sizes = [1, 2, 3, 5, 6, 7, 9, 10, 11, 14];
    for (let trial = 0; trial < 240; trial++) {
      const M = sizes[trial % sizes.length]!, N = sizes[Math.floor(trial / sizes.length) % sizes.length]!, K = ri(0, 9);
      const store = STORES[trial % 3]!, packed = trial % 2 === 0;
      const ai = K + ri(0, 2), ap = 1, ldb = N + ri(0, 3), ldc = N + ri(0, 2), bs = ri(1, 3);
      const A = rand(Math.max(M * ai, 1)), Bm = rand(Math.max(K * ldb, 1)), bias = rand(N * bs);
      // C with a row of guards after it: padding columns and the guards must come back untouched.
      const C0 = rand((M + 1) * ldc);
      const a = mem.put(A), bi = mem.put(bias), c = mem.put(C0);
      const src = mem.put(Bm);
      let b = src, bp = ldb, bq = 4;
      if (packed) {
        b = mem.take(Math.ceil(N / 4) * 4 * K);
        k.pack(b, src, ldb, 1, K, N);
        bp = 4;
        bq = 4 * K;
        for (let j = 0; j < Math.ceil(N / 4) * 4; j++) {
          for (let p = 0; p < K; p++) {
            const at = (b >> 3) + (j >> 2) * bq + p * bp + (j & 3);
            assert.equal(mem.f64[at], j < N ? Bm[p * ldb + j] : 0, `pack, K ${K}, N ${N}: B(${p}, ${j})`);
          }
        }
      }
      gemm(k, store, c, ldc, a, ai, ap, b, bp, bq, M, N, K, bi, bs);
      const want = Float64Array.from(C0);
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          let s = 0;
          for (let p = 0; p < K; p++) s += A[i * ai + p * ap]! * Bm[p * ldb + j]!;
          const x = i * ldc + j;
          want[x] = store === 'set' ? s : store === 'add' ? want[x]! + s : bias[j * bs]! + s;
        }
      }
      const got = mem.f64.subarray(c >> 3, (c >> 3) + want.length);
      const what = `M ${M}, N ${N}, K ${K}, ldc ${ldc}, ${store}, ${packed ? 'packed' : 'row-major'} B`;
      for (let x = 0; x < want.length; x++) assert.ok(Object.is(got[x], want[x]), `${what}: C[${Math.floor(x / ldc)}, ${x % ldc}] is ${got[x]}, the loop gives ${want[x]}`);
    }
  });

  it('sigmoid equals the TypeScript sigmoid bit for bit (the same exp, step for step), and 1/(1 + e^(−z)) to 1e-15, odd lengths, the extremes and in place included', () => {
    const k = make(64), mem = arena(k);
    for (const n of [1, 2, 3, 5, 8, 1001, 20001]) {
      const z = new Float64Array(n).map((_, i) => (2 * rng.next() - 1) * (i % 3 === 0 ? 900 : 40));
      const extremes = [0, -0, 1e-300, -745, 745, -709.9, 709.9, -708.5, 708.5, 709.78, 709.79, -709.79, -709.781, -709.7827, 800, -800, 36.5, -36.5, NaN, Infinity, -Infinity];
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
      k.sigmoid(zp, zp, n);
      for (let i = 0; i < n; i++) assert.ok(Object.is(mem.f64[(zp >> 3) + i], want[i]), `σ(${z[i]}) in place`);
    }
  });

  it('sigmoidBackprop and columnSums equal the TypeScript loops bit for bit; columnSums’ Σ|δ| to 1e-14', () => {
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
      assert.ok(Math.abs(absFromSums - abs) <= 1e-14 * abs);
    }
  });

  it('sigmoidCrossEntropy gives the TypeScript output layer’s Σ J_i to 1e-13 and the same δ = a − y', () => {
    const k = make(64), mem = arena(k);
    const layer = costs['cross-entropy'](tsSigmoid);
    for (const n of [1, 2, 3, 5, 7, 10, 11, 999]) {
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
