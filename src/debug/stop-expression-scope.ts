/**
 * The names the Debug Console, Watch, conditions and logpoints see at a stop (the glossary's:
 * docs/debugging.md#expressions): J once known, m, lambda, L, example, iteration (training);
 * x, y, h; a, z, delta by layer (a[l] = [1; a^(l)] for l < L, the lecture's column with its
 * bias unit; delta only where backprop has reached); Theta, Delta (when the evaluation went
 * example by example) and, once known, D by layer.
 */
import { scopeOf, type ExpressionScope } from '../core/debug/expression/scope';
import { columnVector, matrixValue, numberValue, withBiasUnit, type MatrixValue, type Value } from '../core/debug/expression/values';
import type { StopView } from '../core/debug/stop-view';

export function stopExpressionScope(view: StopView): ExpressionScope {
  const { step, shapes } = view, sizes = view.architecture.sizes, L = sizes.length;
  const block = (source: Float64Array, l: number): MatrixValue => {
    const s = shapes[l - 1]!;
    return matrixValue(s.rows, s.cols, source.slice(s.offset, s.offset + s.size));
  };
  const byTheta = (source: Float64Array): Value => ({ kind: 'layers', items: shapes.map((s) => block(source, s.layer)) });
  const entries: Record<string, Value> = {
    m: numberValue(view.m),
    lambda: numberValue(view.lambda),
    L: numberValue(L),
    Theta: byTheta(view.theta),
  };
  if (view.Delta) entries['Delta'] = byTheta(view.Delta);
  if (view.D) entries['D'] = byTheta(view.D);
  if (view.J !== undefined) entries['J'] = numberValue(view.J);
  if (view.iteration !== undefined) entries['iteration'] = numberValue(step.kind === 'iteration' ? step.iteration : view.iteration);
  if (view.training?.learningRate !== undefined) entries['alpha'] = numberValue(view.training.learningRate);
  const ex = view.example;
  if (!ex || step.kind === 'cost' || step.kind === 'iteration') return scopeOf(entries);
  // How far this example has gone: forward up to `forwardTo`, δ from L down to `deltaFrom`.
  const forwardTo = step.kind === 'forward' ? step.layer : L;
  const deltaFrom = step.kind === 'forward' ? L + 1 : step.kind === 'output-delta' ? L : step.kind === 'backward' ? step.layer : 2;
  const layers = (f: (l: number) => MatrixValue | undefined): Value => ({ kind: 'layers', items: sizes.map((_, i) => f(i + 1)) });
  entries['a'] = layers((l) => (l > forwardTo ? undefined : l < L ? withBiasUnit(ex.values(l).a) : columnVector(ex.values(l).a)));
  entries['z'] = layers((l) => (l === 1 || l > forwardTo ? undefined : columnVector(ex.values(l).z)));
  entries['delta'] = layers((l) => (l === 1 || l < deltaFrom ? undefined : columnVector(ex.values(l).delta)));
  entries['x'] = columnVector(ex.values(1).a);
  entries['y'] = columnVector(ex.y);
  if (forwardTo === L) entries['h'] = columnVector(ex.values(L).a);
  entries['example'] = numberValue(ex.index + 1);
  return scopeOf(entries);
}
