/**
 * The inlay hint on each layer's line after the first: the matrix that produces the layer.
 * In the lecture's numbering Θ^(l) maps layer l to layer l + 1 and has s_(l+1) rows and
 * s_l + 1 columns (the bias column), so the line of layer l + 1 shows Θ^(l), as the hover's
 * model summary does ("Θ feeding it").
 */
import { editorTree } from './editor-tree';
import { layerEntries, type LayerEntry } from './layer-entries';
import { groupDigits } from './parameters';

export interface ThetaHint {
  /** The l of Θ^(l): the hint sits on the line of layer l + 1. */
  readonly l: number;
  /** Where the hint goes: the end of the layer's line (offset into the text). */
  readonly offset: number;
  /** "Θ^(1) 25×401 · 10,025 params". */
  readonly label: string;
  /** The same in words, with the numbers it comes from. */
  readonly tooltip: string;
}

/** The hints of a spec's text: one per layer after the first whose s_l and s_(l+1) are both known. */
export function thetaHints(text: string): ThetaHint[] {
  const tree = editorTree(text);
  if (!tree) return [];
  const layers = layerEntries(tree);
  const out: ThetaHint[] = [];
  for (let k = 1; k < layers.length; k++) {
    const from = layers[k - 1]!, to = layers[k]!;
    if (from.units === undefined || to.units === undefined) continue;
    out.push({ ...thetaText(from.l, from.units, to.units), l: from.l, offset: hintOffset(text, to, layers[k + 1]) });
  }
  return out;
}

/** The label and tooltip of Θ^(l), which maps s_l units (plus the bias unit) to s_(l+1). */
export function thetaText(l: number, sl: number, slNext: number): Pick<ThetaHint, 'label' | 'tooltip'> {
  const rows = BigInt(slNext), cols = BigInt(sl) + 1n;
  const params = groupDigits(rows * cols);
  return {
    label: `Θ^(${l}) ${rows}×${cols} · ${params} params`,
    tooltip: `Θ^(${l}) maps layer ${l} (${unitsOf(sl)} and the bias unit) to layer ${l + 1} (${unitsOf(slNext)}): s_${l + 1} × (s_${l} + 1) = ${rows} × ${cols} = ${params} parameters.`,
  };
}

function unitsOf(s: number): string {
  return `${s} ${s === 1 ? 'unit' : 'units'}`;
}

/**
 * The end of the line the layer's entry starts on, comments included; when the next layer
 * starts on that same line (`layers: [{units: 2}, {units: 1}]`), right after the entry instead.
 */
function hintOffset(text: string, layer: LayerEntry, next: LayerEntry | undefined): number {
  let end = layer.range[0];
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return next && next.range[0] < end ? layer.range[1] : end;
}
