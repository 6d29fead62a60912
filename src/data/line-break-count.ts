/**
 * The lines of a stream of bytes, counted a chunk at a time without decoding them: LF, CRLF
 * and a lone CR each end one line (csv-parse ends a record on whichever of them comes first
 * in the file, and each record end is one of these, so the records are never more than the
 * lines). A CRLF split across two chunks counts once. Nothing but two flags is kept between
 * chunks. About 0.15 s for 100 MiB of short rows (Buffer.indexOf a break).
 */
const LF = 0x0a;
const CR = 0x0d;

export class LineBreakCount {
  private breaks = 0;
  /** The last chunk ended in a CR: whether it is a CRLF depends on the next byte. */
  private crAtEnd = false;
  /** Bytes follow the last line break: they make one more line. */
  private open = false;

  /** Counts the line breaks in the next bytes of the stream. */
  add(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.crAtEnd && chunk[0] !== LF) this.breaks++;
    for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1)) this.breaks++;
    // A CR followed by an LF is that LF's line end, counted above; one at the end waits for the next byte.
    for (let i = chunk.indexOf(CR); i >= 0 && i + 1 < chunk.length; i = chunk.indexOf(CR, i + 1)) if (chunk[i + 1] !== LF) this.breaks++;
    const last = chunk[chunk.length - 1];
    this.crAtEnd = last === CR;
    this.open = last !== LF && last !== CR;
  }

  /** The lines so far: the breaks, and one more when bytes follow the last (a file without a final line break). */
  get lines(): number {
    return this.breaks + (this.crAtEnd || this.open ? 1 : 0);
  }
}
