/**
 * `specHash`: a fingerprint of what the weights depend on, so a reader can tell when the
 * spec changed since they were written. It covers the task, the layers (units and the
 * effective activation) and the data section with its defaults filled in; training
 * settings (optimiser, λ, initialisation) are left out, since the weights stay usable.
 *
 * The value is `fnv1a64:` followed by 16 hexadecimal digits: 64-bit FNV-1a over the UTF-8
 * bytes of the canonical JSON of that selection (object keys sorted, no whitespace).
 */
import { effectiveActivation, type Spec } from '../spec/schema';

/** The canonical JSON of a JSON-like value: keys sorted, undefined members dropped, no spaces. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The UTF-8 bytes of `text` (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

/**
 * 64-bit FNV-1a of `text`'s UTF-8 bytes, as 16 hex digits. The 64-bit state is two 32-bit
 * halves; multiplying by the prime 2^40 + 0x1b3 is h·0x1b3 + (h << 40), with the carry of
 * the low half's product (below 2^41, exact in a double) added to the high half.
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of utf8Bytes(text)) {
    lo = (lo ^ byte) >>> 0;
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** The `specHash` of a spec (see the top of this file). */
export function specHash(spec: Pick<Spec, 'task' | 'layers' | 'data'>): string {
  const layers = spec.layers.map((layer, l) => ({ units: layer.units, activation: effectiveActivation(spec, l) }));
  return `fnv1a64:${fnv1a64(canonicalJson({ task: spec.task, layers, data: spec.data }))}`;
}
