/**
 * The text edits that set a spec's `init` section, touching only the lines they must so the
 * user's comments and formatting survive: an existing value is replaced in place, a missing
 * key is inserted under `init:` with that block's indentation, a missing `init:` is appended.
 */
import type { OffsetRange } from '../diagnostic';
import type { InitStrategyName } from './schema';
import { outlineSpec } from './outline';

export interface TextEdit {
  readonly range: OffsetRange;
  readonly text: string;
}

export interface InitSettings {
  readonly strategy: InitStrategyName;
  /** uniform only; `null` removes an existing epsilon (the default then applies). */
  readonly epsilon?: number | null;
  readonly seed?: number;
}

export function initEdits(text: string, settings: InitSettings): TextEdit[] {
  const outline = outlineSpec(text);
  const init = outline.keys.get('init');
  const wanted: [string, string | null | undefined][] = [
    ['strategy', settings.strategy],
    ['epsilon', settings.epsilon === undefined ? undefined : settings.epsilon === null ? null : String(settings.epsilon)],
    ['seed', settings.seed === undefined ? undefined : String(settings.seed)],
  ];
  if (!init || !isBlockMapping(text, init)) {
    const body = wanted.filter(([, v]) => typeof v === 'string').map(([k, v]) => `  ${k}: ${v}\n`).join('');
    if (init) return [{ range: [init.key[0], init.value?.[1] ?? init.key[1] + 1], text: `init:\n${body}`.trimEnd() }];
    const sep = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    return [{ range: [text.length, text.length], text: `${sep}init:\n${body}` }];
  }
  const edits: TextEdit[] = [];
  const indent = childIndent(text, init);
  const insertAt = lineEnd(text, init.key[1]);
  const inserted: string[] = [];
  for (const [name, value] of wanted) {
    if (value === undefined) continue;
    const existing = outline.keys.get(`init.${name}`);
    if (value === null) {
      if (existing) edits.push({ range: wholeLine(text, existing.key[0]), text: '' });
      continue;
    }
    if (existing?.value) edits.push({ range: existing.value, text: value });
    else if (existing) edits.push({ range: [existing.key[1] + 1, existing.key[1] + 1], text: ` ${value}` });
    else inserted.push(`${indent}${name}: ${value}`);
  }
  if (inserted.length > 0) edits.push({ range: [insertAt, insertAt], text: `\n${inserted.join('\n')}` });
  return edits;
}

/** Applies edits (non-overlapping, any order) to a text: for tests and previews. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range[0] - a.range[0]).reduce((t, e) => t.slice(0, e.range[0]) + e.text + t.slice(e.range[1]), text);
}

function isBlockMapping(text: string, init: { key: OffsetRange; value?: OffsetRange }): boolean {
  if (!init.value) return false;
  const between = text.slice(init.key[1], init.value[0]);
  return between.includes('\n') && !text.slice(init.value[0]).startsWith('{');
}

function childIndent(text: string, init: { value?: OffsetRange }): string {
  const start = text.lastIndexOf('\n', (init.value?.[0] ?? 1) - 1) + 1;
  return /^[ ]*/.exec(text.slice(start))![0] || '  ';
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

function wholeLine(text: string, offset: number): OffsetRange {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return [start, end < 0 ? text.length : end + 1];
}
