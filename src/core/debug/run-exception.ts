/**
 * The exception breakpoints of a debugged run (the filters of VS Code's Breakpoints view) and
 * what an exception stop reports: which filter, and the quantity, layer, unit and example it
 * found, described in the lecture's notation for the exception widget.
 */

/** NaN or ±Inf; a relu unit that went dead; a sigmoid or tanh unit that saturated; a failing gradient check. */
export type ExceptionFilter = 'nonFinite' | 'deadUnits' | 'saturatedUnits' | 'gradientCheck';

export const EXCEPTION_FILTERS: readonly { readonly filter: ExceptionFilter; readonly label: string; readonly description: string; readonly default: boolean }[] = [
  { filter: 'nonFinite', label: 'NaN or Inf', description: 'Stop where the first non-finite value appears.', default: true },
  { filter: 'deadUnits', label: 'Dead units', description: 'Stop when a relu unit outputs 0 on every example (checked at each iteration, or at J).', default: false },
  { filter: 'saturatedUnits', label: 'Saturated units', description: "Stop when a sigmoid or tanh unit's g'(z) < 0.01 on 95 % of the examples (checked at each iteration, or at J).", default: false },
  { filter: 'gradientCheck', label: 'Gradient check fails', description: "Check backprop against central differences (the spec's ε and tolerance) at each iteration, or at J. Slow.", default: false },
];

export interface RunException {
  readonly filter: ExceptionFilter;
  /** e.g. `a^(3)_2`, `δ^(2)_1`, `J`, `D^(1)_2,3`, `Θ^(2)`. */
  readonly quantity: string;
  readonly value?: number;
  readonly layer?: number;
  /** 1-based units. */
  readonly units?: readonly number[];
  /** 0-based, in the evaluation's batch. */
  readonly example?: number;
  readonly description: string;
}

export function isExceptionFilter(name: unknown): name is ExceptionFilter {
  return EXCEPTION_FILTERS.some((f) => f.filter === name);
}
