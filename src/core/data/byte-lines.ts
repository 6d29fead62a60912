/**
 * Line numbers from UTF-8 byte offsets. csv-parse reports where a record ends as a byte
 * offset (`info.bytes`) and also counts lines itself, but its count goes wrong when line
 * ends are mixed (a CRLF after LF lines counts twice). The loader and the probe therefore
 * take the offset and ask this index, which counts line breaks as the editor does: \n,
 * \r\n and a lone \r. Text arrives in chunks; a \r\n split between two chunks is still
 * one break.
 *
 * A file is read as a stream, so the index does not keep a line per line of the file: the
 * reader tells it (`forget`) which offsets it may still be asked about, and it keeps only
 * those lines, a few per chunk.
 */
export class ByteLines {
  /** Per kept line, in order: the byte offset just past its break (Infinity while it is open). */
  private ends = new Float64Array(64);
  /** Per kept line: its 1-based number. */
  private numbers = new Float64Array(64);
  /** Per kept line: 1 when it holds anything but its line break. */
  private content = new Uint8Array(64);
  private kept = 1;
  /** The number of lines so far: line breaks + 1. */
  private lineCount = 1;
  private offset = 0;
  private pendingCR = false;

  constructor() {
    this.ends[0] = Infinity;
    this.numbers[0] = 1;
  }

  /** How many lines the index holds now (what `forget` let go of is not among them). */
  get keptLines(): number {
    return this.kept;
  }

  /** The bytes added so far. */
  get bytes(): number {
    return this.offset;
  }

  /** Adds the next piece of the text. */
  add(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.pendingCR) {
        this.pendingCR = false;
        // A \n right after \r completes the same break: the line it ends takes it.
        if (c === 10) {
          this.offset += 1;
          const last = this.kept - 2;
          if (last >= 0 && this.numbers[last] === this.lineCount - 1) this.ends[last] = this.offset;
          continue;
        }
      }
      this.offset += utf8Length(c, chunk.charCodeAt(i + 1));
      if (c >= 0xd800 && c <= 0xdbff && isLow(chunk.charCodeAt(i + 1))) i++;
      if (c === 10 || c === 13) {
        this.ends[this.kept - 1] = this.offset;
        this.newLine();
        this.pendingCR = c === 13;
      } else {
        this.content[this.kept - 1] = 1;
      }
    }
  }

  /** Opens the next line (typed arrays, doubled when full: never a JS array of lines). */
  private newLine(): void {
    if (this.kept === this.ends.length) {
      this.ends = grown(this.ends, new Float64Array(this.kept * 2));
      this.numbers = grown(this.numbers, new Float64Array(this.kept * 2));
      this.content = grown(this.content, new Uint8Array(this.kept * 2));
    }
    this.lineCount++;
    this.ends[this.kept] = Infinity;
    this.numbers[this.kept] = this.lineCount;
    this.content[this.kept] = 0;
    this.kept++;
  }

  /**
   * Lets go of the lines no later question needs: from now on the index is asked only
   * `contentLineFrom(floor)` or about offsets at or past `tailFrom`. It keeps the first line
   * with content that ends past `floor` and every line that ends past `tailFrom`.
   */
  forget(floor: number, tailFrom: number): void {
    const tail = this.firstEndingPast(tailFrom);
    let anchor = this.firstEndingPast(floor);
    while (anchor < tail && !this.content[anchor]) anchor++;
    let to = 0;
    if (anchor < tail) this.move(anchor, to++);
    for (let from = tail; from < this.kept; from++) this.move(from, to++);
    this.kept = to;
  }

  private move(from: number, to: number): void {
    this.ends[to] = this.ends[from]!;
    this.numbers[to] = this.numbers[from]!;
    this.content[to] = this.content[from]!;
  }

  /** The index of the first kept line that ends past `offset` (`kept` when none does). */
  private firstEndingPast(offset: number): number {
    let lo = 0;
    let hi = this.kept;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The 1-based line holding the byte at `offset` (offsets past the end fall on the last line). */
  lineAt(offset: number): number {
    const i = this.firstEndingPast(offset);
    return i < this.kept ? this.numbers[i]! : this.lineCount;
  }

  /** The first line at or after the one holding `offset` that is not blank (or the last line). */
  contentLineFrom(offset: number): number {
    for (let i = this.firstEndingPast(offset); i < this.kept; i++) if (this.content[i]) return this.numbers[i]!;
    return this.lineCount;
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

function grown<T extends Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
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
