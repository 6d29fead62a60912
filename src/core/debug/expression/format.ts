/**
 * Values as the Debug Console shows them. Numbers have up to 6 significant digits (whole
 * numbers below 10^15 in full, so an iteration count is exact); NaN, Inf and -Inf are written
 * as they are typed. A matrix shows its shape and its rows, the first maxRows × maxCols
 * entries (10 × 10 by default), "…" marking what is left out. `block` is for the console
 * (a header line, then one line per row, columns aligned); `inline` for one line (log
 * messages, the Variables view): `[0.5; -0.25] (2×1)`.
 */
import { layersText, shapeText, validLayers, type MatrixValue, type Value } from './values';

/** How to format. */
export interface FormatOptions {
  /** 'block' (the default): several lines for a matrix; 'inline': one line. */
  readonly style?: 'block' | 'inline';
  /** Rows shown before "…" (default 10). */
  readonly maxRows?: number;
  /** Columns shown before "…" (default 10). */
  readonly maxCols?: number;
}

/** x with up to 6 significant digits: 0.333333, 1.5e-7, 1.23457e+6; whole numbers below 10^15 exactly. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const s = x.toPrecision(6);
  const e = s.indexOf('e');
  if (e < 0) return trimZeros(s);
  return `${trimZeros(s.slice(0, e))}${s.slice(e)}`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The value as text. */
export function formatValue(v: Value, options: FormatOptions = {}): string {
  const inline = options.style === 'inline';
  const maxRows = Math.max(1, Math.floor(options.maxRows ?? 10));
  const maxCols = Math.max(1, Math.floor(options.maxCols ?? 10));
  switch (v.kind) {
    case 'number':
      return formatNumber(v.value);
    case 'boolean':
      return v.value ? 'true' : 'false';
    case 'matrix':
      return inline ? inlineMatrix(v, maxRows, maxCols) : blockMatrix(v, maxRows, maxCols);
    case 'layers': {
      const layers = validLayers(v);
      const items = layers.map((l) => {
        const m = v.items[l - 1]!;
        return `[${l}] ${shapeText(m.rows, m.cols)}`;
      });
      if (inline) return `layers ${layersText(layers)}: ${items.join(', ')}`;
      return [`layers ${layersText(layers)}`, ...items.map((s) => `  ${s} matrix`)].join('\n');
    }
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** The shown part of a matrix: formatted entries by row, and whether rows or columns were left out. */
function shown(m: MatrixValue, maxRows: number, maxCols: number): { cells: string[][]; moreRows: number; moreCols: boolean } {
  const rows = Math.min(m.rows, maxRows), cols = Math.min(m.cols, maxCols);
  const cells: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: string[] = [];
    for (let j = 0; j < cols; j++) row.push(formatNumber(m.data[i * m.cols + j]!));
    cells.push(row);
  }
  return { cells, moreRows: m.rows - rows, moreCols: m.cols > cols };
}

function inlineMatrix(m: MatrixValue, maxRows: number, maxCols: number): string {
  const { cells, moreRows, moreCols } = shown(m, maxRows, maxCols);
  const rows = cells.map((r) => (moreCols ? [...r, '…'] : r).join(', '));
  if (moreRows > 0) rows.push('…');
  return `[${rows.join('; ')}] (${shapeText(m.rows, m.cols)})`;
}

function blockMatrix(m: MatrixValue, maxRows: number, maxCols: number): string {
  const { cells, moreRows, moreCols } = shown(m, maxRows, maxCols);
  const widths = (cells[0] ?? []).map((_, j) => Math.max(...cells.map((r) => r[j]!.length)));
  const header = `${shapeText(m.rows, m.cols)} matrix${moreRows > 0 || moreCols ? ` (the first ${cells.length}×${widths.length} shown)` : ''}`;
  const lines = cells.map((r) => `  ${r.map((c, j) => c.padStart(widths[j]!)).join('  ')}${moreCols ? '  …' : ''}`);
  if (moreRows > 0) lines.push(`  … ${moreRows} more row${moreRows === 1 ? '' : 's'}`);
  return [header, ...lines].join('\n');
}
