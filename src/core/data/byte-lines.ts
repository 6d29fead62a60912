/**
 * Line numbers from UTF-8 byte offsets. csv-parse reports where a record ends as a byte
 * offset (`info.bytes`) and also counts lines itself, but its count goes wrong when line
 * ends are mixed (a CRLF after LF lines counts twice). The loader and the probe therefore
 * take the offset and ask this index, which counts line breaks as the editor does: \n,
 * \r\n and a lone \r. Text may arrive in chunks (the streamed summary); a \r\n split
 * between two chunks is still one break.
 */
export class ByteLines {
  /** The byte offset where each line after the first starts, ascending. */
  private readonly starts: number[] = [];
  /** Per line (0-based), whether it holds anything but its line break. */
  private readonly content: boolean[] = [false];
  private bytes = 0;
  private pendingCR = false;

  /** Adds the next piece of the text. */
  add(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.pendingCR) {
        this.pendingCR = false;
        // A \n right after \r completes the same break: the line starts after it.
        if (c === 10) {
          this.bytes += 1;
          this.starts[this.starts.length - 1] = this.bytes;
          continue;
        }
      }
      this.bytes += utf8Length(c, chunk.charCodeAt(i + 1));
      if (c >= 0xd800 && c <= 0xdbff && isLow(chunk.charCodeAt(i + 1))) i++;
      if (c === 10 || c === 13) {
        this.starts.push(this.bytes);
        this.content.push(false);
        this.pendingCR = c === 13;
      } else {
        this.content[this.content.length - 1] = true;
      }
    }
  }

  /** The 1-based line holding the byte at `offset` (offsets past the end fall on the last line). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    // The number of line starts ≤ offset.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  /** The first line at or after the one holding `offset` that is not blank (or the last line). */
  contentLineFrom(offset: number): number {
    let line = this.lineAt(offset);
    while (line < this.content.length && !this.content[line - 1]) line++;
    return line;
  }

  /**
   * The line on which a record ends, given the byte offset just past it (csv-parse's
   * `info.bytes`, its own line break included): the line of its last byte, which is the
   * break itself when there is one (a break belongs to the line it ends).
   */
  recordLine(endOffset: number): number {
    return this.lineAt(Math.max(0, endOffset - 1));
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** UTF-8 bytes of the UTF-16 unit `c` (a surrogate pair counts 4 on its high half, 0 on its low). */
function utf8Length(c: number, next: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff && isLow(next)) return 4;
  // Other units, lone surrogates included (encoded as U+FFFD), take 3.
  return 3;
}
