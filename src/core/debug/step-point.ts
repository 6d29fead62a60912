/**
 * The places a debugged evaluation stops at: the steps of the lecture's algorithm for one
 * example, in the order backpropagation takes them, then the cost. Layers are l = 1 … L.
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
  /** The whole batch is in: J(θ) and D = Δ/m + (λ/m)Θ (bias column aside) are known. */
  | { readonly kind: 'cost'; readonly cost: number };

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
    default: {
      const never: never = step;
      return String(never);
    }
  }
}
