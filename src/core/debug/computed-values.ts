/**
 * Which of an example's values a step has computed: forward propagation fills a^(l), z^(l)
 * up to the step's layer; backpropagation fills δ^(l) from L down to the step's layer.
 */
import type { StepPoint } from './step-point';

export interface ComputedValues {
  /** a^(l) and z^(l) are known for l ≤ forwardTo. */
  readonly forwardTo: number;
  /** δ^(l) is known for 2 ≤ deltaFrom ≤ l ≤ L (deltaFrom = L + 1: none yet). */
  readonly deltaFrom: number;
}

/** For a step inside an example of a network with L layers; undefined at a cost or iteration stop. */
export function computedValues(step: StepPoint, L: number): ComputedValues | undefined {
  switch (step.kind) {
    case 'forward':
      return { forwardTo: step.layer, deltaFrom: L + 1 };
    case 'output-delta':
      return { forwardTo: L, deltaFrom: L };
    case 'backward':
      return { forwardTo: L, deltaFrom: step.layer };
    case 'example-done':
      return { forwardTo: L, deltaFrom: 2 };
    case 'cost':
    case 'iteration':
      return undefined;
    default: {
      const never: never = step;
      return never;
    }
  }
}
