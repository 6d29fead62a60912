import uPlot from 'uplot';
import { el, themeColor } from '../dom';

export interface SeriesSpec {
  readonly label: string;
  /** A theme variable for the stroke, e.g. --vscode-charts-blue. */
  readonly color: string;
  readonly dash?: number[];
  readonly scale?: string;
}

export interface ChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly series: readonly SeriesSpec[];
  /** Scales besides x: their key and whether they are logarithmic. */
  readonly scales: Readonly<Record<string, { readonly log: boolean; readonly label: string; readonly side?: 'left' | 'right' }>>;
  readonly height?: number;
}

/**
 * A uPlot chart for live series: data updates are coalesced to one redraw per animation
 * frame, the width follows the container, and the chart is rebuilt (not patched) when the
 * scales or the theme change, since uPlot fixes both at construction.
 */
export class LiveChart {
  private plot: uPlot | undefined;
  private data: uPlot.AlignedData = [[]];
  private scheduled = false;
  private spec: ChartSpec;
  readonly root = el('div', 'chart');

  constructor(host: HTMLElement, spec: ChartSpec) {
    this.spec = spec;
    host.append(this.root);
    new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: this.height() })).observe(this.root);
    // VS Code swaps the body's theme class (vscode-light, -dark, -high-contrast): take the new colours.
    new MutationObserver(() => this.plot && this.rebuild()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  /** New series or scales (log toggle, another number of layers): rebuilds the chart. */
  reconfigure(spec: ChartSpec): void {
    this.spec = spec;
    this.rebuild();
  }

  rebuild(): void {
    this.plot?.destroy();
    const fg = themeColor('--vscode-foreground', '#888');
    const grid = themeColor('--vscode-editorWidget-border', 'rgba(128,128,128,0.25)');
    const axis = (scale: string, label: string, side: 0 | 1 | 2 | 3): uPlot.Axis => ({ scale, label, side, stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } });
    const scales: uPlot.Scales = { x: { time: false } };
    const axes: uPlot.Axis[] = [axis('x', this.spec.xLabel, 2)];
    for (const [key, s] of Object.entries(this.spec.scales)) {
      scales[key] = s.log ? { distr: 3, log: 10 } : { auto: true };
      axes.push({ ...axis(key, s.label, s.side === 'right' ? 1 : 3), ...(s.side === 'right' ? { grid: { show: false } } : {}) });
    }
    const series: uPlot.Series[] = [
      {},
      ...this.spec.series.map((s) => ({ label: s.label, stroke: themeColor(s.color, fg), width: 1.5, scale: s.scale ?? 'y', spanGaps: true, points: { show: false }, ...(s.dash ? { dash: s.dash } : {}) })),
    ];
    const opts: uPlot.Options = { width: this.width(), height: this.height(), scales, axes, series, legend: { show: true, live: false }, cursor: { drag: { x: false, y: false } } };
    this.plot = new uPlot(opts, this.fit(this.data), this.root);
  }

  /** Replaces the data; drawn on the next animation frame. */
  setData(data: uPlot.AlignedData): void {
    this.data = data;
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      if (!this.plot) this.rebuild();
      else this.plot.setData(this.fit(this.data));
    });
  }

  /** uPlot wants as many columns as series. */
  private fit(data: uPlot.AlignedData): uPlot.AlignedData {
    const n = this.spec.series.length + 1;
    const x = data[0] ?? [];
    return Array.from({ length: n }, (_, k) => data[k] ?? new Array<null>(x.length).fill(null)) as uPlot.AlignedData;
  }

  private width(): number {
    return Math.max(240, this.root.clientWidth || 480);
  }

  private height(): number {
    return this.spec.height ?? 200;
  }
}
