/**
 * User text inside CLI messages, bounded: a spec that is one 20 MB line, a 1 MB option value
 * or a CSV cell of a megabyte must not come back as a message of that size.
 */

/** The most characters of user text a message quotes. */
export const MAX_QUOTED = 200;
/** The most characters of a whole message line (a diagnostic's message, an error's). */
export const MAX_MESSAGE = 500;

/** `text` cut to at most `max` characters, with '…' standing for what was cut (from the middle). */
export function clip(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.6);
  const tail = max - 1 - head;
  return `${cutSafe(text, 0, head)}…${tail > 0 ? cutSafe(text, text.length - tail, text.length) : ''}`;
}

/** A message on one line: its line breaks and control characters made visible as spaces, then clipped. */
export function oneLine(text: string, max = MAX_MESSAGE): string {
  // Clip first: never scan (or copy) more than needed of a huge text.
  const clipped = clip(text, max);
  // eslint-disable-next-line no-control-regex
  return clipped.replace(/[\u0000-\u0008\u000a-\u001f\u007f]+/g, ' ');
}

/** text.slice(start, end), moved inward so that no surrogate pair is split at either end. */
export function cutSafe(text: string, start: number, end: number): string {
  const [s, e] = safeBounds(text, start, end);
  return text.slice(s, e);
}

/** [start, end) moved inward, each by one code unit at most, so that neither end splits a surrogate pair. */
export function safeBounds(text: string, start: number, end: number): [number, number] {
  const splits = (i: number): boolean => i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1));
  const s = splits(start) ? start + 1 : start;
  const e = end > s && splits(end) ? end - 1 : end;
  return [s, Math.max(s, e)];
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
