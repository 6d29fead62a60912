/**
 * What an expression can see: the names of the current stop. The runtime implements
 * `ExpressionScope` over whatever the stop has; the evaluator never sees the network.
 *
 * The names the language documents (docs/debugging.md), with the shapes the runtime gives them
 * for one example, in the glossary's terms (src/core/nn/network.ts):
 * - `J`, `m`, `lambda`, `iteration`: numbers.
 * - `x` (s_1 × 1, the example's features, no bias), `y` (s_L × 1, its target), `h` (s_L × 1, a^(L)).
 * - `a`: layers 1 … L. For l < L, a[l] is the lecture's a^(l) with its bias unit added,
 *   [1; a^(l)], (s_l + 1) × 1, so a[1] = [1; x]; a[L] = h, s_L × 1 (the output has no bias
 *   unit). With that, `Theta[l] * a[l]` is z^(l+1) and `delta[l+1] * a[l]'` is one example's
 *   term of Δ^(l), as on the lecture's slides (`withBiasUnit` builds the column).
 * - `z`: layers 2 … L, s_l × 1 (z^(1) does not exist). `delta`: layers 2 … L, s_l × 1, the
 *   bias row already dropped (δ^(1) does not exist).
 * - `Theta`, `Delta`, `D`: layers 1 … L − 1, s_(l+1) × (s_l + 1), the bias weights in column 1.
 *
 * The runtime may add names (an example index, a learning rate); constants `true`, `false`,
 * `Inf`, `NaN` and `pi` are answered when the scope does not define them.
 */
import { booleanValue, numberValue, type Value } from './values';

/** The names of the current stop. */
export interface ExpressionScope {
  /** The value of `name` at this stop, or undefined when the stop has no such name. */
  lookup(name: string): Value | undefined;
  /** Every name lookup answers (for "did you mean" and completions). */
  names(): readonly string[];
}

/** A scope over a fixed table of names. */
export function scopeOf(entries: Readonly<Record<string, Value>>): ExpressionScope {
  const table = new Map(Object.entries(entries));
  return {
    lookup: (name) => table.get(name),
    names: () => [...table.keys()],
  };
}

/** The constants, answered when the scope does not define the name. */
export const CONSTANTS: ReadonlyMap<string, Value> = new Map<string, Value>([
  ['true', booleanValue(true)],
  ['false', booleanValue(false)],
  ['Inf', numberValue(Infinity)],
  ['NaN', numberValue(NaN)],
  ['pi', numberValue(Math.PI)],
]);

/** The value of `name`: the scope's, else a constant's, else undefined. */
export function resolveName(scope: ExpressionScope, name: string): Value | undefined {
  return scope.lookup(name) ?? CONSTANTS.get(name);
}
