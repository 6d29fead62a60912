/**
 * What can be typed at a cursor in a block-style spec, found from the lines above it (a
 * half-written spec is often not valid YAML, so this reads indentation, not the parse):
 * either a key of the mapping the cursor is in, or the value of the key on its line.
 */
import type { Path } from './yaml-tree';

export type CompletionContext =
  | { readonly kind: 'key'; readonly path: Path; readonly present: readonly string[]; readonly prefix: string }
  | { readonly kind: 'value'; readonly path: Path; readonly prefix: string };

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:(.*)$/;

export function completionContextAt(text: string, offset: number): CompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (before.includes('#')) return undefined;
  const keyMatch = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:\s*([\w.-]*)$/.exec(before);
  if (keyMatch) {
    const indent = keyMatch[1]!.length + (keyMatch[2]?.length ?? 0);
    const parent = parentPath(text, lineStart, indent, keyMatch[2] !== undefined);
    return parent && { kind: 'value', path: [...parent, keyMatch[3]!], prefix: keyMatch[4]! };
  }
  const blank = /^(\s*)(-\s+)?([\w-]*)$/.exec(before);
  if (!blank) return undefined;
  const indent = blank[1]!.length + (blank[2]?.length ?? 0);
  const parent = parentPath(text, lineStart, indent, blank[2] !== undefined);
  if (!parent) return undefined;
  return { kind: 'key', path: parent, present: siblingKeys(text, lineStart, indent), prefix: blank[3]! };
}

/**
 * The path of the mapping whose entries sit at `indent`, read upwards: each line with a
 * smaller indentation that opens a block (`key:` with nothing after it) is an ancestor;
 * a `- ` item in between makes the path go through a sequence index.
 */
function parentPath(text: string, lineStart: number, indent: number, startsItem: boolean): Path | undefined {
  const lines = text.slice(0, Math.max(0, lineStart - 1)).split('\n').reverse();
  if (lineStart === 0) return [];
  const path: (string | number)[] = [];
  let level = indent;
  let pendingItem = startsItem;
  let itemCount = 0;
  for (const line of lines) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const m = KEY_LINE.exec(line);
    const lineIndent = /^\s*/.exec(line)![0].length;
    const itemIndent = m?.[2] !== undefined ? lineIndent + m[2].length : lineIndent;
    if (m && m[2] !== undefined && itemIndent === level && !pendingItem) {
      // A sibling item's first key: we are inside a sequence entry that began here.
      pendingItem = true;
      itemCount = 0;
      level = lineIndent;
      continue;
    }
    if (pendingItem && /^\s*-\s/.test(line) && lineIndent === level) {
      itemCount++;
      continue;
    }
    if (lineIndent >= level) continue;
    if (!m || m[4]!.trim() !== '' && !m[4]!.trim().startsWith('#')) return undefined;
    if (pendingItem) path.unshift(itemCount);
    path.unshift(m[3]!);
    pendingItem = m[2] !== undefined;
    itemCount = 0;
    level = m[2] !== undefined ? lineIndent : lineIndent;
    if (lineIndent === 0 && m[2] === undefined) return path;
  }
  return pendingItem ? undefined : path;
}

/** Keys already written in the same mapping (same indentation, between its parent and the next dedent). */
function siblingKeys(text: string, lineStart: number, indent: number): string[] {
  const keys: string[] = [];
  const collect = (lines: string[]): void => {
    for (const line of lines) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      const m = KEY_LINE.exec(line);
      const lineIndent = /^\s*/.exec(line)![0].length + (m?.[2]?.length ?? 0);
      if (lineIndent < indent) break;
      if (m && lineIndent === indent) keys.push(m[3]!);
    }
  };
  collect(text.slice(0, Math.max(0, lineStart - 1)).split('\n').reverse());
  const next = text.indexOf('\n', lineStart);
  if (next >= 0) collect(text.slice(next + 1).split('\n'));
  return keys;
}
