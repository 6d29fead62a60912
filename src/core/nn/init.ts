/**
 * Initial weights Θ, keyed by the strategy names written in `.nnspec` (`init.strategy`). Each
 * strategy fills θ (unrolled, see network.ts) layer by layer; all randomness comes from the Rng
 * passed in (rng.ts: xoshiro128** seeded by splitmix32), drawn layer 1 first, each Θ^(l) in
 * row-major order, bias column included unless the strategy says biases are 0. So the same
 * spec and seed give the same θ on every machine.
 *
 * With fan_in = s_l and fan_out = s_(l+1) for Θ^(l):
 * - zeros:   Θ = 0. Every hidden unit of a layer then computes the same thing forever
 *            (the lecture's symmetry problem; symmetry.ts detects it).
 * - uniform: Θ_ij ~ U[−ε, ε] for every entry, bias included (the lecture's rand·2ε − ε), with
 *            ε = `epsilon` if given, else √6 / √(fan_in + fan_out) per layer.
 * - xavier:  Glorot normal, Θ_ij ~ N(0, σ²) with σ = √(2 / (fan_in + fan_out)); biases 0.
 *            (Glorot uniform with bound √6/√(fan_in + fan_out) is exactly `uniform`'s default,
 *            so xavier is the normal variant of the same variance.)
 * - he:      He normal, Θ_ij ~ N(0, σ²) with σ = √(2 / fan_in); biases 0 (for relu layers).
 * - debug:   deterministic, Θ^(l) entry k (0-based, row-major, bias column included) =
 *            sin(k + 1) / 10, restarting at k = 0 in each matrix. The course's
 *            debugInitializeWeights uses the same values in column-major order; ours are in our
 *            storage order, row-major.
 */
import type { InitStrategyName } from '../spec/schema';
import type { LayerShape } from './network';
import type { Rng } from './rng';

/** Options of a strategy: `epsilon` is uniform's half-width ε. */
export interface InitOptions {
  readonly epsilon?: number;
}

/** A strategy: fills the block of θ that `shape` describes. */
export type InitStrategy = (theta: Float64Array, shape: LayerShape, rng: Rng, options: InitOptions) => void;

/** √6 / √(s_l + s_(l+1)), uniform's default half-width for Θ^(l). */
export function defaultUniformEpsilon(shape: LayerShape): number {
  return Math.sqrt(6) / Math.sqrt(shape.cols - 1 + shape.rows);
}

function normalWeights(sigma: (shape: LayerShape) => number): InitStrategy {
  return (theta, shape, rng) => {
    const sd = sigma(shape);
    for (let r = 0; r < shape.rows; r++) {
      const row = shape.offset + r * shape.cols;
      theta[row] = 0;
      for (let c = 1; c < shape.cols; c++) theta[row + c] = sd * rng.nextGaussian();
    }
  };
}

/** The strategies by their `.nnspec` names. */
export const initStrategies: Readonly<Record<InitStrategyName, InitStrategy>> = {
  zeros: (theta, shape) => {
    theta.fill(0, shape.offset, shape.offset + shape.size);
  },
  uniform: (theta, shape, rng, options) => {
    const eps = options.epsilon ?? defaultUniformEpsilon(shape);
    for (let k = 0; k < shape.size; k++) theta[shape.offset + k] = (2 * rng.next() - 1) * eps;
  },
  xavier: normalWeights((s) => Math.sqrt(2 / (s.cols - 1 + s.rows))),
  he: normalWeights((s) => Math.sqrt(2 / (s.cols - 1))),
  debug: (theta, shape) => {
    for (let k = 0; k < shape.size; k++) theta[shape.offset + k] = Math.sin(k + 1) / 10;
  },
};

/** Fills θ (every Θ^(l) in `shapes`) with a strategy, into out, and returns out. */
export function initializeTheta(
  out: Float64Array,
  shapes: readonly LayerShape[],
  strategy: InitStrategyName,
  rng: Rng,
  options: InitOptions = {},
): Float64Array {
  const fill = initStrategies[strategy];
  for (const shape of shapes) fill(out, shape, rng, options);
  return out;
}

/**
 * A rows × cols matrix of the debug values sin(k + 1)/10 in row-major order (k = 0 … rows·cols − 1),
 * e.g. the inputs X of the course's gradient-check network.
 */
export function debugMatrix(rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let k = 0; k < out.length; k++) out[k] = Math.sin(k + 1) / 10;
  return out;
}
