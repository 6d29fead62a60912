/**
 * A fast path for inline data rows, the one part of a spec that grows long:
 *
 *   rows:                  # features, then the class
 *     - [4.5, 3, 1.2, setosa]
 *     - [5.1, 3.5, 1.4, versicolor]   # a comment
 *
 * The yaml package spends about 20 µs on each such row, most of the parse of a large spec.
 * When every line under `rows:` is this simple, this scanner reads the rows exactly as the
 * yaml package would, and the parser is given a text without the rows between the first
 * and the last (yaml-tree.ts checks that it reads those two as the scanner did). Anything
 * unusual returns undefined, and the whole text is parsed as before.
 */
import { isScalar, isSeq } from 'yaml';
import type { OffsetRange } from '../diagnostic';

/** A value of a row: a YAML 1.2 core-schema number, or a plain word that is not null or a boolean. */
export type InlineValue = number | string;

/** One row, `[a, b, …]` on one line. */
export interface InlineRow {
  /** From `[` to `]` inclusive. */
  readonly range: OffsetRange;
  readonly values: readonly InlineValue[];
  /** Each value's range, without the blanks around it. */
  readonly ranges: readonly OffsetRange[];
}

export interface InlineRows {
  /** Where the `rows` key starts. */
  readonly keyStart: number;
  readonly rows: readonly InlineRow[];
  /** The rows left in `parsedText`: the first and the last. */
  readonly keptRows: readonly InlineRow[];
  /** The text without the lines from after the first row to before the last; offsets before `cutAt` are unchanged. */
  readonly parsedText: string;
  readonly cutAt: number;
  /** How many code units were removed at `cutAt`. */
  readonly cutLength: number;
}

// Spaces only: a tab in the indentation, a lone `\r` or an odd separator sends the text to the full parse.
const KEY_LINE = /^( *)rows:(?:[ \t]+(?:#[^\r]*)?)?$/;
const BLANK_OR_COMMENT_LINE = /^ *(?:#[^\r]*)?$/;
/** After a row's `]`: blanks, then perhaps a comment (which needs a blank before its `#`). */
const ROW_END = /^(?: *| +#[^\r]*)$/;
// The yaml package's core-schema tests (yaml/dist/schema/core), resolved with the same functions:
// INT is its int, tried first as there; FLOAT joins its float and floatExp.
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const WORD = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const KEYWORD = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** The rows under the one `rows:` line of `text`, when they are all simple; otherwise undefined. */
export function findInlineRows(text: string): InlineRows | undefined {
  const lines = text.split('\n');
  const starts: number[] = [];
  let keyLine = -1;
  let keyIndent = 0;
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i]!.length + 1, i++) {
    starts.push(offset);
    const key = KEY_LINE.exec(withoutCr(lines[i]!));
    if (!key) continue;
    if (keyLine >= 0) return undefined; // two candidates: which is data.rows is for the parser to say
    keyLine = i;
    keyIndent = key[1]!.length;
  }
  if (keyLine < 0) return undefined;

  const rows: InlineRow[] = [];
  let rowIndent = -1;
  let firstRowLine = -1;
  let lastRowLine = -1;
  for (let i = keyLine + 1; i < lines.length; i++) {
    const line = withoutCr(lines[i]!);
    if (BLANK_OR_COMMENT_LINE.test(line)) continue;
    const indent = line.search(/[^ ]/);
    // The next key of the mapping (or anything less indented) ends the rows; a `-` at the key's own indentation continues them.
    if (indent < keyIndent || (indent === keyIndent && line[indent] !== '-')) break;
    if (rowIndent >= 0 && indent !== rowIndent) return undefined;
    const row = readRow(line, indent, starts[i]!);
    if (!row) return undefined;
    rowIndent = indent;
    if (firstRowLine < 0) firstRowLine = i;
    lastRowLine = i;
    rows.push(row);
  }
  if (rows.length === 0) return undefined;

  const keyStart = starts[keyLine]! + keyIndent;
  if (rows.length <= 2) return { keyStart, rows, keptRows: rows, parsedText: text, cutAt: text.length, cutLength: 0 };
  const cutAt = starts[firstRowLine + 1]!;
  const cutLength = starts[lastRowLine]! - cutAt;
  const parsedText = text.slice(0, cutAt) + text.slice(cutAt + cutLength);
  return { keyStart, rows, keptRows: [rows[0]!, rows[rows.length - 1]!], parsedText, cutAt, cutLength };
}

/** An offset into `parsedText` as an offset into the original text. */
export function sourceOffset(rows: InlineRows, parsedOffset: number): number {
  return parsedOffset < rows.cutAt ? parsedOffset : parsedOffset + rows.cutLength;
}

/**
 * Whether `node`, parsed from `parsedText`, is the block sequence of the kept rows as the
 * scanner read them (values and ranges): then the rows are a sequence where the scanner
 * thought, and the removed ones belong between the two.
 */
export function holdsKeptRows(node: unknown, rows: InlineRows, rangeOf: (node: { range?: readonly number[] | null }) => OffsetRange): boolean {
  if (!isSeq(node) || node.flow || node.items.length !== rows.keptRows.length) return false;
  return rows.keptRows.every((row, i) => {
    const parsed = node.items[i];
    if (!isSeq(parsed) || !parsed.flow || !sameRange(rangeOf(parsed), row.range) || parsed.items.length !== row.values.length) return false;
    return parsed.items.every((item, j) => isScalar(item) && Object.is(item.value, row.values[j]) && sameRange(rangeOf(item), row.ranges[j]!));
  });
}

/** `- [a, b, …]` at `indent`, perhaps followed by a comment; undefined for anything else. */
function readRow(line: string, indent: number, lineStart: number): InlineRow | undefined {
  let i = indent;
  if (line[i] !== '-' || line[i + 1] !== ' ') return undefined;
  i++;
  while (line[i] === ' ') i++;
  if (line[i] !== '[') return undefined;
  const open = i++;
  const values: InlineValue[] = [];
  const ranges: OffsetRange[] = [];
  for (;;) {
    while (line[i] === ' ') i++;
    const start = i;
    while (i < line.length && line[i] !== ' ' && line[i] !== ',' && line[i] !== ']') i++;
    const value = inlineValue(line.slice(start, i));
    if (value === undefined) return undefined;
    values.push(value);
    ranges.push([lineStart + start, lineStart + i]);
    while (line[i] === ' ') i++;
    if (line[i] === ']') break;
    if (line[i] !== ',') return undefined;
    i++;
  }
  if (!ROW_END.test(line.slice(i + 1))) return undefined;
  return { range: [lineStart + open, lineStart + i + 1], values, ranges };
}

/** A plain scalar as the yaml package resolves it in the core schema, when it is a number or a word. */
function inlineValue(token: string): InlineValue | undefined {
  if (INT.test(token)) return parseInt(token, 10);
  if (FLOAT.test(token)) return parseFloat(token);
  if (WORD.test(token) && !KEYWORD.test(token)) return token;
  return undefined;
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function sameRange(a: OffsetRange, b: OffsetRange): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
