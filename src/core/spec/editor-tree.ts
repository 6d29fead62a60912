/**
 * The source tree the editor's outline, links and inlay hints read: the validator's own
 * reading of the text (yaml-tree.ts), so they see the values validation sees, aliases and
 * all. Editor features run on every edit and must never fail: a text over the validator's
 * length limit is not parsed (validation says why), and nothing here throws.
 */
import { DEFAULT_MAX_SPEC_LENGTH } from './validate';
import { parseSourceTree, pathKey, type Path, type SourceEntry, type SourceTree } from './yaml-tree';

/** The tree of `text`, or undefined when the text is too long to parse on every edit. */
export function editorTree(text: string): SourceTree | undefined {
  if (text.length > DEFAULT_MAX_SPEC_LENGTH) return undefined;
  try {
    return parseSourceTree(text);
  } catch {
    // A bug of the parser is no reason to break the editor; validation reports it.
    return undefined;
  }
}

/** The entry (key and value ranges) at `path`, if the text has one. */
export function entryAt(tree: SourceTree, path: Path): SourceEntry | undefined {
  return tree.entries.get(pathKey(path));
}
