import type { InspectionSnapshot } from '../../src/protocol/inspector-data';
import type { SymmetricLayer } from '../../src/protocol/inspector-data';
import type { LayerSummary } from '../../src/protocol/inspector-data';
import { svg } from '../dom';
import { diagramEdges, layoutDiagram, type DiagramLayout, type EdgeLayout, type UnitNode } from '../logic/diagram-layout';
import { edgeStyle, maxAbsAt } from '../logic/edge-style';
import { formatNumber, sup } from '../logic/format';
import type { Tooltip } from './tooltip';

const RADIUS = 7;

/**
 * The layer diagram: one column per layer, units as circles, the bias unit apart; edges
 * coloured by the sign of Θ and thickened by |Θ| once weights are known. Hover a unit for
 * its a, z and δ on the selected example, an edge for Θ_ij and D_ij; click (or Enter on) a
 * unit to walk through its backprop step.
 */
export class DiagramView {
  private sizes: number[] = [];
  private layers: readonly LayerSummary[] = [];
  private edges: EdgeLayout[] = [];
  private edgeNodes: SVGLineElement[] = [];
  private unitNodes = new Map<string, SVGCircleElement>();
  private snapshot: InspectionSnapshot | undefined;
  private stopLayer: number | undefined;
  private readonly root = svg('svg', { role: 'group', class: 'diagram-svg' });

  constructor(
    host: HTMLElement,
    private readonly tooltip: Tooltip,
    private readonly onSelectUnit: (layer: number, unit: number) => void,
  ) {
    host.append(this.root);
    this.root.addEventListener('pointermove', (e) => this.hover(e));
    this.root.addEventListener('pointerleave', () => this.tooltip.hide());
    this.root.addEventListener('click', (e) => this.select(e.target));
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') this.select(e.target);
    });
    this.root.addEventListener('focusin', (e) => this.hover(e));
  }

  get drawnSizes(): readonly number[] {
    return this.sizes;
  }

  /** Re-draws the columns for a (valid) spec; keeps the weights if the shapes did not change. */
  render(layers: readonly LayerSummary[], total: number): void {
    const sizes = layers.map((l) => l.units);
    this.layers = layers;
    this.sizes = sizes;
    const layout = layoutDiagram(sizes);
    this.root.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
    this.root.setAttribute('aria-label', `Network ${sizes.join('-')}, ${total} parameters`);
    this.root.style.maxWidth = `${layout.width * 1.4}px`;
    this.edges = diagramEdges(layout, sizes);
    const edgeGroup = svg('g', { class: 'edges' });
    this.edgeNodes = this.edges.map((e, k) => {
      const line = svg('line', { x1: e.from.x + RADIUS, y1: e.from.y, x2: e.to.x - RADIUS, y2: e.to.y, class: 'edge unknown', 'data-edge': k });
      edgeGroup.append(line);
      return line;
    });
    this.root.replaceChildren(edgeGroup, ...this.columns(layout));
    if (this.snapshot) this.applySnapshot(this.snapshot);
    this.markStop(this.stopLayer);
  }

  /** Styles the edges by the snapshot's θ (or per-layer |Θ| for large networks). */
  applySnapshot(snapshot: InspectionSnapshot | undefined): void {
    this.snapshot = snapshot;
    const fits = snapshot !== undefined && snapshot.sizes.length === this.sizes.length && snapshot.sizes.every((s, k) => s === this.sizes[k]);
    const theta = fits ? snapshot.theta : undefined;
    const max = theta ? maxAbsAt(theta, this.edges.map((e) => e.index)) : Math.max(0, ...(fits ? snapshot.layers.map((l) => l.meanAbs) : []));
    this.edges.forEach((e, k) => {
      const value = theta ? theta[e.index] : fits ? snapshot.layers[e.layer - 1]?.meanAbs : undefined;
      const style = edgeStyle(value, max);
      const line = this.edgeNodes[k]!;
      line.setAttribute('class', `edge ${theta ? style.sign : fits ? 'summary' : 'unknown'}`);
      // Without θ, all edges of a layer share its mean |Θ|: keep them hairlines, a layer's weight shown by relative thickness.
      line.setAttribute('stroke-width', (theta ? style.width : 0.3 + style.width / 4).toFixed(2));
    });
    this.root.dataset['weights'] = theta ? 'theta' : fits ? 'summary' : 'none';
    this.highlightSymmetry(fits ? (snapshot.symmetry ?? []) : []);
  }

  /** Marks the layer a debug session is stopped at (undefined: none), as the editor marks its line. */
  markStop(layer: number | undefined): void {
    this.stopLayer = layer;
    for (const g of this.root.querySelectorAll('g.layer')) {
      const current = layer !== undefined && g.getAttribute('data-layer') === String(layer);
      g.classList.toggle('debug-current', current);
      if (current) g.setAttribute('aria-current', 'step');
      else g.removeAttribute('aria-current');
    }
  }

  /** Marks hidden units that are interchangeable (identical incoming weights, e.g. after zeros). */
  highlightSymmetry(symmetry: readonly SymmetricLayer[]): void {
    for (const node of this.unitNodes.values()) node.classList.remove('symmetric');
    for (const s of symmetry) for (const group of s.groups) for (const unit of group) this.unitNodes.get(`${s.layer}:${unit}`)?.classList.add('symmetric');
  }

  private columns(layout: DiagramLayout): SVGGElement[] {
    this.unitNodes.clear();
    return layout.columns.map((c) => {
      const summary = this.layers[c.layer - 1];
      const g = svg('g', { class: 'layer', 'data-layer': c.layer, 'data-units': c.units });
      const label = svg('text', { x: c.x, y: 14, 'text-anchor': 'middle', class: 'layer-label' });
      label.textContent = `${c.layer === 1 ? 'input' : c.layer === layout.columns.length ? 'output' : 'hidden'} a${sup(c.layer)}`;
      const sub = svg('text', { x: c.x, y: 28, 'text-anchor': 'middle', class: 'layer-sub' });
      sub.textContent = `${c.units} unit${c.units === 1 ? '' : 's'}${summary?.activation ? ` · ${summary.activation}` : ''}`;
      g.append(label, sub);
      if (c.bias) g.append(this.unit(c.bias, c.layer, 'bias', `bias unit a₀${sup(c.layer)} = 1`));
      for (const node of c.nodes) g.append(this.unit(node, c.layer, 'unit', `unit a${node.unit}${sup(c.layer)}`));
      if (c.ellipsis) {
        const more = svg('text', { x: c.x, y: c.ellipsis.y + 4, 'text-anchor': 'middle', class: 'ellipsis' });
        more.textContent = `⋮ +${c.ellipsis.hidden} (${c.units})`;
        g.append(more);
      }
      return g;
    });
  }

  private unit(node: UnitNode, layer: number, kind: 'unit' | 'bias', label: string): SVGCircleElement {
    const c = svg('circle', { cx: node.x, cy: node.y, r: RADIUS, class: kind, 'data-layer': layer, 'data-unit': node.unit, 'aria-label': label });
    if (kind === 'unit') {
      c.setAttribute('tabindex', '0');
      c.setAttribute('role', 'button');
      this.unitNodes.set(`${layer}:${node.unit}`, c);
    }
    return c;
  }

  private select(target: EventTarget | null): void {
    const t = target as SVGElement | null;
    const layer = Number(t?.getAttribute?.('data-layer')), unit = Number(t?.getAttribute?.('data-unit'));
    if (t?.classList?.contains('unit') && layer >= 2) this.onSelectUnit(layer, unit);
  }

  private hover(event: Event): void {
    const t = event.target as SVGElement;
    const point = event instanceof PointerEvent ? { x: event.clientX, y: event.clientY } : rectPoint(t);
    const lines = t.classList.contains('edge') ? this.edgeLines(Number(t.getAttribute('data-edge'))) : t.tagName === 'circle' ? this.unitLines(t) : undefined;
    if (lines) this.tooltip.show(lines, point.x, point.y);
    else this.tooltip.hide();
  }

  private unitLines(t: SVGElement): string[] {
    const layer = Number(t.getAttribute('data-layer')), unit = Number(t.getAttribute('data-unit'));
    if (unit === 0) return [`bias unit a₀${sup(layer)} = 1`];
    const trace = this.snapshot?.trace;
    const lines = [`unit ${unit} of layer ${layer}`];
    if (!trace || trace.a.length !== this.sizes.length) return [...lines, 'no trace yet'];
    lines.push(`example ${trace.example + 1}`);
    if (layer > 1) lines.push(`z${sup(layer)}_${unit} = ${formatNumber(trace.z[layer - 1]?.[unit - 1])}`);
    lines.push(`a${sup(layer)}_${unit} = ${formatNumber(trace.a[layer - 1]?.[unit - 1])}`);
    if (layer > 1) lines.push(`δ${sup(layer)}_${unit} = ${formatNumber(trace.delta[layer - 1]?.[unit - 1])}`);
    return lines;
  }

  private edgeLines(k: number): string[] | undefined {
    const e = this.edges[k];
    if (!e) return undefined;
    const name = `Θ${sup(e.layer)}_${e.i},${e.j}`;
    const s = this.snapshot;
    const lines = [`${name}: unit ${e.j === 0 ? 'bias' : e.j} of layer ${e.layer} → unit ${e.i} of layer ${e.layer + 1}`];
    if (!s?.theta) return [...lines, s ? `mean |Θ${sup(e.layer)}| = ${formatNumber(s.layers[e.layer - 1]?.meanAbs)}` : 'no weights yet'];
    lines.push(`${name} = ${formatNumber(s.theta[e.index])}`, `D${sup(e.layer)}_${e.i},${e.j} = ∂J/∂Θ = ${formatNumber(s.gradient?.[e.index])}`);
    const t = s.trace;
    if (t) {
      const aj = e.j === 0 ? 1 : t.a[e.layer - 1]?.[e.j - 1];
      const di = t.delta[e.layer]?.[e.i - 1];
      if (aj !== undefined && di !== undefined) lines.push(`this example: δ${sup(e.layer + 1)}_${e.i} · a${sup(e.layer)}_${e.j} = ${formatNumber(di * aj)}`);
    }
    return lines;
  }
}

function rectPoint(t: Element): { x: number; y: number } {
  const r = t.getBoundingClientRect();
  return { x: r.right, y: r.top };
}
