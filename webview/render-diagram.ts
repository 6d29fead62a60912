import type { LayerSummary } from '../src/core/spec/model-summary';

const SVG = 'http://www.w3.org/2000/svg';
/** Wider layers are drawn compactly: the first units, an ellipsis, the count. */
export const MAX_DRAWN_UNITS = 32;

/** The layer diagram: one column per layer, units as circles, the bias unit drawn apart. */
export function renderDiagram(host: HTMLElement, layers: readonly LayerSummary[], total: number): void {
  const columnWidth = 120, unitGap = 22, top = 40;
  const tallest = Math.min(MAX_DRAWN_UNITS, Math.max(...layers.map((l) => l.units))) + 2;
  const width = columnWidth * layers.length, height = top + tallest * unitGap + 30;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Network ${layers.map((l) => l.units).join('-')}, ${total} parameters`);
  layers.forEach((layer, l) => {
    const x = columnWidth * l + columnWidth / 2;
    const drawn = Math.min(layer.units, MAX_DRAWN_UNITS);
    const column = document.createElementNS(SVG, 'g');
    column.setAttribute('class', 'layer');
    column.setAttribute('data-layer', String(layer.layer));
    column.setAttribute('data-units', String(layer.units));
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String(x));
    label.setAttribute('y', '16');
    label.setAttribute('text-anchor', 'middle');
    label.textContent = `${layer.layer === 1 ? 'input' : layer.activation ?? ''} (${layer.units})`;
    column.append(label);
    if (l < layers.length - 1) column.append(circle(x, top, 'bias', 'bias unit: a₀ = 1'));
    for (let u = 0; u < drawn; u++) column.append(circle(x, top + (u + 1) * unitGap, 'unit', `unit ${u + 1} of layer ${layer.layer}`));
    if (layer.units > drawn) {
      const more = document.createElementNS(SVG, 'text');
      more.setAttribute('x', String(x));
      more.setAttribute('y', String(top + (drawn + 1) * unitGap + 4));
      more.setAttribute('text-anchor', 'middle');
      more.textContent = `… ${layer.units} units`;
      column.append(more);
    }
    svg.append(column);
  });
  host.replaceChildren(svg);
}

function circle(x: number, y: number, kind: 'unit' | 'bias', title: string): SVGElement {
  const c = document.createElementNS(SVG, 'circle');
  c.setAttribute('cx', String(x));
  c.setAttribute('cy', String(y));
  c.setAttribute('r', '7');
  c.setAttribute('class', kind);
  const t = document.createElementNS(SVG, 'title');
  t.textContent = title;
  c.append(t);
  return c;
}
