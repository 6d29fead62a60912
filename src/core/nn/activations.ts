/**
 * Activation functions g, keyed by the names written in `.nnspec` (`activation:`). Each is a
 * forward formula a = g(z) and, beside it, how backpropagation goes through it: the
 * derivative g'(z), written in terms of a where that is cheaper (sigmoid: a(1 − a)).
 *
 * All kernels work on n consecutive entries of row-major blocks (rows of `width` units) and
 * write into `out`; `out` may alias `z` in `forward` and `upstream` in `backprop`.
 */
import type { ActivationName } from '../spec/schema';
import { sigmoidExp, sigmoidOf } from './scalar-math';

/** One activation: the forward map and its derivative, side by side. */
export interface Activation {
  readonly name: ActivationName;
  /** True when g acts on each unit alone (all but softmax), so g' is a diagonal. */
  readonly elementwise: boolean;
  /** a = g(z) on entries [off, off + n) (softmax: on each row of `width` entries). */
  forward(out: Float64Array, z: Float64Array, off: number, n: number, width: number): void;
  /**
   * The vector–Jacobian product through g: out = (∂a/∂z)ᵀ · upstream, where upstream = ∂J_i/∂a
   * arrives from the layer above, given a = g(z), on entries
   * [off, off + n). For elementwise g this is out = upstream ⊙ g'(z).
   */
  backprop(out: Float64Array, upstream: Float64Array, z: Float64Array, a: Float64Array, off: number, n: number, width: number): void;
  /** The scalar g(z); NaN for softmax (not elementwise). */
  value(z: number): number;
  /** The scalar derivative g'(z) given z and a = g(z); NaN for softmax (not elementwise). */
  derivative(z: number, a: number): number;
}

/** σ(z) = 1 / (1 + e^(−z)); σ'(z) = a(1 − a). */
export const sigmoid: Activation = {
  name: 'sigmoid',
  elementwise: true,
  forward(out, z, off, n) {
    for (let i = off, end = off + n; i < end; i++) out[i] = 1 / (1 + sigmoidExp(-z[i]!));
  },
  backprop(out, upstream, _z, a, off, n) {
    for (let i = off, end = off + n; i < end; i++) out[i] = upstream[i]! * a[i]! * (1 - a[i]!);
  },
  value: sigmoidOf,
  derivative: (_z, a) => a * (1 - a),
};

/** tanh(z); tanh'(z) = 1 − a². */
export const tanh: Activation = {
  name: 'tanh',
  elementwise: true,
  forward(out, z, off, n) {
    for (let i = off, end = off + n; i < end; i++) out[i] = Math.tanh(z[i]!);
  },
  backprop(out, upstream, _z, a, off, n) {
    for (let i = off, end = off + n; i < end; i++) out[i] = upstream[i]! * (1 - a[i]! * a[i]!);
  },
  value: (z) => Math.tanh(z),
  derivative: (_z, a) => 1 - a * a,
};

/** relu(z) = max(0, z); relu'(z) = 1 for z > 0, else 0 (the subgradient 0 at the kink z = 0). */
export const relu: Activation = {
  name: 'relu',
  elementwise: true,
  forward(out, z, off, n) {
    for (let i = off, end = off + n; i < end; i++) out[i] = z[i]! > 0 ? z[i]! : 0;
  },
  backprop(out, upstream, z, _a, off, n) {
    for (let i = off, end = off + n; i < end; i++) out[i] = z[i]! > 0 ? upstream[i]! : 0;
  },
  value: (z) => (z > 0 ? z : 0),
  derivative: (z) => (z > 0 ? 1 : 0),
};

/** The identity g(z) = z; g'(z) = 1. */
export const linear: Activation = {
  name: 'linear',
  elementwise: true,
  forward(out, z, off, n) {
    for (let i = off, end = off + n; i < end; i++) out[i] = z[i]!;
  },
  backprop(out, upstream, _z, _a, off, n) {
    for (let i = off, end = off + n; i < end; i++) out[i] = upstream[i]!;
  },
  value: (z) => z,
  derivative: () => 1,
};

/**
 * softmax over each row of K units: a_k = e^(z_k − max z) / Σ_j e^(z_j − max z) (shifted by the
 * row maximum so no exponential overflows). Output layer only. Its Jacobian is
 * ∂a_k/∂z_j = a_k(δ_kj − a_j), so the vector–Jacobian product is a ⊙ (upstream − ⟨a, upstream⟩).
 */
export const softmax: Activation = {
  name: 'softmax',
  elementwise: false,
  forward(out, z, off, n, width) {
    for (let row = off, end = off + n; row < end; row += width) {
      let max = -Infinity;
      for (let k = row; k < row + width; k++) if (z[k]! > max) max = z[k]!;
      let sum = 0;
      for (let k = row; k < row + width; k++) {
        const e = Math.exp(z[k]! - max);
        out[k] = e;
        sum += e;
      }
      const inv = 1 / sum;
      for (let k = row; k < row + width; k++) out[k] = out[k]! * inv;
    }
  },
  backprop(out, upstream, _z, a, off, n, width) {
    for (let row = off, end = off + n; row < end; row += width) {
      let dot = 0;
      for (let k = row; k < row + width; k++) dot += a[k]! * upstream[k]!;
      for (let k = row; k < row + width; k++) out[k] = a[k]! * (upstream[k]! - dot);
    }
  },
  value: () => NaN,
  derivative: () => NaN,
};

/** The activations by their `.nnspec` names. */
export const activations: Readonly<Record<ActivationName, Activation>> = { sigmoid, tanh, relu, linear, softmax };

/** g'(z) of the sigmoid for each entry of z, into out (the course's sigmoidGradient). */
export function sigmoidGradient(out: Float64Array, z: Float64Array): Float64Array {
  for (let i = 0; i < z.length; i++) {
    const a = 1 / (1 + Math.exp(-z[i]!));
    out[i] = a * (1 - a);
  }
  return out;
}
