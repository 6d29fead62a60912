import type { InspectionSnapshot } from '../../src/protocol/inspector-data';
import { el } from '../dom';
import { traceLines, unitStep } from '../logic/backprop-trace';
import { formatNumber, formatVector, sup } from '../logic/format';

const SECTION_TITLES = { forward: 'Forward propagation', backward: 'Backpropagation', gradient: 'Gradient contributions', unit: '' } as const;

/**
 * The backprop trace of the chosen example in the lecture's notation, numbers filled in; and
 * for a selected unit, the computational-graph step δ_j = g'(z_j) × Σ_i Θ_ij δ_i.
 */
export class TraceView {
  private selected: { layer: number; unit: number } | undefined;
  private readonly lines = el('div', 'trace-lines');
  private readonly unit = el('div', 'trace-unit');

  constructor(host: HTMLElement) {
    host.append(this.lines, this.unit);
  }

  selectUnit(layer: number, unit: number): void {
    this.selected = { layer, unit };
  }

  render(snapshot: InspectionSnapshot | undefined, activations: readonly (string | undefined)[]): void {
    const trace = snapshot?.trace;
    if (!trace) {
      this.lines.replaceChildren(el('p', 'caption', 'Open a trusted spec with data to see a trace.'));
      this.unit.replaceChildren();
      return;
    }
    const table = el('table', 'trace');
    let current = '';
    for (const line of traceLines(trace, activations)) {
      if (line.section !== current) {
        current = line.section;
        const head = table.insertRow().insertCell();
        head.colSpan = 2;
        head.className = 'trace-section';
        head.textContent = SECTION_TITLES[line.section];
      }
      const row = table.insertRow();
      row.insertCell().textContent = line.formula;
      row.insertCell().textContent = formatVector(line.values, 4);
    }
    this.lines.replaceChildren(table);
    this.renderUnit(snapshot, activations);
  }

  private renderUnit(snapshot: InspectionSnapshot, activations: readonly (string | undefined)[]): void {
    const s = this.selected && snapshot.trace ? unitStep(snapshot.trace, snapshot.sizes, activations, this.selected.layer, this.selected.unit, snapshot.theta) : undefined;
    if (!s) {
      this.unit.replaceChildren(el('p', 'caption', 'Select a unit of a hidden or output layer in the diagram (click, or Tab and Enter) to follow its gradient.'));
      return;
    }
    const j = s.unit, l = s.layer;
    const out: string[] = [`Unit ${j} of layer ${l}: z = ${formatNumber(s.z)}, a = ${formatNumber(s.a)}`];
    if (s.upstream !== undefined && s.local !== undefined) {
      out.push(`upstream gradient  Σᵢ Θ${sup(l)}ᵢ,${j} δᵢ${sup(l + 1)} = ${formatNumber(s.upstream)}`);
      out.push(`local gradient  g'(z${sup(l)}_${j}) = ${formatNumber(s.local)}`);
      out.push(`δ${sup(l)}_${j} = local × upstream = ${formatNumber(s.local)} × ${formatNumber(s.upstream)} = ${formatNumber(s.local * s.upstream)}  (backprop: ${formatNumber(s.delta)})`);
    } else if (s.local !== undefined) {
      out.push(`local gradient g'(z) = ${formatNumber(s.local)}; δ = ${formatNumber(s.delta)} (θ of this size is not sent, so the upstream sum is not shown)`);
    } else {
      out.push(`output unit: δ${sup(l)}_${j} = ${formatNumber(s.delta)}`);
    }
    for (const { k, value } of s.incoming) out.push(`∂J/∂Θ${sup(l - 1)}_${j},${k} = δ${sup(l)}_${j} · a${sup(l - 1)}_${k} = ${formatNumber(value)}`);
    this.unit.replaceChildren(...out.map((t) => el('div', undefined, t)));
  }
}
