/**
 * Cost functions J, keyed by the names written in `.nnspec` (`cost:`), each paired with the
 * output activation g_L to give the output layer's two formulas side by side:
 * the per-example cost J_i(z, a, y) and δ^(L) = ∂J_i/∂z^(L).
 *
 * The full cost is J = (1/m) Σ_i J_i + λ/(2m) Σ_l Σ_{i, j ≥ 1} (Θ^(l)_ij)², the last sum over
 * every weight but the bias column (see regularization below).
 *
 * - cross-entropy with sigmoid outputs (the lecture's J): J_i = −Σ_k [y_k log a_k + (1 − y_k) log(1 − a_k)],
 *   computed as Σ_k softplus(z_k) − y_k z_k (softplus(z) = log(1 + e^z)), finite even where a rounds to 0 or 1;
 *   δ^(L) = a − y.
 * - cross-entropy with softmax outputs (softmax cross-entropy): J_i = −Σ_k y_k log a_k
 *   = (Σ_k y_k)·logsumexp(z) − Σ_k y_k z_k; δ^(L) = (Σ_k y_k)·a − y, which is a − y for one-hot y.
 * - cross-entropy with tanh, relu or linear outputs: the same binary formula, defined only for
 *   a in (0, 1). a is clamped to [CE_CLAMP, 1 − CE_CLAMP] before the logarithms, and the
 *   derivative is the derivative of that clamped function: ∂J_i/∂a = (a − y)/(a(1 − a)) inside,
 *   0 where a is clamped; then δ^(L) = ∂J_i/∂a ⊙ g'(z) (chain rule). Outside (0, 1) this cost
 *   does not train meaningfully; use sigmoid or softmax outputs with cross-entropy.
 * - squared-error (the regression example's ½‖h − y‖²): J_i = ½ Σ_k (a_k − y_k)²; with linear
 *   outputs δ^(L) = a − y, otherwise δ^(L) = (∂a/∂z)ᵀ (a − y) (a ⊙ g'(z) elementwise; the softmax
 *   Jacobian for softmax outputs).
 */
import type { CostName } from '../spec/schema';
import type { Activation } from './activations';

/** Where cross-entropy clamps outputs that are not already probabilities (see above). */
export const CE_CLAMP = 1e-12;

/**
 * The output layer of a network: cost and δ^(L) for one (cost, output activation) pair, on a
 * block of rows (examples) of K outputs. z and a are read at [off, off + n), y at
 * [yOff, yOff + n), n a multiple of K.
 */
export interface OutputLayer {
  /** Σ_i J_i over the block's rows (not divided by m, no regularisation). */
  cost(z: Float64Array, a: Float64Array, off: number, y: Float64Array, yOff: number, n: number, K: number): number;
  /**
   * δ^(L) = ∂J_i/∂z^(L) of each row into out[off, off + n) (out must not alias z or a), and
   * returns the same Σ_i J_i as cost() (one pass where the pair allows it).
   */
  costAndDelta(out: Float64Array, z: Float64Array, a: Float64Array, off: number, y: Float64Array, yOff: number, n: number, K: number): number;
}

const sigmoidCrossEntropy: OutputLayer = {
  // softplus(z) = max(z, 0) − log σ(|z|), and σ(|z|) = max(a, 1 − a) ≥ ½, so one logarithm of a
  // number in [½, 1] suffices and nothing overflows or takes log(0).
  cost(z, a, off, y, yOff, n) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const zi = z[off + i]!, ai = a[off + i]!;
      s += (zi > 0 ? zi : 0) - Math.log(ai > 0.5 ? ai : 1 - ai) - y[yOff + i]! * zi;
    }
    return s;
  },
  costAndDelta(out, z, a, off, y, yOff, n) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const zi = z[off + i]!, ai = a[off + i]!, yi = y[yOff + i]!;
      s += (zi > 0 ? zi : 0) - Math.log(ai > 0.5 ? ai : 1 - ai) - yi * zi;
      out[off + i] = ai - yi;
    }
    return s;
  },
};

const softmaxCrossEntropy: OutputLayer = {
  cost(z, _a, off, y, yOff, n, K) {
    let s = 0;
    for (let r = 0; r < n; r += K) {
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (z[off + r + k]! > max) max = z[off + r + k]!;
      let sumExp = 0, sumY = 0, yz = 0;
      for (let k = 0; k < K; k++) {
        const zk = z[off + r + k]!, yk = y[yOff + r + k]!;
        sumExp += Math.exp(zk - max);
        sumY += yk;
        yz += yk * zk;
      }
      s += sumY * (max + Math.log(sumExp)) - yz;
    }
    return s;
  },
  costAndDelta(out, z, a, off, y, yOff, n, K) {
    for (let r = 0; r < n; r += K) {
      let sumY = 0;
      for (let k = 0; k < K; k++) sumY += y[yOff + r + k]!;
      for (let k = 0; k < K; k++) out[off + r + k] = sumY * a[off + r + k]! - y[yOff + r + k]!;
    }
    return this.cost(z, a, off, y, yOff, n, K);
  },
};

/** Binary cross-entropy on outputs that need clamping into (0, 1), chained through g. */
function clampedCrossEntropy(g: Activation): OutputLayer {
  return {
    cost(_z, a, off, y, yOff, n) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const p = Math.min(Math.max(a[off + i]!, CE_CLAMP), 1 - CE_CLAMP), yi = y[yOff + i]!;
        s -= yi * Math.log(p) + (1 - yi) * Math.log(1 - p);
      }
      return s;
    },
    costAndDelta(out, z, a, off, y, yOff, n, K) {
      for (let i = 0; i < n; i++) {
        const ai = a[off + i]!;
        out[off + i] = ai > CE_CLAMP && ai < 1 - CE_CLAMP ? (ai - y[yOff + i]!) / (ai * (1 - ai)) : 0;
      }
      g.backprop(out, out, z, a, off, n, K);
      return this.cost(z, a, off, y, yOff, n, K);
    },
  };
}

/** ½‖a − y‖² per example, chained through g (identity for linear outputs). */
function squaredError(g: Activation): OutputLayer {
  return {
    cost(_z, a, off, y, yOff, n) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const d = a[off + i]! - y[yOff + i]!;
        s += d * d;
      }
      return 0.5 * s;
    },
    costAndDelta(out, z, a, off, y, yOff, n, K) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const d = a[off + i]! - y[yOff + i]!;
        s += d * d;
        out[off + i] = d;
      }
      if (g.name !== 'linear') g.backprop(out, out, z, a, off, n, K);
      return 0.5 * s;
    },
  };
}

/** The costs by their `.nnspec` names: each maps an output activation to its output layer. */
export const costs: Readonly<Record<CostName, (g: Activation) => OutputLayer>> = {
  'cross-entropy': (g) =>
    g.name === 'sigmoid' ? sigmoidCrossEntropy : g.name === 'softmax' ? softmaxCrossEntropy : clampedCrossEntropy(g),
  'squared-error': squaredError,
};

/**
 * The L2 penalty Σ (Θ_ij)² over the weight columns j ≥ 1 of a rows × cols matrix at off
 * (bias column 0 excluded); multiply by λ/(2m) for the cost.
 */
export function sumSquaredWeights(theta: Float64Array, off: number, rows: number, cols: number): number {
  let s = 0;
  for (let r = 0; r < rows; r++) {
    const row = off + r * cols;
    for (let c = 1; c < cols; c++) {
      const t = theta[row + c]!;
      s += t * t;
    }
  }
  return s;
}
