import type { GradientCheckReport } from '../../src/protocol/inspector-data';
import { el } from '../dom';
import { formatNumber, sup } from '../logic/format';

/**
 * The gradient-check table: one row per Θ^(l) with the relative difference, the largest
 * absolute difference, the worst parameter and the verdict. Choosing a row (click, Enter)
 * reveals the layer Θ^(l) feeds (layer l + 1) in the spec.
 */
export function renderCheck(host: HTMLElement, report: GradientCheckReport, reveal: (layer: number) => void): void {
  const table = el('table', 'check');
  const head = table.createTHead().insertRow();
  for (const h of ['Θ', 'relative difference', 'max |num − bp|', 'worst (i, j)', 'verdict']) head.append(el('th', undefined, h));
  const body = table.createTBody();
  for (const l of report.layers) {
    const row = body.insertRow();
    row.dataset['layer'] = String(l.layer);
    row.tabIndex = 0;
    row.title = `Show layer ${l.layer + 1} (fed by Θ${sup(l.layer)}) in the spec`;
    const worst = l.worst ? `(${l.worst.i}, ${l.worst.j})` : '–';
    for (const text of [`Θ${sup(l.layer)}`, formatNumber(l.relativeDifference), formatNumber(l.maxAbsDifference), worst, l.passed ? 'pass' : 'FAIL']) row.insertCell().textContent = text;
    if (l.note) row.cells[4]!.title = l.note;
    row.className = l.passed ? 'pass' : 'fail';
    row.addEventListener('click', () => reveal(l.layer + 1));
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') reveal(l.layer + 1);
    });
  }
  const caption = el('p', 'caption', `${report.passed ? 'Passed' : report.cancelled ? 'Cancelled' : 'FAILED'}: ε = ${report.epsilon}, tolerance ${report.tolerance}, ${report.examples} examples${report.samplesPerLayer ? `, ${report.samplesPerLayer} sampled parameters per layer` : ''}.`);
  host.replaceChildren(caption, table);
}
