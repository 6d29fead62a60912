/**
 * What the inspector is told about a stop of a debugged run: the step (as the Call Stack
 * names it), its layer, and, inside an example, that example's a^(l), z^(l) and δ^(l) as far
 * as the step has computed them. Plain arrays, bounded in size: it crosses to the webview as
 * JSON at every stop.
 */
import { computedValues } from './computed-values';
import { describeStep, type StepPoint } from './step-point';
import type { StopView } from './stop-view';

/** Units of each vector sent (the δ strips show 64); s_l says how many there are. */
export const STOP_UNITS_LIMIT = 256;

export interface DebugStopExample {
  /** 0-based, in the evaluation's batch. */
  readonly index: number;
  /** 0-based row of the training data. */
  readonly row: number;
  /** Examples in the evaluation. */
  readonly m: number;
  /** s_l, l = 1 … L (index l − 1). */
  readonly units: readonly number[];
  /** Index l − 1; empty where the step has not computed them (z^(1), δ^(1) always empty). */
  readonly a: readonly (readonly number[])[];
  readonly z: readonly (readonly number[])[];
  readonly delta: readonly (readonly number[])[];
}

export interface DebugStop {
  /** The innermost frame's name, e.g. "backward: Δ^(2), δ^(2)". */
  readonly step: string;
  readonly kind: StepPoint['kind'];
  /** The layer the step is at, l = 2 … L (forward and backward steps). */
  readonly layer?: number;
  readonly mode: 'evaluate' | 'train';
  /** Evaluations so far, this one included. */
  readonly evaluation: number;
  /** Training: the iteration the Call Stack shows (1-based; at an iteration's end, the one ended). */
  readonly iteration?: number;
  readonly J?: number;
  readonly example?: DebugStopExample;
}

export function debugStop(view: StopView): DebugStop {
  const { step } = view;
  const L = view.architecture.sizes.length;
  const layer = 'layer' in step ? step.layer : undefined;
  const computed = computedValues(step, L);
  const ex = view.example;
  const iteration = step.kind === 'iteration' ? step.iteration : view.mode === 'train' ? (view.iteration ?? 0) + 1 : undefined;
  let example: DebugStopExample | undefined;
  if (ex && computed) {
    const a: number[][] = [], z: number[][] = [], delta: number[][] = [];
    for (let l = 1; l <= L; l++) {
      const v = ex.values(l);
      const forward = l <= computed.forwardTo;
      a.push(forward ? bounded(v.a) : []);
      z.push(forward ? bounded(v.z) : []);
      delta.push(l >= computed.deltaFrom ? bounded(v.delta) : []);
    }
    example = { index: ex.index, row: ex.row, m: view.m, units: [...view.architecture.sizes], a, z, delta };
  }
  return {
    step: describeStep(step),
    kind: step.kind,
    ...(layer !== undefined ? { layer } : {}),
    mode: view.mode,
    evaluation: view.evaluation,
    ...(iteration !== undefined ? { iteration } : {}),
    ...(view.J !== undefined ? { J: view.J } : {}),
    ...(example ? { example } : {}),
  };
}

function bounded(v: Float64Array): number[] {
  return Array.from(v.subarray(0, STOP_UNITS_LIMIT));
}
