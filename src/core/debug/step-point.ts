/**
 * The places a debugged run stops at: the steps of the lecture's algorithm for one example, in
 * the order backpropagation takes them, then the evaluation's cost, then (training) the
 * iteration. Layers are l = 1 … L.
 */
export type StepPoint =
  /** Forward propagation has computed z^(l) and a^(l) of the example, l = 2 … L. */
  | { readonly kind: 'forward'; readonly example: number; readonly layer: number }
  /** δ^(L) = ∂J_i/∂z^(L) of the example is known, and its cost J_i. */
  | { readonly kind: 'output-delta'; readonly example: number; readonly layer: number }
  /** Δ^(l) += δ^(l+1) [1; a^(l)]ᵀ is added and δ^(l) computed, l = L − 1 … 2. */
  | { readonly kind: 'backward'; readonly example: number; readonly layer: number }
  /** The example's share of every Δ^(l) is added (the last step, Δ^(1), has no δ^(1) to show). */
  | { readonly kind: 'example-done'; readonly example: number }
  /** The whole batch is in: J(θ) and D = Δ/m + (λ/m)Θ (bias column aside) are known. `evaluation` counts from 1. */
  | { readonly kind: 'cost'; readonly cost: number; readonly evaluation: number }
  /** Training: the optimiser has completed iteration n (1-based), at J with gradient norm ‖D‖. */
  | { readonly kind: 'iteration'; readonly iteration: number; readonly cost: number; readonly gradNorm: number };

/**
 * How deep a step is: 3 inside an example (the layer steps and the example's end), 1 an
 * evaluation's end, 0 an iteration's end. Step Over stops at the next step of the same depth
 * or shallower; Step Out at the next shallower one.
 */
export function stepLevel(step: StepPoint): 0 | 1 | 3 {
  return step.kind === 'iteration' ? 0 : step.kind === 'cost' ? 1 : 3;
}

/** A short label for the Call Stack, in the lecture's notation (e.g. "forward: z^(3), a^(3)"). */
export function describeStep(step: StepPoint): string {
  switch (step.kind) {
    case 'forward':
      return `forward: z^(${step.layer}), a^(${step.layer})`;
    case 'output-delta':
      return `output: δ^(${step.layer})`;
    case 'backward':
      return `backward: Δ^(${step.layer}), δ^(${step.layer})`;
    case 'example-done':
      return 'Δ^(1) and the example done';
    case 'cost':
      return 'J(θ) and D';
    case 'iteration':
      return `iteration ${step.iteration}: J = ${step.cost.toPrecision(6)}`;
    default: {
      const never: never = step;
      return String(never);
    }
  }
}
