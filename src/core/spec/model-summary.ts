/**
 * A network's summary, as Keras' `summary()`: each layer's units and activation, the shape
 * of the Θ that feeds it, its parameter count, and the total.
 */
import { effectiveActivation, type LayerSpec } from './schema';

export interface LayerSummary {
  /** 1-based layer number l. */
  readonly layer: number;
  readonly units: number;
  readonly activation?: string;
  /** Θ^(l−1), s_l × (s_(l−1) + 1); absent for the input layer. */
  readonly theta?: { readonly rows: number; readonly cols: number; readonly parameters: number };
}

export function modelSummary(layers: readonly Pick<LayerSpec, 'units' | 'activation'>[]): { layers: LayerSummary[]; total: number } {
  const out: LayerSummary[] = [];
  let total = 0;
  layers.forEach((layer, l) => {
    const previous = layers[l - 1];
    const activation = effectiveActivation({ layers: layers as LayerSpec[] }, l);
    if (!previous) {
      out.push({ layer: 1, units: layer.units });
      return;
    }
    const rows = layer.units, cols = previous.units + 1;
    total += rows * cols;
    out.push({ layer: l + 1, units: layer.units, ...(activation ? { activation } : {}), theta: { rows, cols, parameters: rows * cols } });
  });
  return { layers: out, total };
}

/** The summary as a Markdown table (hovers, the inspector's text view). */
export function modelSummaryMarkdown(layers: readonly Pick<LayerSpec, 'units' | 'activation'>[]): string {
  const { layers: rows, total } = modelSummary(layers);
  const lines = ['| layer | units | activation | Θ feeding it | parameters |', '|---|---:|---|---|---:|'];
  for (const r of rows) {
    const theta = r.theta ? `Θ^(${r.layer - 1}): ${r.theta.rows} × ${r.theta.cols}` : '—';
    lines.push(`| ${r.layer}${r.layer === 1 ? ' (input)' : r.layer === rows.length ? ' (output)' : ''} | ${r.units} | ${r.activation ?? '—'} | ${theta} | ${r.theta ? r.theta.parameters.toLocaleString('en-US') : '—'} |`);
  }
  lines.push(`| **total** | | | | **${total.toLocaleString('en-US')}** |`);
  return lines.join('\n');
}
