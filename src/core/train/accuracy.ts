/**
 * The fraction of examples classified correctly from the outputs h (m × k, row-major):
 * the predicted class is argmax_k h_k, or h ≥ 0.5 for a single (binary) output unit.
 */
export function accuracy(h: Float64Array, labels: Int32Array, m: number, k: number): number {
  if (m === 0) return 0;
  let correct = 0;
  for (let i = 0; i < m; i++) if (predictedClass(h, i, k) === labels[i]) correct++;
  return correct / m;
}

/** The class of example i from its outputs (see accuracy). */
export function predictedClass(h: Float64Array, i: number, k: number): number {
  const row = i * k;
  if (k === 1) return h[row]! >= 0.5 ? 1 : 0;
  let best = 0;
  for (let c = 1; c < k; c++) if (h[row + c]! > h[row + best]!) best = c;
  return best;
}
