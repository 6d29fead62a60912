/**
 * Each entry of `layers` as written, for the outline and the Θ inlay hints: where it is and
 * what it says, read even when the rest of the spec is broken.
 */
import type { OffsetRange } from '../diagnostic';
import { layerAt } from '../nn/layer-numbering';
import { entryAt } from './editor-tree';
import { parseField } from './field-value';
import { isPlainObject } from './reporter';
import { layerSchema } from './schema';
import type { SourceTree } from './yaml-tree';

export interface LayerEntry {
  /** The layer number l = 1 … L (1 is the input layer). */
  readonly l: number;
  /** The entry's value (after `- `). */
  readonly range: OffsetRange;
  /** `units: …` from key to value, when written inside the entry (not reached through an alias). */
  readonly unitsRange?: OffsetRange;
  /** s_l, when `units` is a whole number ≥ 1. */
  readonly units?: number;
  /** The activation as written, misspelt or not (validation says which); undefined when none is written. */
  readonly activation?: string;
}

export function layerEntries(tree: SourceTree): LayerEntry[] {
  const spec = tree.value;
  const layers = isPlainObject(spec) ? spec['layers'] : undefined;
  if (!Array.isArray(layers)) return [];
  const out: LayerEntry[] = [];
  layers.forEach((layer: unknown, index) => {
    const at = entryAt(tree, ['layers', index]);
    if (!at) return;
    const fields = isPlainObject(layer) ? layer : {};
    const units = parseField(layerSchema.shape.units, fields['units'])?.value;
    const activation = typeof fields['activation'] === 'string' ? fields['activation'] : undefined;
    const unitsAt = entryAt(tree, ['layers', index, 'units']);
    const unitsRange: OffsetRange | undefined = unitsAt?.key ? [unitsAt.key[0], unitsAt.value[1]] : undefined;
    const inside = unitsRange && unitsRange[0] >= at.value[0] && unitsRange[1] <= at.value[1];
    out.push({
      l: layerAt(index),
      range: at.value,
      ...(inside ? { unitsRange } : {}),
      ...(units !== undefined ? { units } : {}),
      ...(activation !== undefined ? { activation } : {}),
    });
  });
  return out;
}
