/**
 * The spec's outline (VS Code's Outline view and breadcrumbs): each top-level key, with
 * `layers` opened into its layers ("a^(2): 25 units · sigmoid") and each mapping (`train`,
 * `data`, `init`, `gradientCheck`) into its keys. Ranges are offsets into the text: `range`
 * spans key and value, `selectionRange` is the key (for a layer, its `units`). A broken or
 * half-typed spec gives whatever can be found; an unreadable one gives none.
 */
import type { OffsetRange } from '../diagnostic';
import { entryAt, editorTree } from './editor-tree';
import { layerEntries, type LayerEntry } from './layer-entries';
import { isPlainObject } from './reporter';
import { DEFAULT_ACTIVATION } from './schema';
import type { SourceTree } from './yaml-tree';

/** What a symbol holds: a mapping, a list, a layer of the network, or a single value. */
export type SpecSymbolKind = 'section' | 'list' | 'layer' | 'value';

export interface SpecSymbol {
  readonly name: string;
  /** A short summary shown beside the name (a value, a list's length, the architecture). */
  readonly detail?: string;
  readonly kind: SpecSymbolKind;
  /** The whole entry, key and value; holds `selectionRange`. */
  readonly range: OffsetRange;
  /** What the editor reveals and highlights: the key. */
  readonly selectionRange: OffsetRange;
  readonly children: readonly SpecSymbol[];
}

/** The longest value shown as a detail; a longer one is cut with an ellipsis. */
const MAX_DETAIL = 40;

export function specSymbols(text: string): SpecSymbol[] {
  const tree = editorTree(text);
  if (!tree || !isPlainObject(tree.value)) return [];
  const top = tree.value;
  return entrySymbols(tree, Object.keys(top), (key) => {
    const value = top[key];
    if (key === 'layers' && Array.isArray(value)) return { kind: 'list', ...layersOf(tree) };
    if (isPlainObject(value)) return { kind: 'section', children: entrySymbols(tree, Object.keys(value), (inner) => leafOf(value[inner]), key) };
    return leafOf(value);
  });
}

/** The name of a layer's symbol: a^(l), its units s_l and its activation g ("input" for l = 1). */
export function layerSymbolName(layer: Pick<LayerEntry, 'l' | 'units' | 'activation'>): string {
  const units = layer.units === undefined ? '? units' : `${layer.units} ${layer.units === 1 ? 'unit' : 'units'}`;
  const role = layer.l === 1 ? 'input' : (layer.activation ?? DEFAULT_ACTIVATION);
  return `a^(${layer.l}): ${units} · ${role}`;
}

type SymbolBody = Pick<SpecSymbol, 'kind'> & Partial<Pick<SpecSymbol, 'detail' | 'children'>>;

/** A symbol for each key of the mapping at `parent` (the top level when absent), in the text's order. */
function entrySymbols(tree: SourceTree, keys: readonly string[], body: (key: string) => SymbolBody, parent?: string): SpecSymbol[] {
  const out: SpecSymbol[] = [];
  for (const key of keys) {
    const at = entryAt(tree, parent === undefined ? [key] : [parent, key]);
    if (!at?.key) continue;
    const { kind, detail, children = [] } = body(key);
    out.push({
      // VS Code refuses a symbol with a blank name: an empty key shows as "".
      name: key.trim() === '' ? JSON.stringify(key) : key,
      ...(detail ? { detail } : {}),
      kind,
      range: [Math.min(at.key[0], at.value[0]), Math.max(at.key[1], at.value[1])],
      selectionRange: at.key,
      children,
    });
  }
  return out.sort((a, b) => a.selectionRange[0] - b.selectionRange[0]);
}

/** `layers`: a child per layer, and the architecture s_1-s_2-…-s_L as the detail when every s_l is known. */
function layersOf(tree: SourceTree): Pick<SpecSymbol, 'children'> & { detail?: string } {
  const layers = layerEntries(tree);
  const children = layers.map(
    (layer): SpecSymbol => ({ name: layerSymbolName(layer), kind: 'layer', range: layer.range, selectionRange: layer.unitsRange ?? layer.range, children: [] }),
  );
  const known = layers.length > 0 && layers.every((layer) => layer.units !== undefined);
  return { children, ...(known ? { detail: layers.map((layer) => layer.units).join('-') } : {}) };
}

/** A value's symbol body: lists say their length (rows may be thousands: never opened), scalars themselves. */
function leafOf(value: unknown): SymbolBody {
  if (Array.isArray(value)) return { kind: 'list', detail: `${value.length} ${value.length === 1 ? 'item' : 'items'}` };
  if (isPlainObject(value)) return { kind: 'section' };
  if (value === null || value === undefined) return { kind: 'value' };
  const shown = String(value).replace(/\s+/g, ' ').trim();
  return { kind: 'value', detail: shown.length > MAX_DETAIL ? `${shown.slice(0, MAX_DETAIL - 1)}…` : shown };
}
