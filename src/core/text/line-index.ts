/**
 * Offsets ↔ line/character positions in a text, both 0-based and in UTF-16 code units
 * (the units of JavaScript strings, of VS Code positions and of the yaml parser's ranges).
 * Line breaks are \n, \r\n and a lone \r, as VS Code counts them.
 */

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 offset within the line. */
  readonly character: number;
}

export class LineIndex {
  /** starts[i] is the offset of the first character of line i. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of an offset; offsets outside [0, text.length] are clamped. */
  positionAt(offset: number): Position {
    const o = clamp(offset, 0, this.text.length);
    // Binary search for the last line start ≤ o.
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  /** The offset of a position; a character past the line's end stops at the end (before the break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line] ?? 0;
    return clamp(start + Math.max(0, position.character), start, this.lineEnd(position.line));
  }

  /** The offset just past the last character of line `line`, its line break excluded. */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.starts[line] ?? 0);
  }

  /** The text of line `line`, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line];
    if (start === undefined) return '';
    return this.text.slice(start, this.lineEnd(line));
  }
}

function clamp(x: number, lo: number, hi: number): number {
  if (Number.isNaN(x)) return lo;
  return Math.min(hi, Math.max(lo, Math.trunc(x)));
}
