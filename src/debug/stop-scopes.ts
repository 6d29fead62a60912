/**
 * What Variables shows at a stop, in the lecture's names: the scopes Layer (a^(l), z^(l),
 * δ^(l), Θ^(l), Δ^(l) of the step's layer), Example (x, y, h_Θ(x)), Network (every Θ^(l),
 * Δ^(l) when the evaluation went example by example, and D^(l) once known) and Run (J, m, λ,
 * the example; training: the iteration, ‖D‖ and the optimiser's settings).
 */
import type { StopView } from '../core/debug/stop-view';
import type { MatrixValue, ScopeEntry } from './matrix-variables';

export interface StopScope {
  readonly name: 'Layer' | 'Example' | 'Network' | 'Run';
  readonly entries: readonly ScopeEntry[];
  readonly expensive: boolean;
}

function vector(name: string, evaluateName: string, values: Float64Array): MatrixValue {
  return { name, evaluateName, rows: values.length, cols: 1, values: Float64Array.from(values) };
}

export function stopScopes(view: StopView): StopScope[] {
  const { step, shapes } = view, L = view.architecture.sizes.length;
  const block = (symbol: string, console: string, source: Float64Array, l: number): MatrixValue => {
    const s = shapes[l - 1]!;
    return { name: `${symbol}^(${l})`, evaluateName: `${console}[${l}]`, rows: s.rows, cols: s.cols, values: source.slice(s.offset, s.offset + s.size) };
  };
  const theta = (l: number): MatrixValue => block('Θ', 'Theta', view.theta, l);
  const scopes: StopScope[] = [];
  const run: ScopeEntry[] = [];
  if (view.J !== undefined) run.push({ name: 'J', evaluateName: 'J', number: view.J });
  if (view.iteration !== undefined) run.push({ name: 'iteration', evaluateName: 'iteration', number: view.iteration });
  run.push({ name: 'm', evaluateName: 'm', number: view.m }, { name: 'λ', evaluateName: 'lambda', number: view.lambda }, { name: 'L', number: L });
  if (view.D) run.push({ name: '‖D‖', number: norm(view.D) });
  run.push({ name: 'evaluation', number: view.evaluation });
  if (view.training) {
    const t = view.training;
    run.push({ name: 'optimizer', text: t.optimizer }, { name: 'iterations (most)', number: t.maxIterations }, { name: 'batch size', text: String(t.batchSize) });
    if (t.learningRate !== undefined) run.push({ name: 'α (learning rate)', evaluateName: 'alpha', number: t.learningRate });
    if (t.optimizer === 'lbfgs') run.push({ name: 'L-BFGS memory (pairs)', number: 10 });
  }
  const ex = view.example;
  if (ex && step.kind !== 'cost' && step.kind !== 'iteration') {
    // The step's layer: forward and backward steps name it; the example's end adds Δ^(1).
    const l = step.kind === 'example-done' ? 1 : step.layer;
    const v = ex.values(l);
    // In the console a[l] is [1; a^(l)] for l < L (the lecture's column with its bias unit).
    const a: MatrixValue = l < L ? { ...vector(`a^(${l})`, `a[${l}][2:end]`, v.a), entries: { base: `a[${l}]`, offset: 1 } } : vector(`a^(${l})`, `a[${l}]`, v.a);
    const layer: ScopeEntry[] = [{ matrix: a }];
    if (l > 1) layer.push({ matrix: vector(`z^(${l})`, `z[${l}]`, v.z) });
    if (l > 1 && step.kind !== 'forward') layer.push({ matrix: vector(`δ^(${l})`, `delta[${l}]`, v.delta) });
    if (l < L) {
      layer.push({ matrix: theta(l) });
      if (view.Delta) layer.push({ matrix: block('Δ', 'Delta', view.Delta, l) });
    }
    scopes.push({ name: 'Layer', entries: layer, expensive: false });
    const example: ScopeEntry[] = [
      { name: 'example', number: ex.index + 1 },
      ...(ex.row !== ex.index ? [{ name: 'data row', number: ex.row + 1 }] : []),
      { matrix: vector('x', 'x', ex.values(1).a) },
      { matrix: vector('y', 'y', ex.y) },
    ];
    const forwardDone = step.kind !== 'forward' || step.layer === L;
    if (forwardDone) example.push({ matrix: vector('h_Θ(x) = a^(L)', 'h', ex.values(L).a) });
    scopes.push({ name: 'Example', entries: example, expensive: false });
    run.push({ name: 'example', number: ex.index + 1 });
  }
  const network: ScopeEntry[] = [];
  for (let l = 1; l < L; l++) network.push({ matrix: theta(l) });
  if (view.Delta) for (let l = 1; l < L; l++) network.push({ matrix: block('Δ', 'Delta', view.Delta, l) });
  if (view.D) for (let l = 1; l < L; l++) network.push({ matrix: block('D', 'D', view.D, l) });
  scopes.push({ name: 'Network', entries: network, expensive: true });
  scopes.push({ name: 'Run', entries: run, expensive: false });
  return scopes;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}
