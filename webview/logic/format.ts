/** Numbers as the inspector prints them: short, and the same everywhere. */

/** 4 significant digits; exponent notation for very small or large magnitudes. */
export function formatNumber(v: number | undefined): string {
  if (v === undefined) return '–';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text = a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
  return text.replace('-', '−');
}

/** A vector as [v1, v2, …], cut after `max` entries. */
export function formatVector(values: readonly number[], max = 8): string {
  const shown = values.slice(0, max).map(formatNumber);
  return `[${shown.join(', ')}${values.length > max ? `, … (${values.length})` : ''}]`;
}

/** A layer index as the lecture writes it: superscript in parentheses, e.g. a^(2) → a⁽²⁾. */
export function sup(l: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return `⁽${String(l).split('').map((d) => digits[Number(d)] ?? d).join('')}⁾`;
}
