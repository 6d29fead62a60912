/** Helpers for the expression-language tests: a small network's scope, and assertions on results. */
import assert from 'node:assert/strict';
import type { Expression, IndexArgument } from '../../../../src/core/debug/expression/ast';
import type { ExpressionError } from '../../../../src/core/debug/expression/errors';
import { evaluateExpression } from '../../../../src/core/debug/expression/evaluator';
import { parseExpression } from '../../../../src/core/debug/expression/parser';
import { scopeOf, type ExpressionScope } from '../../../../src/core/debug/expression/scope';
import { layerList, matrixValue, numberValue, type MatrixValue, type Value } from '../../../../src/core/debug/expression/values';
import { createRng } from '../../../../src/core/nn/rng';

/** A plain rows × cols matrix for the oracle: entry (i, j), 0-based, at i·cols + j. */
export interface Plain {
  rows: number;
  cols: number;
  data: number[];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function product(A: Plain, B: Plain): Plain {
  const data: number[] = [];
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < B.cols; j++) {
      let s = 0;
      for (let p = 0; p < A.cols; p++) s += A.data[i * A.cols + p]! * B.data[p * B.cols + j]!;
      data.push(s);
    }
  }
  return { rows: A.rows, cols: B.cols, data };
}

function transposed(A: Plain): Plain {
  const data: number[] = [];
  for (let j = 0; j < A.cols; j++) for (let i = 0; i < A.rows; i++) data.push(A.data[i * A.cols + j]!);
  return { rows: A.cols, cols: A.rows, data };
}

const column = (data: number[]): Plain => ({ rows: data.length, cols: 1, data });
const toValue = (p: Plain): MatrixValue => matrixValue(p.rows, p.cols, Float64Array.from(p.data));

/** One example through a sigmoid network of `sizes`, with random Θ: every quantity by hand, and the scope of a stop. */
export function smallNetwork(seed: number, sizes: readonly number[] = [3, 4, 2]): {
  scope: ExpressionScope;
  Theta: Plain[];
  /** a[l − 1] is [1; a^(l)] for l < L, h for l = L. */
  a: Plain[];
  /** δ^(2) by hand: (Θ^(2)ᵀ δ^(3)) without its first (bias) row, .* a^(2) .* (1 − a^(2)) without the bias unit. */
  delta2: number[];
  /** (Θ^(2))ᵀ δ^(3), all s_2 + 1 rows. */
  thetaTDelta3: number[];
} {
  const rng = createRng(seed);
  const L = sizes.length;
  const Theta: Plain[] = [];
  for (let l = 0; l + 1 < L; l++) {
    const rows = sizes[l + 1]!, cols = sizes[l]! + 1;
    Theta.push({ rows, cols, data: Array.from({ length: rows * cols }, () => 2 * rng.next() - 1) });
  }
  const x = Array.from({ length: sizes[0]! }, () => rng.next());
  const y = Array.from({ length: sizes[L - 1]! }, (_, k) => (k === 0 ? 1 : 0));
  const a: Plain[] = [column([1, ...x])];
  const z: (Plain | undefined)[] = [undefined];
  for (let l = 1; l < L; l++) {
    const zl = product(Theta[l - 1]!, a[l - 1]!);
    z.push(zl);
    const g = zl.data.map(sigmoid);
    a.push(column(l < L - 1 ? [1, ...g] : g));
  }
  const h = a[L - 1]!.data;
  const deltas: (Plain | undefined)[] = new Array<Plain | undefined>(L).fill(undefined);
  deltas[L - 1] = column(h.map((hk, k) => hk - y[k]!));
  for (let l = L - 2; l >= 1; l--) {
    const t = product(transposed(Theta[l]!), deltas[l + 1]!).data.slice(1);
    const al = a[l]!.data.slice(1);
    deltas[l] = column(t.map((v, k) => v * al[k]! * (1 - al[k]!)));
  }
  const Delta = Theta.map((_, l) => product(deltas[l + 1]!, transposed(a[l]!)));
  const thetaTDelta3 = product(transposed(Theta[1]!), deltas[2]!).data;
  const a2 = a[1]!.data.slice(1);
  const delta2 = thetaTDelta3.slice(1).map((v, k) => v * a2[k]! * (1 - a2[k]!));
  const scope = scopeOf({
    J: numberValue(0.6931),
    m: numberValue(1),
    lambda: numberValue(0.1),
    iteration: numberValue(30),
    x: toValue(column(x)),
    y: toValue(column(y)),
    h: toValue(column(h)),
    a: layerList(a.map(toValue)),
    z: layerList(z.map((p) => (p ? toValue(p) : undefined))),
    delta: layerList(deltas.map((p) => (p ? toValue(p) : undefined))),
    Theta: layerList(Theta.map(toValue)),
    Delta: layerList(Delta.map(toValue)),
    D: layerList(Delta.map(toValue)),
  });
  return { scope, Theta, a, delta2, thetaTDelta3 };
}

/** A scope of a few named values (numbers become number values). */
export function scope(entries: Record<string, Value | number>): ExpressionScope {
  const values: Record<string, Value> = {};
  for (const [k, v] of Object.entries(entries)) values[k] = typeof v === 'number' ? numberValue(v) : v;
  return scopeOf(values);
}

/** A row-major matrix value from rows of numbers. */
export function mat(rows: number[][]): MatrixValue {
  return matrixValue(rows.length, rows[0]!.length, Float64Array.from(rows.flat()));
}

/** The value of `text`, asserting it evaluated. */
export function value(text: string, s: ExpressionScope = scope({})): Value {
  const r = evaluateExpression(text, s);
  if (!r.ok) assert.fail(`${text}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The number `text` evaluates to (a number value, exactly). */
export function num(text: string, s?: ExpressionScope): number {
  const v = value(text, s);
  assert.equal(v.kind, 'number', `${text} gives ${v.kind}`);
  return (v as { value: number }).value;
}

/** The boolean `text` evaluates to. */
export function bool(text: string, s?: ExpressionScope): boolean {
  const v = value(text, s);
  assert.equal(v.kind, 'boolean', `${text} gives ${v.kind}`);
  return (v as { value: boolean }).value;
}

/** The matrix `text` evaluates to, as rows of numbers. */
export function rows(text: string, s?: ExpressionScope): number[][] {
  const v = value(text, s);
  assert.equal(v.kind, 'matrix', `${text} gives ${v.kind}`);
  const m = v as MatrixValue;
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** The error `text` gives, asserting it failed with `code` at [start, end) and that the message states the 1-based column. */
export function failure(text: string, s: ExpressionScope, code: ExpressionError['code'], start?: number, end?: number): ExpressionError {
  const r = evaluateExpression(text, s);
  if (r.ok) assert.fail(`${text} evaluated, expected ${code}`);
  assert.equal(r.error.code, code, `${text}: ${r.error.message}`);
  if (start !== undefined) assert.equal(r.error.start, start, `start of ${text}: ${r.error.message}`);
  if (end !== undefined) assert.equal(r.error.end, end, `end of ${text}: ${r.error.message}`);
  assert.ok(r.error.message.startsWith(`column ${r.error.start + 1}: `), r.error.message);
  return r.error;
}

/** The tree of `text`, fully parenthesised: `((1 + (2 * 3)))`-style, for precedence tests. */
export function tree(text: string): string {
  const r = parseExpression(text);
  if (!r.ok) assert.fail(`${text}: ${r.error.message}`);
  return show(r.value.root);
}

function showArg(a: IndexArgument): string {
  if (a.kind === 'all') return ':';
  if (a.kind === 'range') return `${show(a.from)}:${show(a.to)}`;
  return show(a);
}

function show(n: Expression): string {
  switch (n.kind) {
    case 'number': return String(n.value);
    case 'name': return n.name;
    case 'end': return 'end';
    case 'unary': return `(${n.op === 'not' ? 'not ' : n.op}${show(n.operand)})`;
    case 'binary': case 'logical': return `(${show(n.left)} ${n.op} ${show(n.right)})`;
    case 'transpose': return `(${show(n.operand)})'`;
    case 'index': return `${show(n.target)}[${n.args.map(showArg).join(',')}]`;
    case 'call': return `${n.name}(${n.args.map(show).join(',')})`;
  }
}
