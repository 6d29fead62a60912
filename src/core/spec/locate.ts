/**
 * What is at an offset of a spec, for hovers and completions: the innermost key or value
 * there and its path from the root, plus the documentation the schema gives that path.
 */
import type { OffsetRange } from '../diagnostic';
import { isPlainObject } from './reporter';
import { allowedNames, DATA_SOURCE_KEYS, describeType, fieldAt, keysAt, type DataSourceKey } from './schema-walk';
import { parseSourceTree, type Path, type SourceTree } from './yaml-tree';

export interface SpecLocation {
  readonly path: Path;
  /** Whether the offset is on the entry's key or on its value. */
  readonly on: 'key' | 'value';
  readonly range: OffsetRange;
}

/**
 * The innermost key or value whose range holds `offset` (ends included, so a cursor just
 * after a word still finds it), or undefined between entries.
 */
export function locateAt(tree: SourceTree, offset: number): SpecLocation | undefined {
  let best: SpecLocation | undefined;
  const consider = (candidate: SpecLocation): void => {
    const [s, e] = candidate.range;
    if (offset < s || offset > e) return;
    const width = e - s;
    const bestWidth = best ? best.range[1] - best.range[0] : Infinity;
    if (width < bestWidth || (width === bestWidth && best && candidate.path.length > best.path.length)) best = candidate;
  };
  for (const entry of tree.entries.values()) {
    if (entry.key) consider({ path: entry.path, on: 'key', range: entry.key });
    if (entry.path.length > 0) consider({ path: entry.path, on: 'value', range: entry.value });
  }
  return best;
}

/** locateAt for a text (parses it; callers with a tree at hand should use locateAt). */
export function locateInText(text: string, offset: number): SpecLocation | undefined {
  return locateAt(parseSourceTree(text), offset);
}

/** Which data source a spec value uses (`rows`, `csv` or `generate`), if any. */
export function dataSourceOf(spec: unknown): DataSourceKey | undefined {
  const data = isPlainObject(spec) ? spec['data'] : undefined;
  return isPlainObject(data) ? DATA_SOURCE_KEYS.find((k) => Object.hasOwn(data, k)) : undefined;
}

/** The documentation of one key of the format, as the schema declares it. */
export interface KeyDoc {
  readonly path: Path;
  readonly description?: string;
  /** The type in words: "a whole number ≥ 1", "one of: sigmoid, tanh, …". */
  readonly type: string;
  /** True when the key must be written. */
  readonly required: boolean;
  readonly hasDefault: boolean;
  readonly defaultValue?: unknown;
  /** For enums and literals: the names allowed (completion items). */
  readonly allowed: readonly string[];
  /** For mappings: the keys allowed inside (completion items). */
  readonly keys: readonly string[];
}

/** The documentation of `path`, or undefined when the format has no such key. */
export function docAt(path: Path, source?: DataSourceKey): KeyDoc | undefined {
  const field = fieldAt(path, source);
  if (!field) return undefined;
  return {
    path,
    ...(field.description !== undefined && { description: field.description }),
    type: describeType(field.schema),
    required: !field.optional,
    hasDefault: field.hasDefault,
    ...(field.hasDefault && { defaultValue: field.defaultValue }),
    allowed: allowedNames(field.schema),
    keys: keysAt(path, source),
  };
}
