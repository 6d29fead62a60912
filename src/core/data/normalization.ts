/**
 * Feature scaling x' = (x − shift) / scale, per feature, fitted on the training part only
 * (so the validation part stays unseen) and saved with the weights for prediction.
 *
 * - none: shift 0, scale 1.
 * - standard: shift = the mean, scale = the population standard deviation (divided by m).
 * - minmax: shift = the minimum, scale = max − min, mapping the training range onto [0, 1].
 *
 * A constant feature (std or range 0) gets scale 1, so it becomes 0 instead of NaN.
 */
import type { NormalizationName } from '../spec/schema';
import type { Normalization } from '../nn/dataset';

/** Fits a normalisation of `kind` to the m × n row-major matrix X. */
export function fitNormalization(kind: NormalizationName, X: Float64Array, m: number, n: number): Normalization {
  const shift = new Array<number>(n).fill(0);
  const scale = new Array<number>(n).fill(1);
  if (kind === 'none' || m === 0) return { kind, shift, scale };
  for (let j = 0; j < n; j++) {
    if (kind === 'standard') {
      let sum = 0;
      for (let i = 0; i < m; i++) sum += X[i * n + j] ?? 0;
      const mean = sum / m;
      let squares = 0;
      for (let i = 0; i < m; i++) {
        const d = (X[i * n + j] ?? 0) - mean;
        squares += d * d;
      }
      const std = Math.sqrt(squares / m);
      shift[j] = mean;
      scale[j] = std > 0 ? std : 1;
    } else {
      let min = Infinity, max = -Infinity;
      for (let i = 0; i < m; i++) {
        const x = X[i * n + j] ?? 0;
        if (x < min) min = x;
        if (x > max) max = x;
      }
      shift[j] = min;
      scale[j] = max > min ? max - min : 1;
    }
  }
  return { kind, shift, scale };
}

/**
 * Applies `norm` to the m × n matrix X (n = norm.shift.length), writing into `out`
 * (which may alias X) and returning it.
 */
export function applyNormalization(norm: Normalization, X: Float64Array, out: Float64Array = new Float64Array(X.length)): Float64Array {
  const n = norm.shift.length;
  if (n === 0) {
    out.set(X);
    return out;
  }
  for (let p = 0; p < X.length; p++) {
    const j = p % n;
    out[p] = ((X[p] ?? 0) - (norm.shift[j] ?? 0)) / (norm.scale[j] ?? 1);
  }
  return out;
}
