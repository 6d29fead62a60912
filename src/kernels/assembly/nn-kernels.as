// AssemblyScript (hence .as: neither tsc nor ESLint reads it), compiled to WebAssembly by
// scripts/build-kernels.mjs into dist/nn-kernels.wasm.
/**
 * nn-kernels.as: the evaluator's WebAssembly kernels (128-bit SIMD, float64): the matrix products
 * of forward and back propagation, and the sigmoid and cross-entropy passes with vectorised exp
 * and log. Pointers are byte offsets into the imported memory, strides and counts are in doubles.
 * No kernel allocates; the caller (src/core/nn/kernels/wasm-kernel-set.ts) lays out the memory.
 *
 * Order of operations: every product sums its K terms one after another for each entry
 * (p = 0, 1, …), and adds the bias or the old value of C last, as the TypeScript kernels of
 * matrix.ts do, so the products agree with them bit for bit; exp and log are polynomials
 * accurate to about 1 ulp, so the passes that use them agree to ~1e-15 relative.
 */

/**
 * How a gemm block reaches C. Each exported gemm passes one of these as a literal to the
 * @inline gemmBody, so the optimiser folds every test of it away in each of the three.
 */
const enum GemmStore {
  /** C = A·B */
  Set = 0,
  /** C = C + A·B (the old value of C added last) */
  Add = 1,
  /** C = bias + A·B (the bias added last) */
  Bias = 2,
}

/**
 * C[i, j] = Σ_{p<K} A[i·ai + p·ap] · B(p, j), i < M, j < N, where
 * B(p, j) = b[(j >> 2)·bq + p·bp + (j & 3)]: B in column panels of 4 (bq = 4, bp = ldb for a
 * plain row-major B; bq = 4K, bp = 4 for packed panels, see pack). C row-major with leading
 * dimension ldc. C must not overlap A or B. A last panel narrower than 4 is computed 4 wide and
 * only its N mod 4 columns are stored, so B may be read up to 3 doubles past column N − 1 (the
 * caller leaves that much room).
 */
export function gemmSet(
  c: usize, ldc: i32, a: usize, ai: i32, ap: i32, b: usize, bp: i32, bq: i32, M: i32, N: i32, K: i32,
): void {
  gemmBody(c, ldc, a, ai, ap, b, bp, bq, M, N, K, GemmStore.Set, 0, 0);
}

/** C[i, j] += Σ_{p<K} A[i·ai + p·ap] · B(p, j): as gemmSet, the sum formed first and C[i, j] added to it last. */
export function gemmAdd(
  c: usize, ldc: i32, a: usize, ai: i32, ap: i32, b: usize, bp: i32, bq: i32, M: i32, N: i32, K: i32,
): void {
  gemmBody(c, ldc, a, ai, ap, b, bp, bq, M, N, K, GemmStore.Add, 0, 0);
}

/**
 * C[i, j] = bias[j·bs] + Σ_{p<K} A[i·ai + p·ap] · B(p, j): as gemmSet, the bias added last (the
 * forward pass: bias = Θ's first column, bs = its row length). bias, like B, may be read up to
 * 3 entries (3·bs doubles) past column N − 1.
 */
export function gemmBiasSet(
  c: usize, ldc: i32, a: usize, ai: i32, ap: i32, b: usize, bp: i32, bq: i32, M: i32, N: i32, K: i32,
  bias: usize, bs: i32,
): void {
  gemmBody(c, ldc, a, ai, ap, b, bp, bq, M, N, K, GemmStore.Bias, bias, bs);
}

/**
 * The three gemms (see gemmSet). The 4 × 4 blocks keep eight f64x2 accumulators over the whole
 * K, each entry's K terms summed in order p = 0, 1, …; rows past the last multiple of 4 go one
 * at a time, with the same order of operations.
 */
@inline
function gemmBody(
  c: usize, ldc: i32, a: usize, ai: i32, ap: i32, b: usize, bp: i32, bq: i32,
  M: i32, N: i32, K: i32, mode: GemmStore, bias: usize, bs: i32,
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

/** Stores columns j … j + cols − 1 (cols ≤ 4) of one row of a gemm block, by the store mode. */
@inline
function storeRow(o: usize, va: v128, vb: v128, cols: i32, mode: GemmStore, bias: usize, j: i32, bs: i32): void {
  if (mode == GemmStore.Bias) {
    const q = bias + ((<usize>j * <usize>bs) << 3), bs8 = <usize>bs << 3;
    va = f64x2.add(v128.load64_lane(q + bs8, v128.load64_splat(q), 1), va);
    vb = f64x2.add(v128.load64_lane(q + 3 * bs8, v128.load64_splat(q + 2 * bs8), 1), vb);
  }
  if (cols == 4) {
    if (mode == GemmStore.Add) {
      va = f64x2.add(v128.load(o), va);
      vb = f64x2.add(v128.load(o, 16), vb);
    }
    v128.store(o, va);
    v128.store(o, vb, 16);
    return;
  }
  const s0 = f64x2.extract_lane(va, 0), s1 = f64x2.extract_lane(va, 1), s2 = f64x2.extract_lane(vb, 0);
  if (mode == GemmStore.Add) {
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

// The sigmoid's exp, two lanes at a time. Its scalar twin is sigmoidExp in
// src/core/nn/scalar-math.ts: the same constants under the same names, the same steps, the same bits.
// x = (64h + j)·ln2/64 + r with 0 ≤ j < 64 and |r| ≤ ln2/128, so e^x = 2^h · 2^(j/64) · e^r:
// 2^(j/64) from a table, e^r − 1 by its Taylor series to r^5 (truncation < 4e-17 relative),
// 2^h written straight into the exponent bits.

/** 64/ln 2: x·SCALE counts steps of ln2/64; rounded, it is k = 64h + j. */
const SCALE: f64 = 92.33248261689366;
/**
 * 1.5·2^52. From 2^52 to 2^53 the doubles are exactly the integers, so t = x·SCALE + MAGIC rounds
 * x·SCALE to the nearest integer k (ties to even), and k lands in the low mantissa bits of t:
 * t − MAGIC is k as a double (exact) and bits(t) − MAGIC_BITS is k as an i64. The extra 0.5·2^52
 * keeps a negative k (|k| < 2^51) from borrowing from the exponent.
 */
const MAGIC: f64 = 6755399441055744.0;
/** The bits of MAGIC. */
const MAGIC_BITS: i64 = 0x4338000000000000;
/**
 * ln2/64 in two parts (Cody–Waite): LN2_HI ends in 21 zero bits, so k·LN2_HI_64 is exact for
 * |k| ≤ 2^16 and x − k·LN2_HI_64 loses nothing; LN2_LO_64 is the rest of ln2/64.
 */
const LN2_HI_64: f64 = LN2_HI / 64.0;
const LN2_LO_64: f64 = LN2_LO / 64.0;
/** e^r − 1 ≈ ((((P5·r + P4)·r + P3)·r + P2)·r + 1)·r. */
const P5: f64 = 1.0 / 120.0, P4: f64 = 1.0 / 24.0, P3: f64 = 1.0 / 6.0, P2: f64 = 0.5;
/** ln of the largest double: above it e^x is +∞, chosen by a select. */
const OVERFLOW: f64 = 709.782712893384;
/**
 * Larger x are computed as e^HI_CLAMP, 0.27 % below the largest double, so the polynomial itself
 * never overflows (nor makes ∞ − ∞ = NaN of x = +∞); the only ∞ is the select's, above OVERFLOW.
 * In (HI_CLAMP, OVERFLOW] that is up to 0.27 % low, which the sigmoid cannot see: there
 * 1/(1 + e^x) < 5.6e-309 and the error is below 2e-311.
 */
const HI_CLAMP: f64 = 709.78;
/**
 * Smaller x are taken as LO_CLAMP: 1 + e^x cannot see e^−708 ≈ 3.3e-308 anyway, and h ≥ −1022
 * keeps 2^h a normal double, which the exponent bits can hold.
 */
const LO_CLAMP: f64 = -708.0;
/** Where every |x| ≤ −LO_CLAMP, h ≤ 1021: the clamps, the halving and the ∞ select can be skipped. */
const FAST_LIMIT: f64 = -LO_CLAMP;

/** 2^(j/64) for j = 0 … 63, each correctly rounded (the same literals as scalar-math.ts). */
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

/** 2^h for −1022 ≤ h ≤ 1023: the biased exponent h + 1023 in the exponent bits, a zero mantissa. */
@inline
function pow2(h: v128): v128 {
  return i64x2.shl(i64x2.add(h, i64x2.splat(1023)), 52);
}

/**
 * e^x on both lanes (see above). `clamped` is a constant at each call site, folded away: false
 * only where both lanes are known to lie in [−FAST_LIMIT, FAST_LIMIT] (expFast), true for any x,
 * NaN and ±∞ included (expClamped).
 */
@inline
function expCore(x0: v128, clamped: bool): v128 {
  const x = clamped ? f64x2.pmax(f64x2.pmin(x0, f64x2.splat(HI_CLAMP)), f64x2.splat(LO_CLAMP)) : x0;
  const t = f64x2.add(f64x2.mul(x, f64x2.splat(SCALE)), f64x2.splat(MAGIC));
  const k = f64x2.sub(t, f64x2.splat(MAGIC));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI_64))), f64x2.mul(k, f64x2.splat(LN2_LO_64)));
  const q = i64x2.sub(t, i64x2.splat(MAGIC_BITS));
  // k = 64h + j: j = q & 63 (0 … 63 for a negative k too) indexes the table, h = q >> 6
  // (arithmetic, so ⌊k/64⌋) is the power of two.
  const j = v128.and(q, i64x2.splat(63));
  const tbl = changetype<usize>(EXP2_TABLE);
  const tj = v128.load64_lane(tbl + (<usize>i64x2.extract_lane(j, 1) << 3), v128.load64_splat(tbl + (<usize>i64x2.extract_lane(j, 0) << 3)), 1);
  let p = f64x2.add(f64x2.mul(f64x2.splat(P5), r), f64x2.splat(P4));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(P3));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(P2));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  p = f64x2.mul(p, r);
  // 2^(j/64)·e^r as tj + tj·(e^r − 1): the product's rounding error is that of the small term.
  p = f64x2.add(tj, f64x2.mul(tj, p));
  const h = i64x2.shr_s(q, 6);
  if (!clamped) return f64x2.mul(p, pow2(h));
  // Near HI_CLAMP, h reaches 1024 and 2^1024 is not a double: for h > 1022 scale by 2^(h − 1)
  // and double the product (both exact).
  const top = i64x2.gt_s(h, i64x2.splat(1022));
  p = f64x2.mul(p, pow2(i64x2.sub(h, v128.and(top, i64x2.splat(1)))));
  p = v128.bitselect(f64x2.add(p, p), p, top);
  return v128.bitselect(f64x2.splat(Infinity), p, f64x2.gt(x0, f64x2.splat(OVERFLOW)));
}

/** e^x where both lanes lie in [−FAST_LIMIT, FAST_LIMIT]. */
@inline
function expFast(x: v128): v128 {
  return expCore(x, false);
}

/** e^x for any x: +∞ above OVERFLOW, e^LO_CLAMP below LO_CLAMP, NaN for NaN. */
@inline
function expClamped(x: v128): v128 {
  return expCore(x, true);
}

/** a = σ(z) = 1 / (1 + e^(−z)) on n doubles (out may alias z: each vector is read before it is written). */
export function sigmoid(out: usize, z: usize, n: i32): void {
  const one = f64x2.splat(1.0);
  let i = 0;
  // Two vectors per iteration: two independent chains keep the pipelines busy. Where every
  // |z| ≤ FAST_LIMIT (nearly always) the clamps and the overflow cases are skipped.
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 3;
    const xA = f64x2.neg(v128.load(z + o)), xB = f64x2.neg(v128.load(z + o, 16));
    let eA: v128, eB: v128;
    if (!v128.any_true(f64x2.gt(f64x2.pmax(f64x2.abs(xA), f64x2.abs(xB)), f64x2.splat(FAST_LIMIT)))) {
      eA = expFast(xA);
      eB = expFast(xB);
    } else {
      eA = expClamped(xA);
      eB = expClamped(xB);
    }
    v128.store(out + o, f64x2.div(one, f64x2.add(one, eA)));
    v128.store(out + o, f64x2.div(one, f64x2.add(one, eB)), 16);
  }
  // The last n mod 4: a pair, then a single one computed in a splat (its other lane is not stored).
  for (; i < n; i += 2) {
    const o = <usize>i << 3;
    const a = f64x2.div(one, f64x2.add(one, expClamped(f64x2.neg(i + 1 < n ? v128.load(z + o) : v128.load64_splat(z + o)))));
    if (i + 1 < n) v128.store(out + o, a);
    else store<f64>(out + o, f64x2.extract_lane(a, 0));
  }
}

/**
 * out = upstream ⊙ a ⊙ (1 − a) on n doubles (upstream = ∂J_i/∂a from the layer above), as
 * (upstream·a)·(1 − a) like the TypeScript sigmoid (out may alias upstream).
 */
export function sigmoidBackprop(out: usize, upstream: usize, a: usize, n: i32): void {
  const one = f64x2.splat(1.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    const av = v128.load(a + o);
    v128.store(out + o, f64x2.mul(f64x2.mul(v128.load(upstream + o), av), f64x2.sub(one, av)));
  }
  if (i < n) {
    const o = <usize>i << 3;
    const av = load<f64>(a + o);
    store<f64>(out + o, load<f64>(upstream + o) * av * (1 - av));
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
 * Delta[r·ldDelta] += Σ_{i<m} delta[i·ldd + r] for r < n (the bias column of Δ), each sum in order
 * of i; returns Σ |delta[i·ldd + r]| over the same block (for the mean |δ| statistics), in one pass.
 */
export function columnSums(Delta: usize, ldDelta: i32, delta: usize, ldd: i32, m: i32, n: i32): f64 {
  const ldd8 = <usize>ldd << 3, ldDelta8 = <usize>ldDelta << 3;
  let absAcc = f64x2.splat(0);
  let r = 0;
  for (; r + 2 <= n; r += 2) {
    let acc = f64x2.splat(0);
    let pdelta = delta + (<usize>r << 3);
    for (let i = 0; i < m; i++) {
      const v = v128.load(pdelta);
      acc = f64x2.add(acc, v);
      absAcc = f64x2.add(absAcc, f64x2.abs(v));
      pdelta += ldd8;
    }
    const o = Delta + <usize>r * ldDelta8;
    store<f64>(o, load<f64>(o) + f64x2.extract_lane(acc, 0));
    store<f64>(o + ldDelta8, load<f64>(o + ldDelta8) + f64x2.extract_lane(acc, 1));
  }
  let abs = f64x2.extract_lane(absAcc, 0) + f64x2.extract_lane(absAcc, 1);
  for (; r < n; r++) {
    let s: f64 = 0;
    let pdelta = delta + (<usize>r << 3);
    for (let i = 0; i < m; i++) {
      const v = load<f64>(pdelta);
      s += v;
      abs += Math.abs(v);
      pdelta += ldd8;
    }
    const o = Delta + <usize>r * ldDelta8;
    store<f64>(o, load<f64>(o) + s);
  }
  return abs;
}
