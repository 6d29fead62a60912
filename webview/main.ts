/**
 * The network inspector's script. Everything it shows arrives by postMessage from the host
 * (typed in src/protocol/inspector-protocol.ts); nothing is interpolated into HTML: the DOM
 * is built with createElement and textContent.
 */
import 'uplot/dist/uPlot.min.css';
import './main.css';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { DebugStop, InspectionSnapshot } from '../src/protocol/inspector-data';
import type { LayerSummary } from '../src/protocol/inspector-data';
import type { GradientCheckReport } from '../src/protocol/inspector-data';
import type { InspectorMessage, InspectorRequest, LastRun } from '../src/protocol/inspector-protocol';
import type { InitComparisonRun } from '../src/protocol/worker-protocol';
import { el, section } from './dom';
import { readSavedState, type SavedState } from './logic/saved-state';
import { TrainingSeries } from '../src/core/inspect/training-series';
import { ExamplePicker } from './views/example-picker';
import { BoundaryView } from './views/boundary-view';
import { renderCheck } from './views/check-view';
import { CompareView } from './views/compare-view';
import { renderConfusion } from './views/confusion-view';
import { CostView } from './views/cost-view';
import { DeltaView } from './views/delta-view';
import { DiagramView } from './views/diagram-view';
import { PerfStats } from './views/perf-stats';
import { Tooltip } from './views/tooltip';
import { TraceView } from './views/trace-view';
import { vscode } from './vscode-api';

/** Points of the last run's curves kept in the saved state (it is stored with the workbench's). */
const SAVED_POINTS = 500;
let state: SavedState = readSavedState(vscode.getState());
const send = (request: InspectorRequest): void => vscode.postMessage(request);
const save = (patch: Partial<SavedState>): void => {
  state = { ...state, ...patch };
  vscode.setState(state);
};

const app = document.getElementById('app')!;
const title = el('h1', undefined, state.file ?? 'Network inspector');
const banner = el('div', 'banner');
banner.setAttribute('role', 'status');
banner.hidden = true;
const note = el('div', 'note');
note.hidden = true;
const debugStatus = el('div', 'debug-stop');
debugStatus.setAttribute('role', 'status');
debugStatus.hidden = true;
const picker = new ExamplePicker((example) => {
  save({ example });
  send({ type: 'select-example', example });
});
const header = el('header');
header.append(title, picker.root);
const s = {
  diagram: section('diagram', 'Layer diagram'),
  cost: section('cost', 'Cost J'),
  delta: section('delta', 'δ per layer'),
  trace: section('trace', 'Backprop trace'),
  boundary: section('boundary', 'Decision boundary'),
  confusion: section('confusion', 'Confusion matrix'),
  check: section('check', 'Gradient check'),
  compare: section('compare', 'Initialisation comparison'),
};
s.check.body.append(el('p', 'caption', 'Run “NN: Check gradients” to fill this table.'));
s.compare.body.append(el('p', 'caption', 'Run “NN: Compare initialization strategies” to overlay their cost curves.'));
const grid = el('div', 'grid');
grid.append(...Object.values(s).map((x) => x.root));
app.append(header, banner, debugStatus, note, grid);

const tooltip = new Tooltip(document.body);
const series = new TrainingSeries();
const perf = new PerfStats(document.body);
const diagram = new DiagramView(s.diagram.body, tooltip, (layer, unit) => {
  trace.selectUnit(layer, unit);
  trace.render(snapshot, activations());
  s.trace.root.scrollIntoView({ block: 'nearest' });
});
const cost = new CostView(s.cost.body, series, state.log, (log) => save({ log }));
const delta = new DeltaView(s.delta.body, series);
const trace = new TraceView(s.trace.body);
const boundary = new BoundaryView(s.boundary.body);
const compare = new CompareView(s.compare.body);
renderConfusion(s.confusion.body, undefined);

let layers: readonly LayerSummary[] = [];
let specKey: string | undefined;
let snapshot: InspectionSnapshot | undefined;
/** Where a debug session of the spec is stopped; its example's δ replaces the snapshot's meanwhile. */
let debugStop: DebugStop | undefined;
const resultKeys = { snapshot: undefined as string | undefined, cost: undefined as string | undefined, check: undefined as string | undefined, compare: undefined as string | undefined };

const activations = (): (string | undefined)[] => layers.slice(1).map((l) => l.activation);

function markStale(): void {
  const stale = (key: string | undefined): boolean => key !== undefined && specKey !== undefined && key !== specKey;
  for (const part of [s.diagram, s.delta, s.trace, s.boundary, s.confusion]) part.setStale(stale(resultKeys.snapshot));
  s.cost.setStale(stale(resultKeys.cost));
  s.check.setStale(stale(resultKeys.check));
  s.compare.setStale(stale(resultKeys.compare));
}

function showSnapshot(next: InspectionSnapshot, key: string | undefined): void {
  snapshot = next;
  if (key !== undefined) resultKeys.snapshot = key;
  diagram.applySnapshot(next);
  if (!debugStop?.example) delta.showTrace(next.trace);
  trace.render(next, activations());
  boundary.draw(next.grid, next.iteration);
  if (next.confusion || next.source !== 'training') renderConfusion(s.confusion.body, next.confusion);
  picker.setRange(next.trainExamples, next.trace?.example ?? state.example);
  if (debugStop?.example) picker.show(debugStop.example.row);
  s.diagram.root.dataset['source'] = next.source;
  markStale();
}

function showSpec(message: Extract<InspectorMessage, { type: 'spec' }>): void {
  title.textContent = message.file;
  save({ uri: message.uri, file: message.file });
  banner.hidden = message.valid;
  banner.textContent = message.valid ? '' : `The spec has ${message.errors} error${message.errors === 1 ? '' : 's'}; showing the last valid network.`;
  if (!message.layers) return;
  layers = message.layers;
  specKey = message.specKey;
  diagram.render(message.layers, message.total ?? 0);
  cost.setClassification(message.task === 'classification');
  save({ layers: message.layers, total: message.total ?? 0 });
  markStale();
}

function handle(message: InspectorMessage): void {
  switch (message.type) {
    case 'spec':
      return showSpec(message);
    case 'snapshot':
      note.hidden = message.note === undefined;
      note.textContent = message.note ?? '';
      return showSnapshot(message.snapshot, message.specKey);
    case 'snapshot-failed':
      note.hidden = false;
      note.textContent = message.message;
      return;
    case 'training-started':
      series.clear();
      resultKeys.cost = message.specKey;
      perf.start();
      cost.update('training');
      return markStale();
    case 'progress':
      perf.message();
      series.add(message.progress);
      cost.update('training');
      delta.update();
      if (message.snapshot) showSnapshot(message.snapshot, undefined);
      return;
    case 'training-finished':
      perf.stop();
      series.finish(message.costHistory);
      cost.update(message.reason);
      delta.update();
      save({ history: series.saved(SAVED_POINTS), cost: undefined });
      return;
    case 'gradient-check':
      resultKeys.check = message.specKey;
      showCheck(message.report);
      save({ check: message.report });
      return markStale();
    case 'init-comparison': {
      resultKeys.compare = message.specKey;
      showComparison(message.runs);
      save({ comparison: message.runs });
      return markStale();
    }
    case 'last-run':
      return showLastRun(message.run);
    case 'debug-stop':
      return showDebugStop(message.stop);
    case 'debug-running':
      return showDebugStop(undefined);
    default: {
      const never: never = message;
      return never;
    }
  }
}

/** The spec's latest run, from the host: its curves, dated, until a new run starts. */
function showLastRun(run: LastRun): void {
  if (cost.live) return;
  series.restoreHistory(run.history);
  resultKeys.cost = run.specKey;
  cost.showLastRun(run.finishedAt, run.partial, run.reason);
  delta.update();
  save({ history: series.saved(SAVED_POINTS), cost: undefined });
  markStale();
}

/** Highlights the layer and example a debug session is stopped at; undefined: it runs again, or ended. */
function showDebugStop(stop: DebugStop | undefined): void {
  debugStop = stop;
  diagram.markStop(stop?.layer);
  debugStatus.hidden = stop === undefined;
  const ex = stop?.example;
  if (stop) {
    const where = [`Stopped in the debugger: ${stop.step}`];
    if (ex) where.push(`example ${ex.index + 1} of ${ex.m}${ex.row !== ex.index ? ` (data row ${ex.row + 1})` : ''}`);
    if (stop.iteration !== undefined) where.push(`iteration ${stop.iteration}, evaluation ${stop.evaluation}`);
    debugStatus.textContent = where.join(' · ');
    debugStatus.dataset['layer'] = stop.layer !== undefined ? String(stop.layer) : '';
  }
  if (ex) {
    delta.showStop(ex);
    picker.show(ex.row);
  } else {
    // Running, ended, or stopped at J or an iteration's end (no example): the δ view is the inspector's own.
    delta.showTrace(snapshot?.trace);
    picker.show(snapshot?.trace?.example ?? state.example);
  }
}

function showCheck(report: GradientCheckReport): void {
  renderCheck(s.check.body, report, (layer) => send({ type: 'reveal-layer', layer }));
}

function showComparison(runs: readonly InitComparisonRun[]): void {
  compare.show(runs);
  const zeros = runs.find((r) => r.symmetry.length > 0);
  if (zeros) diagram.highlightSymmetry(zeros.symmetry);
}

/** Restores what the last session showed, until the host sends fresh data. */
function restore(): void {
  if (state.layers) {
    layers = state.layers;
    diagram.render(state.layers, state.total ?? 0);
  }
  if (state.check) showCheck(state.check);
  if (state.comparison) showComparison(state.comparison);
  if (state.history) {
    series.restoreHistory(state.history);
    cost.update('restored');
    delta.update();
  } else if (state.cost) {
    series.restore(state.cost);
    cost.update('restored');
  }
}

// The canvas takes concrete colours: re-draw it when the theme changes (charts rebuild themselves).
new MutationObserver(() => {
  if (snapshot) boundary.draw(snapshot.grid, snapshot.iteration);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

restore();
window.addEventListener('message', (event: MessageEvent<InspectorMessage>) => handle(event.data));
send({ type: 'ready' });
if (state.example > 0) send({ type: 'select-example', example: state.example });
