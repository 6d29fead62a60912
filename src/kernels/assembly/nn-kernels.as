// AssemblyScript (hence .as: neither tsc nor ESLint reads it), compiled to WebAssembly by
// scripts/build-kernels.mjs into dist/nn-kernels.wasm.
/**
 * The evaluator's WebAssembly kernels (128-bit SIMD, float64): the matrix products of forward
 * and back propagation, and the sigmoid and cross-entropy passes with vectorised exp and log.
 * Pointers are byte offsets into the imported memory, strides and counts are in doubles. No
 * kernel allocates; the caller (src/core/nn/kernels/wasm-evaluator.ts) lays out the memory.
 *
 * Order of operations: every product sums its K terms one after another for each entry
 * (p = 0, 1, …), and adds the bias or the old value of C last, as the TypeScript kernels of
 * matrix.ts do, so the products agree with them bit for bit; exp and log are polynomials
 * accurate to about 1 ulp, so the passes that use them agree to ~1e-15 relative.
 */

/**
 * C[i, j] (mode 0: =, 1: +=, 2: = bias[j·bs] +) Σ_{p<K} A[i·ai + p·ap] · B(p, j), i < M, j < N,
 * where B(p, j) = b[(j >> 2)·bq + p·bp + (j & 3)]: B in column panels of 4 (bq = 4, bp = ldb
 * for a plain row-major B; bq = 4K, bp = 4 for packed panels). C row-major with leading
 * dimension ldc. The 4 × 4 blocks keep eight f64x2 accumulators over the whole K. A last panel
 * narrower than 4 is computed 4 wide and only its N mod 4 columns are stored, so B and bias may
 * be read up to 3 doubles past column N − 1 (the caller leaves that much room).
 */
export function gemm(
  c: usize, ldc: i32, a: usize, ai: i32, ap: i32, b: usize, bp: i32, bq: i32,
  M: i32, N: i32, K: i32, mode: i32, bias: usize, bs: i32,
): void {
  const ai8 = <usize>ai << 3, ap8 = <usize>ap << 3, bp8 = <usize>bp << 3, ldc8 = <usize>ldc << 3;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const arow = a + <usize>i * ai8;
    const crow = c + <usize>i * ldc8;
    for (let j = 0; j < N; j += 4) {
      let c0a = f64x2.splat(0), c0b = f64x2.splat(0), c1a = f64x2.splat(0), c1b = f64x2.splat(0);
      let c2a = f64x2.splat(0), c2b = f64x2.splat(0), c3a = f64x2.splat(0), c3b = f64x2.splat(0);
      let pa = arow, pb = b + ((<usize>(j >> 2) * <usize>bq) << 3);
      for (let p = 0; p < K; p++) {
        const b0 = v128.load(pb), b1 = v128.load(pb, 16);
        const x0 = v128.load64_splat(pa);
        const x1 = v128.load64_splat(pa + ai8);
        const x2 = v128.load64_splat(pa + 2 * ai8);
        const x3 = v128.load64_splat(pa + 3 * ai8);
        c0a = f64x2.add(c0a, f64x2.mul(x0, b0)); c0b = f64x2.add(c0b, f64x2.mul(x0, b1));
        c1a = f64x2.add(c1a, f64x2.mul(x1, b0)); c1b = f64x2.add(c1b, f64x2.mul(x1, b1));
        c2a = f64x2.add(c2a, f64x2.mul(x2, b0)); c2b = f64x2.add(c2b, f64x2.mul(x2, b1));
        c3a = f64x2.add(c3a, f64x2.mul(x3, b0)); c3b = f64x2.add(c3b, f64x2.mul(x3, b1));
        pa += ap8; pb += bp8;
      }
      const o = crow + (<usize>j << 3);
      const cols = N - j < 4 ? N - j : 4;
      storeRow(o, c0a, c0b, cols, mode, bias, j, bs);
      storeRow(o + ldc8, c1a, c1b, cols, mode, bias, j, bs);
      storeRow(o + 2 * ldc8, c2a, c2b, cols, mode, bias, j, bs);
      storeRow(o + 3 * ldc8, c3a, c3b, cols, mode, bias, j, bs);
    }
  }
  for (; i < M; i++) {
    const arow = a + <usize>i * ai8;
    const crow = c + <usize>i * ldc8;
    for (let j = 0; j < N; j += 4) {
      let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
      let pa = arow, pb = b + ((<usize>(j >> 2) * <usize>bq) << 3);
      for (let p = 0; p < K; p++) {
        const x = v128.load64_splat(pa);
        s0 = f64x2.add(s0, f64x2.mul(x, v128.load(pb)));
        s1 = f64x2.add(s1, f64x2.mul(x, v128.load(pb, 16)));
        pa += ap8; pb += bp8;
      }
      storeRow(crow + (<usize>j << 3), s0, s1, N - j < 4 ? N - j : 4, mode, bias, j, bs);
    }
  }
}

/** Stores columns j … j + cols − 1 (cols ≤ 4) of one row of a gemm block, by gemm's mode. */
@inline
function storeRow(o: usize, va: v128, vb: v128, cols: i32, mode: i32, bias: usize, j: i32, bs: i32): void {
  if (mode == 2) {
    const q = bias + ((<usize>j * <usize>bs) << 3), bs8 = <usize>bs << 3;
    va = f64x2.add(v128.load64_lane(q + bs8, v128.load64_splat(q), 1), va);
    vb = f64x2.add(v128.load64_lane(q + 3 * bs8, v128.load64_splat(q + 2 * bs8), 1), vb);
  }
  if (cols == 4) {
    if (mode == 1) {
      va = f64x2.add(v128.load(o), va);
      vb = f64x2.add(v128.load(o, 16), vb);
    }
    v128.store(o, va);
    v128.store(o, vb, 16);
    return;
  }
  const s0 = f64x2.extract_lane(va, 0), s1 = f64x2.extract_lane(va, 1), s2 = f64x2.extract_lane(vb, 0);
  if (mode == 1) {
    store<f64>(o, load<f64>(o) + s0);
    if (cols > 1) store<f64>(o + 8, load<f64>(o + 8) + s1);
    if (cols > 2) store<f64>(o + 16, load<f64>(o + 16) + s2);
  } else {
    store<f64>(o, s0);
    if (cols > 1) store<f64>(o + 8, s1);
    if (cols > 2) store<f64>(o + 16, s2);
  }
}

/**
 * Packs B(p, j) = src[p·sp + j·sj] (p < K, j < N) into column panels of 4 at dst, panel q
 * holding rows p = 0 … K − 1 of columns 4q … 4q + 3 contiguously (zeros past column N), so gemm
 * reads it with bp = 4, bq = 4K.
 */
export function pack(dst: usize, src: usize, sp: i32, sj: i32, K: i32, N: i32): void {
  const panels = (N + 3) >> 2;
  let o = dst;
  for (let q = 0; q < panels; q++) {
    for (let p = 0; p < K; p++) {
      for (let jj = 0; jj < 4; jj++) {
        const j = q * 4 + jj;
        store<f64>(o, j < N ? load<f64>(src + ((<usize>p * <usize>sp + <usize>j * <usize>sj) << 3)) : 0);
        o += 8;
      }
    }
  }
}

const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;

// e^x for the sigmoid: x = (64k' + j)·ln2/64 + r with |r| ≤ ln2/128; e^x = 2^k' · 2^(j/64) · e^r,
// 2^(j/64) from a table (correctly rounded to ~½ ulp), e^r − 1 by its Taylor series to r^5
// (truncation < 4e-17 relative), 2^k' in the exponent bits. x > 709.78 gives +∞; x < −708 is
// taken as −708 (e^x below 3.3e-308, which 1 + e^x cannot see).
const EXP2_TABLE: StaticArray<f64> = [
  1.0000000000000000,
  1.0108892860517005,
  1.0218971486541166,
  1.0330248790212284,
  1.0442737824274138,
  1.0556451783605572,
  1.0671404006768237,
  1.0787607977571199,
  1.0905077326652577,
  1.1023825833078409,
  1.1143867425958924,
  1.1265216186082418,
  1.1387886347566916,
  1.1511892299529827,
  1.1637248587775775,
  1.1763969916502812,
  1.1892071150027210,
  1.2021567314527031,
  1.2152473599804690,
  1.2284805361068700,
  1.2418578120734840,
  1.2553807570246911,
  1.2690509571917332,
  1.2828700160787783,
  1.2968395546510096,
  1.3109612115247644,
  1.3252366431597413,
  1.3396675240533029,
  1.3542555469368927,
  1.3690024229745905,
  1.3839098819638318,
  1.3989796725383110,
  1.4142135623730951,
  1.4296133383919700,
  1.4451808069770467,
  1.4609177941806468,
  1.4768261459394993,
  1.4929077282912648,
  1.5091644275934228,
  1.5255981507445382,
  1.5422108254079410,
  1.5590044002378369,
  1.5759808451078865,
  1.5931421513422670,
  1.6104903319492543,
  1.6280274218573478,
  1.6457554781539647,
  1.6636765803267364,
  1.6817928305074292,
  1.7001063537185235,
  1.7186192981224779,
  1.7373338352737062,
  1.7562521603732995,
  1.7753764925265212,
  1.7947090750031072,
  1.8142521755003989,
  1.8340080864093424,
  1.8539791250833857,
  1.8741676341103000,
  1.8945759815869656,
  1.9152065613971474,
  1.9360617934922946,
  1.9571441241754002,
  1.9784560263879509,
];
const EXP_C: StaticArray<f64> = [
  709.782712893384, 709.78, -708.0, 92.33248261689366, 6755399441055744.0,
  LN2_HI / 64.0, LN2_LO / 64.0,
  1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0,
];

/** a = σ(z) = 1 / (1 + e^(−z)) on n doubles (out may alias z). */
export function sigmoid(out: usize, z: usize, n: i32): void {
  const k = changetype<usize>(EXP_C), tbl = changetype<usize>(EXP2_TABLE);
  const cBig = v128.load64_splat(k), cHi = v128.load64_splat(k, 8), cLo = v128.load64_splat(k, 16);
  const cScale = v128.load64_splat(k, 24), cMagic = v128.load64_splat(k, 32);
  const cLn2Hi = v128.load64_splat(k, 40), cLn2Lo = v128.load64_splat(k, 48);
  const p5 = v128.load64_splat(k, 56), p4 = v128.load64_splat(k, 64), p3 = v128.load64_splat(k, 72);
  const p2 = v128.load64_splat(k, 80), one = v128.load64_splat(k, 88);
  const cMagicBits = i64x2.splat(0x4338000000000000), c63 = i64x2.splat(63), c1022 = i64x2.splat(1022);
  const bias = i64x2.splat(1023), unit = i64x2.splat(1), inf = f64x2.splat(Infinity), c708 = f64x2.splat(708.0);
  let i = 0;
  // Two vectors per iteration: two independent chains keep the pipelines busy. Where every
  // |z| ≤ 708 (nearly always) the clamps and the overflow cases are skipped.
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 3;
    const x0A = f64x2.neg(v128.load(z + o)), x0B = f64x2.neg(v128.load(z + o, 16));
    let pA: v128, pB: v128;
    if (!v128.any_true(f64x2.gt(f64x2.pmax(f64x2.abs(x0A), f64x2.abs(x0B)), c708))) {
      const xA = x0A;
      const xB = x0B;
      const tA = f64x2.add(f64x2.mul(xA, cScale), cMagic);
      const tB = f64x2.add(f64x2.mul(xB, cScale), cMagic);
      const kA = f64x2.sub(tA, cMagic);
      const kB = f64x2.sub(tB, cMagic);
      const rA = f64x2.sub(f64x2.sub(xA, f64x2.mul(kA, cLn2Hi)), f64x2.mul(kA, cLn2Lo));
      const rB = f64x2.sub(f64x2.sub(xB, f64x2.mul(kB, cLn2Hi)), f64x2.mul(kB, cLn2Lo));
      const qA = i64x2.sub(tA, cMagicBits);
      const qB = i64x2.sub(tB, cMagicBits);
      const jA = v128.and(qA, c63);
      const jB = v128.and(qB, c63);
      const tjA = v128.load64_lane(tbl + (<usize>i64x2.extract_lane(jA, 1) << 3), v128.load64_splat(tbl + (<usize>i64x2.extract_lane(jA, 0) << 3)), 1);
      const tjB = v128.load64_lane(tbl + (<usize>i64x2.extract_lane(jB, 1) << 3), v128.load64_splat(tbl + (<usize>i64x2.extract_lane(jB, 0) << 3)), 1);
      pA = f64x2.add(f64x2.mul(p5, rA), p4);
      pB = f64x2.add(f64x2.mul(p5, rB), p4);
      pA = f64x2.add(f64x2.mul(pA, rA), p3);
      pB = f64x2.add(f64x2.mul(pB, rB), p3);
      pA = f64x2.add(f64x2.mul(pA, rA), p2);
      pB = f64x2.add(f64x2.mul(pB, rB), p2);
      pA = f64x2.add(f64x2.mul(pA, rA), one);
      pB = f64x2.add(f64x2.mul(pB, rB), one);
      pA = f64x2.mul(pA, rA);
      pB = f64x2.mul(pB, rB);
      pA = f64x2.add(tjA, f64x2.mul(tjA, pA));
      pB = f64x2.add(tjB, f64x2.mul(tjB, pB));
      const hA = i64x2.shr_s(qA, 6);
      const hB = i64x2.shr_s(qB, 6);
      const eA = i64x2.shl(i64x2.add(hA, bias), 52);
      const eB = i64x2.shl(i64x2.add(hB, bias), 52);
      pA = f64x2.mul(pA, eA);
      pB = f64x2.mul(pB, eB);
    } else {
      const bigA = f64x2.gt(x0A, cBig);
      const xA = f64x2.pmax(f64x2.pmin(x0A, cHi), cLo);
      const tA = f64x2.add(f64x2.mul(xA, cScale), cMagic);
      const kA = f64x2.sub(tA, cMagic);
      const rA = f64x2.sub(f64x2.sub(xA, f64x2.mul(kA, cLn2Hi)), f64x2.mul(kA, cLn2Lo));
      const qA = i64x2.sub(tA, cMagicBits);
      const jA = v128.and(qA, c63);
      const tjA = v128.load64_lane(tbl + (<usize>i64x2.extract_lane(jA, 1) << 3), v128.load64_splat(tbl + (<usize>i64x2.extract_lane(jA, 0) << 3)), 1);
      pA = f64x2.add(f64x2.mul(p5, rA), p4);
      pA = f64x2.add(f64x2.mul(pA, rA), p3);
      pA = f64x2.add(f64x2.mul(pA, rA), p2);
      pA = f64x2.add(f64x2.mul(pA, rA), one);
      pA = f64x2.mul(pA, rA);
      pA = f64x2.add(tjA, f64x2.mul(tjA, pA));
      const hA = i64x2.shr_s(qA, 6);
      const topA = i64x2.gt_s(hA, c1022);
      const eA = i64x2.shl(i64x2.add(i64x2.sub(hA, v128.and(topA, unit)), bias), 52);
      pA = f64x2.mul(pA, eA);
      pA = v128.bitselect(f64x2.add(pA, pA), pA, topA);
      pA = v128.bitselect(inf, pA, bigA);
      const bigB = f64x2.gt(x0B, cBig);
      const xB = f64x2.pmax(f64x2.pmin(x0B, cHi), cLo);
      const tB = f64x2.add(f64x2.mul(xB, cScale), cMagic);
      const kB = f64x2.sub(tB, cMagic);
      const rB = f64x2.sub(f64x2.sub(xB, f64x2.mul(kB, cLn2Hi)), f64x2.mul(kB, cLn2Lo));
      const qB = i64x2.sub(tB, cMagicBits);
      const jB = v128.and(qB, c63);
      const tjB = v128.load64_lane(tbl + (<usize>i64x2.extract_lane(jB, 1) << 3), v128.load64_splat(tbl + (<usize>i64x2.extract_lane(jB, 0) << 3)), 1);
      pB = f64x2.add(f64x2.mul(p5, rB), p4);
      pB = f64x2.add(f64x2.mul(pB, rB), p3);
      pB = f64x2.add(f64x2.mul(pB, rB), p2);
      pB = f64x2.add(f64x2.mul(pB, rB), one);
      pB = f64x2.mul(pB, rB);
      pB = f64x2.add(tjB, f64x2.mul(tjB, pB));
      const hB = i64x2.shr_s(qB, 6);
      const topB = i64x2.gt_s(hB, c1022);
      const eB = i64x2.shl(i64x2.add(i64x2.sub(hB, v128.and(topB, unit)), bias), 52);
      pB = f64x2.mul(pB, eB);
      pB = v128.bitselect(f64x2.add(pB, pB), pB, topB);
      pB = v128.bitselect(inf, pB, bigB);
    }
    v128.store(out + o, f64x2.div(one, f64x2.add(one, pA)));
    v128.store(out + o, f64x2.div(one, f64x2.add(one, pB)), 16);
  }
  for (; i < n; i += 2) {
    const o = <usize>i << 3;
    const x0 = f64x2.neg(i + 1 < n ? v128.load(z + o) : v128.load64_splat(z + o));
    const big = f64x2.gt(x0, cBig);
    const x = f64x2.pmax(f64x2.pmin(x0, cHi), cLo);
    const t = f64x2.add(f64x2.mul(x, cScale), cMagic);
    const k = f64x2.sub(t, cMagic);
    const r = f64x2.sub(f64x2.sub(x, f64x2.mul(k, cLn2Hi)), f64x2.mul(k, cLn2Lo));
    const q = i64x2.sub(t, cMagicBits);
    const j = v128.and(q, c63);
    const tj = v128.load64_lane(tbl + (<usize>i64x2.extract_lane(j, 1) << 3), v128.load64_splat(tbl + (<usize>i64x2.extract_lane(j, 0) << 3)), 1);
    let p = f64x2.add(f64x2.mul(p5, r), p4);
    p = f64x2.add(f64x2.mul(p, r), p3);
    p = f64x2.add(f64x2.mul(p, r), p2);
    p = f64x2.add(f64x2.mul(p, r), one);
    p = f64x2.mul(p, r);
    p = f64x2.add(tj, f64x2.mul(tj, p));
    const h = i64x2.shr_s(q, 6);
    const top = i64x2.gt_s(h, c1022);
    const e = i64x2.shl(i64x2.add(i64x2.sub(h, v128.and(top, unit)), bias), 52);
    p = f64x2.mul(p, e);
    p = v128.bitselect(f64x2.add(p, p), p, top);
    p = v128.bitselect(inf, p, big);
    const a = f64x2.div(one, f64x2.add(one, p));
    if (i + 1 < n) v128.store(out + o, a);
    else store<f64>(out + o, f64x2.extract_lane(a, 0));
  }
}

/** out = g ⊙ a ⊙ (1 − a) on n doubles, as (g·a)·(1 − a) like the TypeScript sigmoid (out may alias g). */
export function sigmoidBackprop(out: usize, g: usize, a: usize, n: i32): void {
  const one = f64x2.splat(1.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    const av = v128.load(a + o);
    v128.store(out + o, f64x2.mul(f64x2.mul(v128.load(g + o), av), f64x2.sub(one, av)));
  }
  if (i < n) {
    const o = <usize>i << 3;
    const av = load<f64>(a + o);
    store<f64>(out + o, load<f64>(g + o) * av * (1 - av));
  }
}

// log(v) for v in [½, 1]: v = 2^k·u with u in [1/√2, √2), log u = 2 atanh(s), s = (u − 1)/(u + 1),
// |s| ≤ 0.1716, by its series to s^21 (truncation < 3e-17).
@inline
function logHalfToOne(v: v128): v128 {
  const low = f64x2.lt(v, f64x2.splat(0.7071067811865476));
  const u = v128.bitselect(f64x2.add(v, v), v, low);
  const one = f64x2.splat(1.0);
  const s = f64x2.div(f64x2.sub(u, one), f64x2.add(u, one));
  const s2 = f64x2.mul(s, s);
  let p = f64x2.splat(1.0 / 21.0);
  p = f64x2.add(f64x2.mul(p, s2), f64x2.splat(1.0 / 19.0));
  p = f64x2.add(f64x2.mul(p, s2), f64x2.splat(1.0 / 17.0));
  p = f64x2.add(f64x2.mul(p, s2), f64x2.splat(1.0 / 15.0));
  p = f64x2.add(f64x2.mul(p, s2), f64x2.splat(1.0 / 13.0));
  p = f64x2.add(f64x2.mul(p, s2), f64x2.splat(1.0 / 11.0));
  p = f64x2.add(f64x2.mul(p, s2), f64x2.splat(1.0 / 9.0));
  p = f64x2.add(f64x2.mul(p, s2), f64x2.splat(1.0 / 7.0));
  p = f64x2.add(f64x2.mul(p, s2), f64x2.splat(1.0 / 5.0));
  p = f64x2.add(f64x2.mul(p, s2), f64x2.splat(1.0 / 3.0));
  p = f64x2.add(f64x2.mul(p, s2), one);
  const lu = f64x2.mul(f64x2.mul(f64x2.splat(2.0), s), p);
  const k = v128.and(low, f64x2.splat(-1.0));
  return f64x2.add(f64x2.add(lu, f64x2.mul(k, f64x2.splat(LN2_LO))), f64x2.mul(k, f64x2.splat(LN2_HI)));
}

/**
 * The sigmoid cross-entropy output layer on n doubles: δ = a − y into out, and returns
 * Σ max(z, 0) − log max(a, 1 − a) − y·z (= Σ softplus(z) − y·z, the J_i summed).
 */
export function sigmoidCrossEntropy(out: usize, z: usize, a: usize, y: usize, n: i32): f64 {
  const zero = f64x2.splat(0), one = f64x2.splat(1.0);
  let acc = zero;
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    const zv = v128.load(z + o), av = v128.load(a + o), yv = v128.load(y + o);
    const t = f64x2.sub(f64x2.sub(f64x2.pmax(zv, zero), logHalfToOne(f64x2.pmax(av, f64x2.sub(one, av)))), f64x2.mul(yv, zv));
    acc = f64x2.add(acc, t);
    v128.store(out + o, f64x2.sub(av, yv));
  }
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (i < n) {
    const o = <usize>i << 3;
    const zs = load<f64>(z + o), as = load<f64>(a + o), ys = load<f64>(y + o);
    const l = f64x2.extract_lane(logHalfToOne(f64x2.splat(as > 0.5 ? as : 1 - as)), 0);
    s += (zs > 0 ? zs : 0) - l - ys * zs;
    store<f64>(out + o, as - ys);
  }
  return s;
}

/**
 * g[r·ldg] += Σ_{i<m} d[i·ldd + r] for r < n (the bias column of Δ), each sum in order of i;
 * returns Σ |d[i·ldd + r]| over the same block (for the mean |δ| statistics), in one pass.
 */
export function columnSums(g: usize, ldg: i32, d: usize, ldd: i32, m: i32, n: i32): f64 {
  const ldd8 = <usize>ldd << 3, ldg8 = <usize>ldg << 3;
  let absAcc = f64x2.splat(0);
  let r = 0;
  for (; r + 2 <= n; r += 2) {
    let acc = f64x2.splat(0);
    let pd = d + (<usize>r << 3);
    for (let i = 0; i < m; i++) {
      const v = v128.load(pd);
      acc = f64x2.add(acc, v);
      absAcc = f64x2.add(absAcc, f64x2.abs(v));
      pd += ldd8;
    }
    const o = g + <usize>r * ldg8;
    store<f64>(o, load<f64>(o) + f64x2.extract_lane(acc, 0));
    store<f64>(o + ldg8, load<f64>(o + ldg8) + f64x2.extract_lane(acc, 1));
  }
  let abs = f64x2.extract_lane(absAcc, 0) + f64x2.extract_lane(absAcc, 1);
  for (; r < n; r++) {
    let s: f64 = 0;
    let pd = d + (<usize>r << 3);
    for (let i = 0; i < m; i++) {
      const v = load<f64>(pd);
      s += v;
      abs += Math.abs(v);
      pd += ldd8;
    }
    const o = g + <usize>r * ldg8;
    store<f64>(o, load<f64>(o) + s);
  }
  return abs;
}

/** Σ |d[i]| over n doubles. */
export function absSum(d: usize, n: i32): f64 {
  let acc = f64x2.splat(0);
  let i = 0;
  for (; i + 2 <= n; i += 2) acc = f64x2.add(acc, f64x2.abs(v128.load(d + (<usize>i << 3))));
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (i < n) s += Math.abs(load<f64>(d + (<usize>i << 3)));
  return s;
}
