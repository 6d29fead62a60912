import type { InitComparisonRun } from '../../src/protocol/worker-protocol';
import { el } from '../dom';
import { formatNumber } from '../logic/format';
import { forLogScale } from '../../src/core/inspect/training-series';
import { LiveChart } from './live-chart';

const PALETTE = ['--vscode-charts-blue', '--vscode-charts-red', '--vscode-charts-green', '--vscode-charts-orange', '--vscode-charts-purple', '--vscode-charts-yellow'];

/** The initialisation comparison: each strategy's cost curve overlaid (log scale), with a note on symmetric runs. */
export class CompareView {
  private chart: LiveChart | undefined;
  private readonly notes = el('ul', 'notes');

  constructor(private readonly host: HTMLElement) {}

  show(runs: readonly InitComparisonRun[]): void {
    if (!this.chart) {
      this.host.append(this.notes);
      this.chart = new LiveChart(this.host, { title: '', xLabel: 'iteration', series: [], scales: { J: { log: true, label: 'J (log)' } } });
    }
    const length = Math.max(0, ...runs.map((r) => r.costHistory.length));
    this.chart.reconfigure({
      title: 'Initialisation',
      xLabel: 'iteration',
      series: runs.map((r, k) => ({ label: r.strategy, color: PALETTE[k % PALETTE.length]!, scale: 'J' })),
      scales: { J: { log: true, label: 'J (log)' } },
      height: 220,
    });
    const x = Array.from({ length }, (_, k) => k);
    this.chart.setData([x, ...runs.map((r) => forLogScale(x.map((k) => r.costHistory[k] ?? null)))] as never);
    this.notes.replaceChildren(
      ...runs.map((r) => {
        const symmetric = r.symmetry.length > 0 ? ` — symmetric hidden units stayed identical (${r.symmetry.map((s) => `layer ${s.layer}`).join(', ')}), highlighted in the diagram` : '';
        return el('li', r.symmetry.length > 0 ? 'warn' : undefined, `${r.strategy}: J ${formatNumber(r.costHistory[0])} → ${formatNumber(r.finalCost)}${r.trainAccuracy !== undefined ? `, accuracy ${(100 * r.trainAccuracy).toFixed(1)} %` : ''}${symmetric}`);
      }),
    );
    this.host.dataset['runs'] = String(runs.length);
  }
}
