/**
 * The names the Debug Console, Watch, conditions and logpoints see at a stop (the glossary's:
 * docs/debugging.md#expressions): J once known, m, lambda, L, example; x, y, h; a, z, delta
 * by layer (a[l] = [1; a^(l)] for l < L, the lecture's column with its bias unit; delta only
 * where backprop has reached); Theta, Delta and, once J is known, D by layer.
 */
import type { DebugRuntime } from '../core/debug/debug-runtime';
import { scopeOf, type ExpressionScope } from '../core/debug/expression/scope';
import { columnVector, matrixValue, numberValue, withBiasUnit, type MatrixValue, type Value } from '../core/debug/expression/values';
import type { StepPoint } from '../core/debug/step-point';

export function stopExpressionScope(runtime: DebugRuntime, step: StepPoint): ExpressionScope {
  const ev = runtime.evaluation, sizes = runtime.architecture.sizes, L = sizes.length;
  const block = (source: Float64Array, l: number): MatrixValue => {
    const s = ev.shapes[l - 1]!;
    return matrixValue(s.rows, s.cols, source.slice(s.offset, s.offset + s.size));
  };
  const byTheta = (source: Float64Array): Value => ({ kind: 'layers', items: ev.shapes.map((s) => block(source, s.layer)) });
  const entries: Record<string, Value> = {
    m: numberValue(ev.batch.m),
    lambda: numberValue(ev.lambda),
    L: numberValue(L),
    Theta: byTheta(ev.theta),
    Delta: byTheta(ev.sums.Delta),
  };
  if (step.kind === 'cost') {
    entries['J'] = numberValue(step.cost);
    entries['D'] = byTheta(ev.D);
    return scopeOf(entries);
  }
  // How far this example has gone: forward up to `forwardTo`, δ from L down to `deltaFrom`.
  const forwardTo = step.kind === 'forward' ? step.layer : L;
  const deltaFrom = step.kind === 'forward' ? L + 1 : step.kind === 'output-delta' ? L : step.kind === 'backward' ? step.layer : 2;
  const layers = (f: (l: number) => MatrixValue | undefined): Value => ({ kind: 'layers', items: sizes.map((_, i) => f(i + 1)) });
  entries['a'] = layers((l) => (l > forwardTo ? undefined : l < L ? withBiasUnit(ev.values(l).a) : columnVector(ev.values(l).a)));
  entries['z'] = layers((l) => (l === 1 || l > forwardTo ? undefined : columnVector(ev.values(l).z)));
  entries['delta'] = layers((l) => (l === 1 || l < deltaFrom ? undefined : columnVector(ev.values(l).delta)));
  entries['x'] = columnVector(ev.values(1).a);
  const { batch } = ev, K = sizes[L - 1]!, row = batch.rows ? batch.rows[step.example]! : step.example;
  entries['y'] = columnVector(batch.Y.subarray(row * K, (row + 1) * K));
  if (forwardTo === L) entries['h'] = columnVector(ev.values(L).a);
  entries['example'] = numberValue(step.example + 1);
  return scopeOf(entries);
}
