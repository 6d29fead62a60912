import { el } from '../dom';
import { formatNumber } from '../logic/format';
import { forLogScale, type TrainingSeries } from '../../src/core/inspect/training-series';
import { LiveChart, type ChartSpec } from './live-chart';

/**
 * The cost curve: J on the training and validation sets per iteration, live, with a log-scale
 * toggle; accuracy beside it for classification.
 */
export class CostView {
  private readonly chart: LiveChart;
  private readonly caption = el('p', 'caption', 'Train the network to see its cost curve.');
  private readonly logToggle = el('vscode-checkbox') as HTMLElement & { checked: boolean };
  private classification = false;
  log: boolean;

  constructor(
    private readonly host: HTMLElement,
    private readonly series: TrainingSeries,
    log: boolean,
    private readonly onLogChange: (log: boolean) => void,
  ) {
    this.log = log;
    this.logToggle.setAttribute('label', 'Log scale');
    this.logToggle.checked = log;
    this.logToggle.addEventListener('change', () => {
      this.log = this.logToggle.checked;
      this.chart.reconfigure(this.spec());
      this.update();
      this.onLogChange(this.log);
    });
    const controls = el('div', 'controls');
    controls.append(this.logToggle);
    host.append(controls, this.caption);
    this.chart = new LiveChart(host, this.spec());
  }

  setClassification(classification: boolean): void {
    if (classification === this.classification) return;
    this.classification = classification;
    this.chart.reconfigure(this.spec());
    this.update();
  }

  /** Whether a run is drawing live (between its first progress and its end). */
  get live(): boolean {
    return this.host.dataset['status'] === 'training';
  }

  /** The series holds a finished run the host kept: said with its date, and whether it was cut short. */
  showLastRun(finishedAt: string, partial: boolean, reason: string): void {
    const when = new Date(finishedAt);
    const date = Number.isNaN(when.getTime()) ? finishedAt : when.toLocaleString();
    this.host.dataset['lastRun'] = finishedAt;
    this.host.dataset['partial'] = String(partial);
    this.update(`last run, ${date}: ${partial ? `partial, ${reason}` : reason}`);
  }

  /** Redraws from the series (coalesced per frame by the chart). */
  update(status?: string): void {
    if (status === 'training') {
      delete this.host.dataset['lastRun'];
      delete this.host.dataset['partial'];
    }
    const s = this.series;
    const J = this.log ? forLogScale : (c: (number | null)[]) => c;
    const data = [s.iterations, J(s.train), J(s.validation), ...(this.classification ? [s.trainAccuracy, s.validationAccuracy] : [])];
    this.chart.setData(data as never);
    const { first, last } = s.ends();
    this.host.dataset['points'] = String(s.length);
    if (status) this.host.dataset['status'] = status;
    if (first !== undefined) this.host.dataset['first'] = String(first);
    else delete this.host.dataset['first'];
    if (last !== undefined) this.host.dataset['last'] = String(last);
    else delete this.host.dataset['last'];
    if (s.length === 0) return;
    const it = s.iterations.at(-1)!;
    const acc = this.classification ? s.trainAccuracy.at(-1) : null;
    const val = s.validation.at(-1);
    this.caption.textContent = `iteration ${it}: J = ${formatNumber(last)}${val != null ? `, J_val = ${formatNumber(val)}` : ''}${acc != null ? `, accuracy ${(100 * acc).toFixed(1)} %` : ''}${status ? ` (${status})` : ''}`;
  }

  private spec(): ChartSpec {
    return {
      title: 'Cost',
      xLabel: 'iteration',
      series: [
        { label: 'J (training)', color: '--vscode-charts-blue', scale: 'J' },
        { label: 'J (validation)', color: '--vscode-charts-orange', scale: 'J', dash: [6, 4] },
        ...(this.classification
          ? [
              { label: 'accuracy (training)', color: '--vscode-charts-green', scale: 'acc' },
              { label: 'accuracy (validation)', color: '--vscode-charts-purple', scale: 'acc', dash: [6, 4] },
            ]
          : []),
      ],
      scales: { J: { log: this.log, label: this.log ? 'J (log)' : 'J' }, ...(this.classification ? { acc: { log: false, label: 'accuracy', side: 'right' as const } } : {}) },
      height: 220,
    };
  }
}
