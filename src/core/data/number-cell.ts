/**
 * The one rule for reading a text cell as a number, shared by the CSV loader and the probe
 * so that "numeric" means the same thing in the validator and in training.
 */

/** What a text cell holds, read as a number. */
export type NumberCell =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'empty' }
  /** NaN, ±Infinity, ±inf, or a decimal literal beyond the range of a double. */
  | { readonly kind: 'non-finite' }
  | { readonly kind: 'not-a-number' };

/** A plain decimal literal: optional sign, digits with an optional point, optional exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE_WORD = /^[+-]?(?:nan|inf|infinity)$/i;

/**
 * Reads `text` (surrounding whitespace ignored) as a finite double. Only decimal literals
 * count: hexadecimal, thousands separators and units are "not a number", so a column
 * never becomes numeric by accident.
 */
export function parseNumberCell(text: string): NumberCell {
  const s = text.trim();
  if (s === '') return { kind: 'empty' };
  if (NON_FINITE_WORD.test(s)) return { kind: 'non-finite' };
  if (!DECIMAL.test(s)) return { kind: 'not-a-number' };
  const value = Number(s);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'non-finite' };
}
