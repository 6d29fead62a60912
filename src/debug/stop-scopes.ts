/**
 * What Variables shows at a stop, in the lecture's names: the scopes Layer (a^(l), z^(l),
 * δ^(l), Θ^(l), Δ^(l) of the step's layer), Example (x, y, h_Θ(x)), Network (every Θ^(l),
 * Δ^(l), and D^(l) once J is known) and Run (J, m, λ, the example).
 */
import type { DebugRuntime } from '../core/debug/debug-runtime';
import type { StepPoint } from '../core/debug/step-point';
import type { MatrixValue, ScopeEntry } from './matrix-variables';

export interface StopScope {
  readonly name: 'Layer' | 'Example' | 'Network' | 'Run';
  readonly entries: readonly ScopeEntry[];
  readonly expensive: boolean;
}

function vector(name: string, evaluateName: string, values: Float64Array): MatrixValue {
  return { name, evaluateName, rows: values.length, cols: 1, values: Float64Array.from(values) };
}

export function stopScopes(runtime: DebugRuntime, step: StepPoint): StopScope[] {
  const ev = runtime.evaluation, sizes = runtime.architecture.sizes, L = sizes.length;
  const theta = (l: number): MatrixValue => {
    const s = ev.shapes[l - 1]!;
    return { name: `Θ^(${l})`, evaluateName: `Theta[${l}]`, rows: s.rows, cols: s.cols, values: ev.theta.slice(s.offset, s.offset + s.size) };
  };
  const Delta = (l: number): MatrixValue => {
    const s = ev.shapes[l - 1]!;
    return { name: `Δ^(${l})`, evaluateName: `Delta[${l}]`, rows: s.rows, cols: s.cols, values: ev.sums.Delta.slice(s.offset, s.offset + s.size) };
  };
  const D = (l: number): MatrixValue => {
    const s = ev.shapes[l - 1]!;
    return { name: `D^(${l})`, evaluateName: `D[${l}]`, rows: s.rows, cols: s.cols, values: ev.D.slice(s.offset, s.offset + s.size) };
  };
  const scopes: StopScope[] = [];
  const run: ScopeEntry[] = [
    { name: 'm', evaluateName: 'm', number: ev.batch.m },
    { name: 'λ', evaluateName: 'lambda', number: ev.lambda },
    { name: 'L', number: L },
  ];
  if (step.kind === 'cost') {
    run.unshift({ name: 'J', evaluateName: 'J', number: step.cost });
  } else {
    // The step's layer: forward and backward steps name it; the example's end adds Δ^(1).
    const l = step.kind === 'example-done' ? 1 : step.layer;
    const v = ev.values(l);
    // In the console a[l] is [1; a^(l)] for l < L (the lecture's column with its bias unit).
    const a: MatrixValue = l < L ? { ...vector(`a^(${l})`, `a[${l}][2:end]`, v.a), entries: { base: `a[${l}]`, offset: 1 } } : vector(`a^(${l})`, `a[${l}]`, v.a);
    const layer: ScopeEntry[] = [{ matrix: a }];
    if (l > 1) layer.push({ matrix: vector(`z^(${l})`, `z[${l}]`, v.z) });
    if (l > 1 && step.kind !== 'forward') layer.push({ matrix: vector(`δ^(${l})`, `delta[${l}]`, v.delta) });
    if (l < L) layer.push({ matrix: theta(l) }, { matrix: Delta(l) });
    scopes.push({ name: 'Layer', entries: layer, expensive: false });
    const example: ScopeEntry[] = [
      { name: 'example', number: step.example + 1 },
      { matrix: vector('x', 'x', ev.values(1).a) },
      { matrix: vector('y', 'y', targetsOf(runtime, step.example)) },
    ];
    const forwardDone = step.kind !== 'forward' || step.layer === L;
    if (forwardDone) example.push({ matrix: vector('h_Θ(x) = a^(L)', 'h', ev.values(L).a) });
    scopes.push({ name: 'Example', entries: example, expensive: false });
    run.push({ name: 'example', number: step.example + 1 });
  }
  const network: ScopeEntry[] = [];
  for (let l = 1; l < L; l++) network.push({ matrix: theta(l) });
  for (let l = 1; l < L; l++) network.push({ matrix: Delta(l) });
  if (step.kind === 'cost') for (let l = 1; l < L; l++) network.push({ matrix: D(l) });
  scopes.push({ name: 'Network', entries: network, expensive: true });
  scopes.push({ name: 'Run', entries: run, expensive: false });
  return scopes;
}

/** y of an example (0-based in the batch, a row selection followed). */
function targetsOf(runtime: DebugRuntime, example: number): Float64Array {
  const { batch } = runtime.evaluation, K = runtime.architecture.sizes.at(-1)!;
  const row = batch.rows ? batch.rows[example]! : example;
  return batch.Y.subarray(row * K, (row + 1) * K);
}
