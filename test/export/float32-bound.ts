/**
 * How far a float32 evaluation of an exported network may honestly be from nnspec's float64
 * one, per output: a first-order forward error bound (the standard analysis of a dot product,
 * |fl(w·a) − w·a| ≤ γ_n |w|·|a| with γ_n ≈ n·u), carried through the layers with each
 * activation's Lipschitz constant. u = 2^−24 is float32's unit roundoff. The bound grows with
 * the weights' magnitudes and the depth, which is why a fixed 1e-6 cannot hold for float32.
 */
import type { ExportedNetwork } from '../../src/export/exported-network';
import type { ActivationName } from '../../src/core/spec/schema';

const u = 2 ** -24;
/** Runtimes compute exp, tanh and the logistic with vectorised approximations a few ulps off. */
const KERNEL_ULPS = 16;
/** sup |g'|: how much an elementwise g may amplify an error in z. */
const LIPSCHITZ: Readonly<Record<Exclude<ActivationName, 'softmax'>, number>> = { sigmoid: 0.25, tanh: 1, relu: 1, linear: 1 };

/** The bound for each output of the m rows of X (unscaled, row-major): m × s_L. */
export function float32ErrorBound(network: ExportedNetwork, X: Float64Array, m: number): Float64Array {
  const n = network.sizes[0]!, K = network.sizes.at(-1)!;
  const bound = new Float64Array(m * K);
  for (let i = 0; i < m; i++) {
    // a: the exact float64 activations; e: the bound on their float32 error.
    let a: Float64Array = new Float64Array(n), e: Float64Array = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const x = X[i * n + j]!, shift = network.shift[j]!, scale = network.scale[j]!;
      a[j] = (x - shift) / scale;
      // x and shift rounded to float32, then the subtraction, the scale and the division each round once.
      e[j] = network.scaled ? (2 * u * (Math.abs(x) + Math.abs(shift))) / Math.abs(scale) + 2 * u * Math.abs(a[j]!) : u * Math.abs(x);
    }
    for (const layer of network.layers) {
      const z = new Float64Array(layer.outputs), ez = new Float64Array(layer.outputs);
      for (let k = 0; k < layer.outputs; k++) {
        let sum = layer.bias[k]!, magnitude = Math.abs(layer.bias[k]!), propagated = 0;
        for (let j = 0; j < layer.inputs; j++) {
          const w = layer.weight[k * layer.inputs + j]!;
          sum += w * a[j]!;
          magnitude += Math.abs(w) * Math.abs(a[j]!);
          propagated += Math.abs(w) * e[j]!;
        }
        z[k] = sum;
        // γ_(n+1) for the sum of n products and the bias, plus rounding W and b to float32.
        ez[k] = propagated + (layer.inputs + 3) * u * magnitude;
      }
      [a, e] = activate(layer.activation, z, ez);
    }
    for (let k = 0; k < K; k++) bound[i * K + k] = e[k]!;
  }
  return bound;
}

function activate(g: ActivationName, z: Float64Array, ez: Float64Array): [Float64Array, Float64Array] {
  const a = new Float64Array(z.length), e = new Float64Array(z.length);
  if (g === 'softmax') {
    // ∂a_k/∂z_j = a_k(δ_kj − a_j), so |Δa_k| ≤ a_k(|Δz_k| + Σ_j a_j|Δz_j|).
    const max = Math.max(...z);
    let total = 0;
    for (let k = 0; k < z.length; k++) total += (a[k] = Math.exp(z[k]! - max));
    let mixed = 0;
    for (let k = 0; k < z.length; k++) mixed += (a[k] = a[k]! / total) * ez[k]!;
    for (let k = 0; k < z.length; k++) e[k] = a[k]! * (ez[k]! + mixed) + (KERNEL_ULPS + z.length) * u * a[k]!;
    return [a, e];
  }
  for (let k = 0; k < z.length; k++) {
    const zk = z[k]!;
    a[k] = g === 'sigmoid' ? 1 / (1 + Math.exp(-zk)) : g === 'tanh' ? Math.tanh(zk) : g === 'relu' ? Math.max(0, zk) : zk;
    const approximate = g === 'sigmoid' || g === 'tanh';
    e[k] = LIPSCHITZ[g] * ez[k]! + (approximate ? KERNEL_ULPS * u : 0);
  }
  return [a, e];
}
