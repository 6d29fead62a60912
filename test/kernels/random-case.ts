/** Test helpers: random networks and batches, and the 1e-12 relative comparison of the fast paths. */
import assert from 'node:assert/strict';
import type { Batch } from '../../src/core/nn/evaluator';
import { parameterCount, type Architecture } from '../../src/core/nn/network';
import type { Rng } from '../../src/core/nn/rng';
import type { ActivationName, CostName } from '../../src/core/spec/schema';

const HIDDEN: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'linear'];

/** A random network and batch: 2–4 layers of 1–13 units, any activations, any cost, m given. */
export function randomCase(rng: Rng, m: number): { arch: Architecture; theta: Float64Array; batch: Batch; rowsBatch: Batch } {
  const L = 2 + rng.nextInt(3);
  const sizes = Array.from({ length: L }, () => 1 + rng.nextInt(13));
  const out = rng.nextInt(4);
  const outputG: ActivationName = out === 0 && sizes[L - 1]! > 1 ? 'softmax' : out === 1 ? 'linear' : out === 2 ? 'tanh' : 'sigmoid';
  const cost: CostName = outputG === 'softmax' || outputG === 'sigmoid' ? 'cross-entropy' : 'squared-error';
  const activations = [...Array.from({ length: L - 2 }, () => HIDDEN[rng.nextInt(HIDDEN.length)]!), outputG];
  const arch: Architecture = { sizes, activations, cost, lambda: rng.next() * 2 };
  const theta = new Float64Array(parameterCount(sizes)).map(() => rng.next() - 0.5);
  const n = sizes[0]!, K = sizes[L - 1]!, total = m + 5;
  const X = new Float64Array(total * n).map(() => 2 * rng.next() - 1);
  const Y = new Float64Array(total * K);
  for (let i = 0; i < total; i++) {
    if (cost === 'cross-entropy' && outputG === 'softmax') Y[i * K + rng.nextInt(K)] = 1;
    else for (let k = 0; k < K; k++) Y[i * K + k] = rng.next() < 0.5 ? 0 : 1;
  }
  const rows = Int32Array.from({ length: m }, () => rng.nextInt(total));
  return { arch, theta, batch: { X, Y, m }, rowsBatch: { X, Y, m, rows } };
}

/** |a − b| ≤ tol · (|b| + ‖ref‖∞ · 1e-3) for each entry: relative, with a floor for entries that cancel to ~0. */
export function assertClose(got: Float64Array, want: Float64Array, tol: number, what: string): void {
  let norm = 0;
  for (const x of want) norm = Math.max(norm, Math.abs(x));
  for (let i = 0; i < want.length; i++) {
    const d = Math.abs(got[i]! - want[i]!);
    assert.ok(d <= tol * (Math.abs(want[i]!) + 1e-3 * norm), `${what}: entry ${i} is ${got[i]}, the reference ${want[i]}`);
  }
}

