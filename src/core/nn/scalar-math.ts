/**
 * The exponential of the sigmoid as plain TypeScript: the scalar twin of the vector exp in
 * src/kernels/assembly/nn-kernels.as, step for step, so the TypeScript and WebAssembly sigmoids
 * give the same bits. Accurate to about 1 ulp. Math.exp is a call into the engine's C library;
 * this inlines into the loop that uses it: a sigmoid costs 4.2 ns instead of 7.2 (Node 20).
 */

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** 64/ln 2: x·SCALE counts steps of ln2/64. */
const SCALE = 92.33248261689366;
/** 1.5·2^52: adding it rounds a double below 2^51 in magnitude to an integer (round to nearest even). */
const MAGIC = 6755399441055744.0;
const LN2_HI_64 = LN2_HI / 64;
const LN2_LO_64 = LN2_LO / 64;
const P5 = 1 / 120, P4 = 1 / 24, P3 = 1 / 6, P2 = 0.5;
/** Above it, e^x overflows; below −708 the sigmoid's 1 + e^x cannot see e^x, so x is taken as −708. */
const OVERFLOW = 709.782712893384;
const HI_CLAMP = 709.78;
const LO_CLAMP = -708;

/**
 * 2^(j/64) for j = 0 … 63, the same literals as the WebAssembly kernel's table (written out, not
 * computed with `**`, whose last bit could differ between engines).
 */
const EXP2_TABLE = Float64Array.from([
  1.0000000000000000, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284,
  1.0442737824274138, 1.0556451783605572, 1.0671404006768237, 1.0787607977571199,
  1.0905077326652577, 1.1023825833078409, 1.1143867425958924, 1.1265216186082418,
  1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812,
  1.1892071150027210, 1.2021567314527031, 1.2152473599804690, 1.2284805361068700,
  1.2418578120734840, 1.2553807570246911, 1.2690509571917332, 1.2828700160787783,
  1.2968395546510096, 1.3109612115247644, 1.3252366431597413, 1.3396675240533029,
  1.3542555469368927, 1.3690024229745905, 1.3839098819638318, 1.3989796725383110,
  1.4142135623730951, 1.4296133383919700, 1.4451808069770467, 1.4609177941806468,
  1.4768261459394993, 1.4929077282912648, 1.5091644275934228, 1.5255981507445382,
  1.5422108254079410, 1.5590044002378369, 1.5759808451078865, 1.5931421513422670,
  1.6104903319492543, 1.6280274218573478, 1.6457554781539647, 1.6636765803267364,
  1.6817928305074292, 1.7001063537185235, 1.7186192981224779, 1.7373338352737062,
  1.7562521603732995, 1.7753764925265212, 1.7947090750031072, 1.8142521755003989,
  1.8340080864093424, 1.8539791250833857, 1.8741676341103000, 1.8945759815869656,
  1.9152065613971474, 1.9360617934922946, 1.9571441241754002, 1.9784560263879509,
]);
/** 2^h for h = −1022 … 1023 at index h + 1022 (exact). */
const POW2 = Float64Array.from({ length: 2046 }, (_, i) => 2 ** (i - 1022));

/**
 * e^x for the sigmoid: x = (64h + j)·ln2/64 + r, |r| ≤ ln2/128; e^x = 2^h · 2^(j/64) · e^r, e^r − 1
 * by its Taylor series to r^5. x > 709.78… gives +∞ and x < −708 is taken as −708 (the sigmoid
 * cannot tell e^−708 from 0); use Math.exp where tiny results matter.
 */
export function sigmoidExp(x: number): number {
  // The vector kernel's fast range; above it 2^h may be 2^1024, which is not a double.
  if (x >= LO_CLAMP && x <= -LO_CLAMP) return scaledExp(x, 0);
  if (Number.isNaN(x)) return NaN;
  if (x > OVERFLOW) return Infinity;
  if (x < LO_CLAMP) return scaledExp(LO_CLAMP, 0);
  // Scale by half the power of two, then double (exact), as the vector kernel does.
  const half = scaledExp(Math.min(x, HI_CLAMP), 1);
  return half + half;
}

/** e^x / 2^down for x in [−708, 709.78] (see sigmoidExp). */
function scaledExp(x: number, down: number): number {
  const t = x * SCALE + MAGIC;
  const k = t - MAGIC;
  const r = x - k * LN2_HI_64 - k * LN2_LO_64;
  const q = k | 0;
  const tj = EXP2_TABLE[q & 63]!;
  const p = ((((P5 * r + P4) * r + P3) * r + P2) * r + 1) * r;
  return (tj + tj * p) * POW2[(q >> 6) - down + 1022]!;
}

/** σ(z) = 1 / (1 + e^(−z)), with sigmoidExp. */
export function sigmoidOf(z: number): number {
  return 1 / (1 + sigmoidExp(-z));
}
