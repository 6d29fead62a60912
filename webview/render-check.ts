import type { GradientCheckReport } from '../src/core/nn/gradient-check';

/** The gradient-check table: one row per Θ^(l). */
export function renderCheck(host: HTMLElement, report: GradientCheckReport): void {
  const table = document.createElement('table');
  table.className = 'check';
  const head = table.createTHead().insertRow();
  for (const h of ['layer', 'relative difference', 'max |diff|', 'worst (i, j)', 'verdict']) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const l of report.layers) {
    const row = body.insertRow();
    row.dataset['layer'] = String(l.layer);
    for (const text of [`Θ^(${l.layer})`, l.relativeDifference.toExponential(2), l.maxAbsDifference.toExponential(2), l.worst ? `(${l.worst.i}, ${l.worst.j})` : '–', l.passed ? 'pass' : 'FAIL']) {
      row.insertCell().textContent = text;
    }
    row.className = l.passed ? 'pass' : 'fail';
  }
  host.replaceChildren(table);
}
