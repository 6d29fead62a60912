/**
 * The `data.csv` path of a spec, as a link: where it is written and the path the validator
 * reads (YAML escapes resolved). Resolving it against the spec's folder is the node edge's
 * (src/data/resolve-data-path.ts), as for validation.
 */
import type { OffsetRange } from '../diagnostic';
import { entryAt, editorTree } from './editor-tree';
import { isPlainObject } from './reporter';

export interface DataFileLink {
  /** The path as written, inside its quotes if it has any. */
  readonly range: OffsetRange;
  /** The path as the spec means it, relative to the spec's folder unless absolute. */
  readonly path: string;
}

export function dataFileLink(text: string): DataFileLink | undefined {
  const tree = editorTree(text);
  if (!tree) return undefined;
  const data = isPlainObject(tree.value) ? tree.value['data'] : undefined;
  const csv = isPlainObject(data) ? data['csv'] : undefined;
  // An empty or non-text path is validation's to report; there is nothing to open.
  if (typeof csv !== 'string' || csv.trim() === '') return undefined;
  const at = entryAt(tree, ['data', 'csv']);
  if (!at) return undefined;
  return { range: unquoted(text, at.value), path: csv };
}

/** A quoted scalar's range without its quotes. */
function unquoted(text: string, [start, end]: OffsetRange): OffsetRange {
  const first = text[start], last = text[end - 1];
  const quoted = end - start >= 2 && (first === '"' || first === "'") && last === first;
  return quoted ? [start + 1, end - 1] : [start, end];
}
