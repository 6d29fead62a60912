/**
 * The first NaN or ±Inf a step computed, named: quantity, layer, unit and example
 * (`z^(2)_1 = Infinity at example 1`), or J and D at an evaluation's end.
 */
import type { LayerShape } from '../nn/network';
import type { RunException } from './run-exception';
import type { LayerValues } from './stepped-evaluation';
import type { StepPoint } from './step-point';

/** The first non-finite entry of `values` as an exception of quantity `name^(layer)_k`. */
function firstIn(values: Float64Array, name: string, layer: number, example: number): RunException | undefined {
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) {
      const quantity = `${name}^(${layer})_${k + 1}`;
      return { filter: 'nonFinite', quantity, value: v, layer, units: [k + 1], example, description: `${quantity} = ${v} at example ${example + 1}: the first non-finite value of this run` };
    }
  }
  return undefined;
}

/** Inside an example: the first non-finite z^(l), a^(l) (forward) or δ^(l) (backward) of the step. */
export function nonFiniteInExample(step: StepPoint, values: (l: number) => LayerValues): RunException | undefined {
  switch (step.kind) {
    case 'forward': {
      const v = values(step.layer);
      return firstIn(v.z, 'z', step.layer, step.example) ?? firstIn(v.a, 'a', step.layer, step.example);
    }
    case 'output-delta':
    case 'backward':
      return firstIn(values(step.layer).delta, 'δ', step.layer, step.example);
    default:
      return undefined;
  }
}

/** At an evaluation's or iteration's end: J, else the first non-finite entry of D (by Θ^(l)'s row and column). */
export function nonFiniteCostOrGradient(J: number, D: Float64Array | undefined, shapes: readonly LayerShape[]): RunException | undefined {
  if (!Number.isFinite(J)) return { filter: 'nonFinite', quantity: 'J', value: J, description: `J = ${J}: the cost is not finite` };
  if (!D) return undefined;
  for (let k = 0; k < D.length; k++) {
    if (!Number.isFinite(D[k]!)) {
      const s = shapes.find((x) => k < x.offset + x.size)!;
      const i = Math.floor((k - s.offset) / s.cols) + 1, j = (k - s.offset) % s.cols;
      const quantity = `D^(${s.layer})_${i},${j}`;
      return { filter: 'nonFinite', quantity, value: D[k]!, layer: s.layer, description: `${quantity} = ${D[k]}: the gradient is not finite` };
    }
  }
  return undefined;
}
