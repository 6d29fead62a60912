/**
 * The backprop trace of one example, in the lecture's notation, as lines to print: forward
 * propagation a⁽¹⁾ = x, z⁽ˡ⁾ = Θ⁽ˡ⁻¹⁾a⁽ˡ⁻¹⁾, a⁽ˡ⁾ = g(z⁽ˡ⁾); backpropagation δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y,
 * δ⁽ˡ⁾ = (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ .* g'(z⁽ˡ⁾); and Δ⁽ˡ⁾ += δ⁽ˡ⁺¹⁾(a⁽ˡ⁾)ᵀ. For a selected unit, the
 * computational-graph step: δ_j = (local gradient g'(z_j)) × (upstream gradient Σ_i Θ_ij δ_i).
 */
import type { TraceData } from '../../src/protocol/inspector-data';
import { thetaOffset } from './diagram-layout';
import { sup } from './format';

export interface TraceLine {
  readonly section: 'forward' | 'backward' | 'gradient' | 'unit';
  /** The formula in the lecture's notation. */
  readonly formula: string;
  readonly values: readonly number[];
}

/** g'(z) from z and a = g(z), for the activations a spec can name. */
export function activationDerivative(name: string | undefined, z: number, a: number): number {
  switch (name) {
    case 'tanh':
      return 1 - a * a;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'linear':
      return 1;
    case 'sigmoid':
    case 'softmax':
    default:
      return a * (1 - a);
  }
}

/** Whether δ⁽ᴸ⁾ is exactly a⁽ᴸ⁾ − y (cross-entropy with its matching output, or squared error with a linear one). */
function deltaIsError(trace: TraceData): boolean {
  const L = trace.a.length;
  const a = trace.a[L - 1]!, d = trace.delta[L - 1]!;
  return d.every((v, k) => Math.abs(v - (a[k]! - trace.y[k]!)) <= 1e-9 * Math.max(1, Math.abs(v)));
}

/** Every line of the trace; `activations[l]` is g of layer l + 1 (index 0 = layer 2). */
export function traceLines(trace: TraceData, activations: readonly (string | undefined)[]): TraceLine[] {
  const L = trace.a.length;
  const lines: TraceLine[] = [{ section: 'forward', formula: `a${sup(1)} = x`, values: trace.a[0]! }];
  for (let l = 2; l <= L; l++) {
    lines.push({ section: 'forward', formula: `z${sup(l)} = Θ${sup(l - 1)} a${sup(l - 1)}`, values: trace.z[l - 1]! });
    const g = activations[l - 2] ?? 'g';
    lines.push({ section: 'forward', formula: `a${sup(l)} = ${g}(z${sup(l)})${l < L ? `  (add a₀${sup(l)} = 1)` : ' = h_Θ(x)'}`, values: trace.a[l - 1]! });
  }
  lines.push({ section: 'backward', formula: `y`, values: trace.y });
  lines.push({ section: 'backward', formula: deltaIsError(trace) ? `δ${sup(L)} = a${sup(L)} − y` : `δ${sup(L)} = ∂J/∂z${sup(L)}`, values: trace.delta[L - 1]! });
  for (let l = L - 1; l >= 2; l--) {
    lines.push({ section: 'backward', formula: `δ${sup(l)} = (Θ${sup(l)})ᵀ δ${sup(l + 1)} .* g'(z${sup(l)})`, values: trace.delta[l - 1]! });
  }
  for (let l = 1; l < L; l++) {
    // Row i of the contribution δ⁽ˡ⁺¹⁾(a⁽ˡ⁾)ᵀ for i = 1, as a sample of the outer product.
    const a = [1, ...trace.a[l - 1]!], d1 = trace.delta[l]![0] ?? 0;
    lines.push({ section: 'gradient', formula: `Δ${sup(l)} += δ${sup(l + 1)} (a${sup(l)})ᵀ;  row 1: δ₁${sup(l + 1)} [1; a${sup(l)}]`, values: a.map((v) => d1 * v) });
  }
  lines.push({ section: 'gradient', formula: `J_i (this example's cost)`, values: [trace.cost] });
  return lines;
}

export interface UnitStep {
  readonly layer: number;
  readonly unit: number;
  readonly z: number;
  readonly a: number;
  readonly delta: number;
  /** g'(z_j): the local gradient of the unit. */
  readonly local?: number;
  /** Σ_i Θ⁽ˡ⁾_ij δ_i⁽ˡ⁺¹⁾: the gradient flowing in from above (needs θ). */
  readonly upstream?: number;
  /** ∂J_i/∂Θ⁽ˡ⁻¹⁾_jk = δ_j a_k for the first incoming edges (k = 0 is the bias). */
  readonly incoming: readonly { readonly k: number; readonly value: number }[];
}

/** The computational-graph walk-through for unit `unit` (1-based) of layer `layer` ≥ 2. */
export function unitStep(trace: TraceData, sizes: readonly number[], activations: readonly (string | undefined)[], layer: number, unit: number, theta?: readonly number[], maxIncoming = 6): UnitStep | undefined {
  const L = sizes.length;
  if (layer < 2 || layer > L || unit < 1 || unit > sizes[layer - 1]!) return undefined;
  const z = trace.z[layer - 1]![unit - 1]!, a = trace.a[layer - 1]![unit - 1]!, delta = trace.delta[layer - 1]![unit - 1]!;
  const below = [1, ...trace.a[layer - 2]!];
  const incoming = below.slice(0, maxIncoming).map((v, k) => ({ k, value: delta * v }));
  if (layer === L) return { layer, unit, z, a, delta, incoming };
  const local = activationDerivative(activations[layer - 2], z, a);
  if (!theta) return { layer, unit, z, a, delta, local, incoming };
  const offset = thetaOffset(sizes, layer), cols = sizes[layer - 1]! + 1;
  let upstream = 0;
  const above = trace.delta[layer]!;
  for (let i = 0; i < above.length; i++) upstream += (theta[offset + i * cols + unit] ?? 0) * above[i]!;
  return { layer, unit, z, a, delta, local, upstream, incoming };
}
