/**
 * Where the parts of a spec are in its text, for editor features that point at them (code
 * lenses above `layers:`, a gradient-check verdict on each layer entry, a divergence on
 * `learningRate`). Tolerant: a half-written spec yields whatever parts can be found.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { OffsetRange } from '../diagnostic';
import { parseYaml } from './yaml-parse';

export interface SpecOutline {
  /** The `layers` key. */
  readonly layersKey?: OffsetRange;
  /** Each entry of `layers`, in order (index 0 = the input layer). */
  readonly layers: readonly OffsetRange[];
  /** Keys by dotted path (`init`, `train.learningRate`, `train.optimizer`, `lambda`, …), key and value ranges. */
  readonly keys: ReadonlyMap<string, { readonly key: OffsetRange; readonly value?: OffsetRange }>;
  /** Each inline row of `data.rows`, in order (the debugger's example frames point at them). */
  readonly dataRows: readonly OffsetRange[];
}

export function outlineSpec(text: string): SpecOutline {
  const keys = new Map<string, { key: OffsetRange; value?: OffsetRange }>();
  const layers: OffsetRange[] = [];
  const dataRows: OffsetRange[] = [];
  let layersKey: OffsetRange | undefined;
  try {
    // A text nested too deep has no outline (validation says where), and is never composed.
    const { doc } = parseYaml(text);
    if (!doc || !isMap(doc.contents)) return { layers, keys, dataRows };
    for (const pair of doc.contents.items) {
      const name = keyName(pair);
      const keyRange = rangeOf(pair.key as Node | null);
      if (name === undefined || !keyRange) continue;
      const valueRange = rangeOf(pair.value as Node | null);
      keys.set(name, { key: keyRange, ...(valueRange ? { value: valueRange } : {}) });
      if (name === 'layers') {
        layersKey = keyRange;
        if (isSeq(pair.value)) for (const item of pair.value.items) layers.push(rangeOf(item as Node) ?? keyRange);
      } else if (isMap(pair.value)) {
        for (const inner of pair.value.items) {
          const innerName = keyName(inner);
          const innerKey = rangeOf(inner.key as Node | null);
          if (innerName === undefined || !innerKey) continue;
          const innerValue = rangeOf(inner.value as Node | null);
          keys.set(`${name}.${innerName}`, { key: innerKey, ...(innerValue ? { value: innerValue } : {}) });
          if (name === 'data' && innerName === 'rows' && isSeq(inner.value)) for (const row of inner.value.items) dataRows.push(rangeOf(row as Node) ?? innerKey);
        }
      }
    }
  } catch {
    // A text the parser cannot take has no outline; validation reports why.
  }
  return { ...(layersKey ? { layersKey } : {}), layers, keys, dataRows };
}

function keyName(pair: Pair<unknown, unknown>): string | undefined {
  if (!isPair(pair) || !isScalar(pair.key)) return undefined;
  return String(pair.key.value);
}

function rangeOf(node: Node | null | undefined): OffsetRange | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}
