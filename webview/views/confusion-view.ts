import type { ConfusionMatrix } from '../../src/protocol/inspector-data';
import { el } from '../dom';

/** The confusion matrix at the end of a run: rows are the actual classes, columns the predicted. */
export function renderConfusion(host: HTMLElement, matrix: ConfusionMatrix | undefined): void {
  if (!matrix) {
    host.replaceChildren(el('p', 'caption', 'Shown after training a classifier.'));
    return;
  }
  const table = el('table', 'confusion');
  const head = table.createTHead().insertRow();
  head.append(el('th', undefined, 'actual ↓ / predicted →'), ...matrix.classes.map((c) => el('th', undefined, c)));
  const max = Math.max(1, ...matrix.counts.flat());
  matrix.counts.forEach((row, a) => {
    const tr = table.insertRow();
    tr.append(el('th', undefined, matrix.classes[a]));
    row.forEach((n, p) => {
      const cell = tr.insertCell();
      cell.textContent = String(n);
      cell.className = a === p ? 'hit' : n > 0 ? 'miss' : '';
      // Shade by count through a CSS variable; the style attribute is set from script, which CSP allows.
      cell.style.setProperty('--share', (n / max).toFixed(3));
    });
  });
  host.replaceChildren(table);
}
