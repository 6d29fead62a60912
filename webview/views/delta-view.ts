import type { DebugStopExample, TraceData } from '../../src/protocol/inspector-data';
import { layerAt } from '../../src/core/nn/layer-numbering';
import { el, svg } from '../dom';
import { formatNumber, sup } from '../logic/format';
import { forLogScale, type TrainingSeries } from '../../src/core/inspect/training-series';
import { LiveChart, type ChartSpec, type SeriesSpec } from './live-chart';

const PALETTE = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];
/** Units of a layer drawn in its δ strip (the rest are summarised). */
const STRIP_UNITS = 64;

/**
 * δ per layer: for the chosen example (or the example a debug session is stopped in), a heat
 * strip of δ^(l) per layer (red negative, blue positive, labelled on hover); over the
 * iterations, mean |δ^(l)| and ‖D^(l)‖ per layer on a log scale, where vanishing and
 * exploding gradients show.
 */
export class DeltaView {
  private readonly strips = el('div', 'strips');
  private readonly chart: LiveChart;
  private layerCount = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly series: TrainingSeries,
  ) {
    host.append(this.strips, el('p', 'caption', 'per Θ⁽ˡ⁾: mean |δ⁽ˡ⁺¹⁾| (solid) and ‖D⁽ˡ⁾‖ (dashed) per iteration, log scale'));
    this.chart = new LiveChart(host, this.spec(0));
  }

  showTrace(trace: TraceData | undefined): void {
    if (!trace) {
      this.strips.replaceChildren(el('p', 'caption', 'No δ values yet.'));
      return;
    }
    // δ^(l) for l = 2 … L: the input layer has none.
    const rows = trace.delta.flatMap((delta, i) => (layerAt(i) >= 2 ? [this.strip(layerAt(i), delta, delta.length)] : []));
    this.strips.dataset['source'] = 'trace';
    this.strips.replaceChildren(...rows);
  }

  /** The stopped example's δ^(l) where backprop has reached layer l; the other layers say so. */
  showStop(example: DebugStopExample): void {
    const rows = example.delta.flatMap((delta, i) => {
      const l = layerAt(i);
      if (l < 2) return [];
      if (delta.length > 0) return [this.strip(l, delta, example.units[i] ?? delta.length)];
      const row = el('div', 'strip pending');
      row.dataset['layer'] = String(l);
      row.append(el('span', 'strip-label', `δ${sup(l)}`), el('span', 'strip-values', 'not computed yet: backpropagation has not reached this layer'));
      return [row];
    });
    this.strips.dataset['source'] = 'debug';
    this.strips.dataset['example'] = String(example.row + 1);
    this.strips.replaceChildren(el('p', 'caption', `Example ${example.row + 1}, where the debugger is stopped`), ...rows);
  }

  update(): void {
    const s = this.series;
    const layers = s.gradientNorm.length;
    if (layers !== this.layerCount) {
      this.layerCount = layers;
      this.chart.reconfigure(this.spec(layers));
    }
    this.chart.setData([s.iterations, ...s.meanAbsDelta.map(forLogScale), ...s.gradientNorm.map(forLogScale)] as never);
    // The iterations with a mean |δ| (for tests and the curious: the chart is a canvas).
    this.host.dataset['points'] = String((s.meanAbsDelta[0] ?? []).reduce((n: number, v) => (v === null ? n : n + 1), 0));
  }

  /** `units` is s_l (the vector sent may be cut short); a null entry is a non-finite value that crossed as JSON. */
  private strip(layer: number, delta: readonly (number | null)[], units: number): HTMLElement {
    const row = el('div', 'strip');
    row.dataset['layer'] = String(layer);
    const label = el('span', 'strip-label', `δ${sup(layer)}`);
    const shown = delta.slice(0, STRIP_UNITS).map((v) => (v === null ? NaN : v));
    const max = Math.max(1e-300, ...shown.filter(Number.isFinite).map(Math.abs));
    const cell = 10;
    const box = svg('svg', { width: shown.length * cell, height: 14, role: 'img', 'aria-label': `δ of layer ${layer}: ${shown.map((v) => formatNumber(v)).join(', ')}` });
    shown.forEach((v, k) => {
      const finite = Number.isFinite(v);
      const rect = svg('rect', { x: k * cell, y: 0, width: cell - 1, height: 14, class: !finite ? 'delta-nonfinite' : v >= 0 ? 'delta-pos' : 'delta-neg', 'fill-opacity': finite ? (0.15 + 0.85 * Math.abs(v) / max).toFixed(3) : '1' });
      const title = svg('title');
      title.textContent = `δ${sup(layer)}_${k + 1} = ${formatNumber(v)}`;
      rect.append(title);
      box.append(rect);
    });
    const values = el('span', 'strip-values', shown.length <= 6 ? shown.map((v) => formatNumber(v)).join('  ') : `max |δ| ${formatNumber(max)}${units > STRIP_UNITS ? ` · first ${STRIP_UNITS} of ${units}` : ''}`);
    row.append(label, box, values);
    return row;
  }

  /** One pair of series per Θ^(l), the series' columns at layerIndex(l): mean |δ^(l+1)| that feeds D^(l), and ‖D^(l)‖. */
  private spec(thetaLayers: number): ChartSpec {
    const series: SeriesSpec[] = [];
    for (let i = 0; i < thetaLayers; i++) series.push({ label: `mean |δ${sup(layerAt(i) + 1)}|`, color: PALETTE[i % PALETTE.length]!, scale: 'g' });
    for (let i = 0; i < thetaLayers; i++) series.push({ label: `‖D${sup(layerAt(i))}‖`, color: PALETTE[i % PALETTE.length]!, scale: 'g', dash: [5, 4] });
    return { title: 'Gradients', xLabel: 'iteration', series, scales: { g: { log: true, label: 'log scale' } }, height: 200 };
  }
}
