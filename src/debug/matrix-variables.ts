/**
 * The Variables tree of a stop: scopes, then matrices and vectors that expand by rows and then
 * entries, each with an evaluateName in the Debug Console's notation (1-based, the lecture's
 * names: `a[2]`, `Theta[1][2,3]`), so that Add to Watch and Copy as Expression work. Large
 * matrices page their rows (indexedVariables). References live until the run resumes.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';

/** A matrix (or a column vector: cols = 1) of a stop, copied out of the run. */
export interface MatrixValue {
  readonly name: string;
  readonly evaluateName: string;
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
  /**
   * For a vector whose console name holds more than is shown (a[l] = [1; a^(l)] for l < L):
   * the console name of the whole column and how far its entries are shifted (1: the bias unit).
   */
  readonly entries?: { readonly base: string; readonly offset: number };
}

/** A named entry of a scope: a number, a text, or a matrix. */
export type ScopeEntry =
  | { readonly name: string; readonly evaluateName?: string; readonly number: number }
  | { readonly name: string; readonly text: string }
  | { readonly matrix: MatrixValue };

type Node =
  | { readonly kind: 'scope'; readonly entries: readonly ScopeEntry[] }
  | { readonly kind: 'matrix'; readonly matrix: MatrixValue }
  | { readonly kind: 'row'; readonly matrix: MatrixValue; readonly row: number };

/** Rows shown at once before the client pages (indexedVariables). */
const PAGE_FROM = 100;
/** Entries shown in a one-line preview. */
const PREVIEW = 6;

export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  return abs >= 1e-4 && abs < 1e6 ? String(Number(v.toPrecision(6))) : v.toExponential(4);
}

function preview(values: ArrayLike<number>, from: number, count: number): string {
  const shown = Array.from({ length: Math.min(count, PREVIEW) }, (_, k) => formatNumber(values[from + k]!));
  return `[${shown.join(', ')}${count > PREVIEW ? ', …' : ''}]`;
}

export class VariableStore {
  private nodes: Node[] = [];

  /** Forgets every reference (the run resumed: the values are stale). */
  clear(): void {
    this.nodes = [];
  }

  /** A reference for a scope's entries (> 0). */
  scope(entries: readonly ScopeEntry[]): number {
    return this.add({ kind: 'scope', entries });
  }

  /** The children of a reference, paged by start and count where the client asks. */
  children(reference: number, start = 0, count = 0): DebugProtocol.Variable[] {
    const node = this.nodes[reference - 1];
    if (!node) return [];
    switch (node.kind) {
      case 'scope':
        return node.entries.map((e) => this.entry(e));
      case 'matrix': {
        const m = node.matrix;
        if (m.cols === 1) {
          const base = m.entries?.base ?? m.evaluateName, offset = m.entries?.offset ?? 0;
          return this.range(m.rows, start, count).map((i) => ({ name: `[${i + 1}]`, value: formatNumber(m.values[i]!), evaluateName: `${base}[${i + 1 + offset}]`, variablesReference: 0 }));
        }
        return this.range(m.rows, start, count).map((i) => ({
          name: `[${i + 1}]`,
          value: preview(m.values, i * m.cols, m.cols),
          evaluateName: `${m.evaluateName}[${i + 1},:]`,
          variablesReference: this.add({ kind: 'row', matrix: m, row: i }),
          ...(m.cols > PAGE_FROM ? { indexedVariables: m.cols } : {}),
        }));
      }
      case 'row': {
        const m = node.matrix, r = node.row;
        return this.range(m.cols, start, count).map((j) => ({ name: `[${r + 1},${j + 1}]`, value: formatNumber(m.values[r * m.cols + j]!), evaluateName: `${m.evaluateName}[${r + 1},${j + 1}]`, variablesReference: 0 }));
      }
      default: {
        const never: never = node;
        return never;
      }
    }
  }

  private entry(e: ScopeEntry): DebugProtocol.Variable {
    if ('matrix' in e) {
      const m = e.matrix;
      const shape = `${m.rows} × ${m.cols}`;
      const value = m.cols === 1 ? `${preview(m.values, 0, m.rows)} (${m.rows})` : shape;
      return {
        name: m.name,
        value,
        type: shape,
        evaluateName: m.evaluateName,
        variablesReference: m.rows * m.cols > 0 ? this.add({ kind: 'matrix', matrix: m }) : 0,
        ...(m.rows > PAGE_FROM ? { indexedVariables: m.rows } : {}),
      };
    }
    if ('number' in e) return { name: e.name, value: formatNumber(e.number), ...(e.evaluateName ? { evaluateName: e.evaluateName } : {}), variablesReference: 0 };
    return { name: e.name, value: e.text, variablesReference: 0 };
  }

  private range(n: number, start: number, count: number): number[] {
    const from = Math.max(0, Math.min(n, Math.floor(start) || 0));
    const to = count > 0 ? Math.min(n, from + Math.floor(count)) : n;
    return Array.from({ length: to - from }, (_, k) => from + k);
  }

  private add(node: Node): number {
    this.nodes.push(node);
    return this.nodes.length;
  }
}
