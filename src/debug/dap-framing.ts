/**
 * Debug Adapter Protocol framing (`Content-Length: N\r\n\r\n` + N bytes of JSON), read with
 * limits so that a frame that lies cannot hang or exhaust the adapter: a header longer than
 * MAX_HEADER_BYTES, a Content-Length that is not a whole number in 1 … MAX_FRAME_BYTES, or a
 * missing one is a fatal protocol error; a body that is not a JSON object is skipped with a
 * note (its length was known, so the next frame is still found).
 */

/** The largest message accepted (a setBreakpoints of thousands of lines is a few hundred KB). */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
const MAX_HEADER_BYTES = 1024;
const SEPARATOR = Buffer.from('\r\n\r\n');

export type FrameEvent =
  | { readonly kind: 'message'; readonly message: Record<string, unknown> }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'fatal'; readonly reason: string };

export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private length = -1;
  private broken = false;

  /** Feeds bytes; returns what they complete, in order. After a fatal event, nothing more. */
  push(chunk: Buffer): FrameEvent[] {
    if (this.broken) return [];
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const events: FrameEvent[] = [];
    for (;;) {
      if (this.length < 0) {
        const end = this.buffer.indexOf(SEPARATOR);
        if (end < 0) {
          if (this.buffer.length > MAX_HEADER_BYTES) return this.fatal(events, `a frame header longer than ${MAX_HEADER_BYTES} bytes`);
          return events;
        }
        if (end > MAX_HEADER_BYTES) return this.fatal(events, `a frame header longer than ${MAX_HEADER_BYTES} bytes`);
        const header = this.buffer.toString('latin1', 0, end);
        const match = /^Content-Length: *(\d{1,9})$/im.exec(header);
        if (!match) return this.fatal(events, `a frame header without a valid Content-Length (${JSON.stringify(header.slice(0, 80))})`);
        const length = Number(match[1]);
        if (length < 1 || length > MAX_FRAME_BYTES) return this.fatal(events, `a Content-Length of ${length} (1 … ${MAX_FRAME_BYTES} bytes allowed)`);
        this.length = length;
        this.buffer = this.buffer.subarray(end + SEPARATOR.length);
      }
      if (this.buffer.length < this.length) return events;
      const body = this.buffer.toString('utf8', 0, this.length);
      this.buffer = this.buffer.subarray(this.length);
      this.length = -1;
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        events.push({ kind: 'skipped', reason: 'a frame whose body is not JSON' });
        continue;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        events.push({ kind: 'skipped', reason: 'a frame whose body is not a JSON object' });
        continue;
      }
      events.push({ kind: 'message', message: parsed as Record<string, unknown> });
    }
  }

  /** Bytes of an unfinished frame when the input ended (0 when it ended cleanly). */
  get pending(): number {
    return this.buffer.length + (this.length >= 0 ? 1 : 0);
  }

  private fatal(events: FrameEvent[], reason: string): FrameEvent[] {
    this.broken = true;
    this.buffer = Buffer.alloc(0);
    events.push({ kind: 'fatal', reason });
    return events;
  }
}

/** One message as a frame. */
export function frame(message: unknown): string {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`;
}
