/**
 * How deeply YAML nests, read from the yaml package's CST (its parser's tree) before it is
 * composed into a document: the composer recurses once or more per level, and so does every
 * walk of the document (yaml-tree.ts, the package's own `visit`), so a text nesting thousands
 * of levels deep must be refused before either runs.
 *
 * The depth of a node is the number of collections it is in, itself included if it is one:
 * block and flow mappings and sequences, keys as well as values, and the one-pair mapping the
 * composer makes of each pair in a flow sequence (`[a: b]` is `[{a: b}]`, two levels).
 * Because it is measured on the parser's own tree, nothing in a scalar of any style (plain
 * `it's`, quoted over several lines, block `|` and `>`) or in a comment can look like
 * nesting, and broken YAML is measured as the parser recovered from it.
 */
import type { CST } from 'yaml';

/**
 * Where the first level (in document order) nested more than `limit` deep starts, or
 * undefined when none is. `tokens` are the parser's, complete (as `Parser.parse` yields
 * them). An explicit stack, so that any depth is measured without recursion.
 */
export function excessiveNesting(tokens: Iterable<CST.Token>, limit: number): number | undefined {
  /** Levels still to look at, each with its depth; popped in document order. */
  const stack: [Level, number][] = [];
  for (const token of tokens) {
    if (token.type !== 'document' || !isCollection(token.value)) continue;
    stack.push([token.value, 1]);
    while (stack.length > 0) {
      const [level, depth] = stack.pop()!;
      if (depth > limit) return startOf(level);
      const inside = levelsInside(level);
      for (let i = inside.length - 1; i >= 0; i--) stack.push([inside[i]!, depth + 1]);
    }
  }
  return undefined;
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

/** A collection, or a pair of a flow sequence (the composer makes a mapping of it). */
type Level = Collection | CST.CollectionItem;

/** The levels directly inside `level`, in document order. */
function levelsInside(level: Level): Level[] {
  if (!('type' in level)) return [level.key, level.value].filter(isCollection);
  const flowSequence = level.type === 'flow-collection' && level.start.source === '[';
  const inside: Level[] = [];
  for (const item of level.items) {
    if (flowSequence && isPair(item)) inside.push(item);
    else {
      if (isCollection(item.key)) inside.push(item.key);
      if (isCollection(item.value)) inside.push(item.value);
    }
  }
  return inside;
}

/** Where a level starts: a flow pair at its key, or at its `?` or `:` when the key is empty. */
function startOf(level: Level): number {
  if ('type' in level) return level.offset;
  const indicator = level.start.find(isIndicator) ?? level.sep?.find(isIndicator);
  // A pair has a key, a `?` or a `:` (isPair); its value is the last resort of broken YAML.
  return level.key?.offset ?? indicator?.offset ?? level.value?.offset ?? 0;
}

function isCollection(token: CST.Token | null | undefined): token is Collection {
  return token?.type === 'block-map' || token?.type === 'block-seq' || token?.type === 'flow-collection';
}

/** Whether a flow sequence's item is a pair, as the composer decides (resolve-flow-collection). */
function isPair(item: CST.CollectionItem): boolean {
  return item.sep !== undefined || item.start.some((t) => t.type === 'explicit-key-ind');
}

function isIndicator(t: CST.SourceToken): boolean {
  return t.type === 'explicit-key-ind' || t.type === 'map-value-ind';
}
