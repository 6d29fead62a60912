/**
 * The network cost J(Θ) written from scalars, straight from the lecture's formulas, for the
 * autodiff oracle: one Value per parameter, per-example forward propagation, the cost summed
 * over examples and outputs, and the L2 term over non-bias weights.
 */
import type { Architecture } from '../../../../src/core/nn/network';
import { Value, sum } from './value';

function activate(name: string, zs: Value[]): Value[] {
  switch (name) {
    case 'sigmoid':
      return zs.map((z) => new Value(1).div(z.neg().exp().add(1)));
    case 'tanh':
      return zs.map((z) => z.tanh());
    case 'relu':
      return zs.map((z) => z.relu());
    case 'linear':
      return zs;
    case 'softmax': {
      const max = Math.max(...zs.map((z) => z.data));
      const es = zs.map((z) => z.sub(max).exp());
      const total = sum(es);
      return es.map((e) => e.div(total));
    }
    default:
      throw new Error(`unknown activation ${name}`);
  }
}

/** J(θ) as a Value graph, and the parameter Values in θ's unrolled order. */
export function scalarCost(arch: Architecture, theta: Float64Array, X: Float64Array, Y: Float64Array, m: number): { cost: Value; params: Value[] } {
  const params = Array.from(theta, (t) => new Value(t));
  const sizes = arch.sizes, L = sizes.length, K = sizes[L - 1]!, n = sizes[0]!;
  const offsets: number[] = [];
  let off = 0;
  for (let l = 0; l + 1 < L; l++) {
    offsets.push(off);
    off += sizes[l + 1]! * (sizes[l]! + 1);
  }
  const terms: Value[] = [];
  for (let i = 0; i < m; i++) {
    let a: Value[] = Array.from(X.subarray(i * n, i * n + n), (x) => new Value(x));
    for (let l = 0; l + 1 < L; l++) {
      const cols = sizes[l]! + 1;
      const z = Array.from({ length: sizes[l + 1]! }, (_, r) =>
        sum([params[offsets[l]! + r * cols]!, ...a.map((v, c) => params[offsets[l]! + r * cols + c + 1]!.mul(v))]),
      );
      a = activate(arch.activations[l]!, z);
    }
    const g = arch.activations[L - 2]!;
    for (let k = 0; k < K; k++) {
      const y = Y[i * K + k]!, h = a[k]!;
      if (arch.cost === 'squared-error') terms.push(h.sub(y).mul(h.sub(y)).mul(0.5));
      else if (g === 'softmax') terms.push(h.log().mul(-y));
      else terms.push(h.log().mul(-y).sub(new Value(1).sub(h).log().mul(1 - y)));
    }
  }
  const penalty: Value[] = [];
  for (let l = 0; l + 1 < L; l++) {
    const cols = sizes[l]! + 1;
    for (let r = 0; r < sizes[l + 1]!; r++) for (let c = 1; c < cols; c++) penalty.push(params[offsets[l]! + r * cols + c]!.mul(params[offsets[l]! + r * cols + c]!));
  }
  const cost = sum(terms).div(m).add(sum(penalty).mul(arch.lambda / (2 * m)));
  return { cost, params };
}
