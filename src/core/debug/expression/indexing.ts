/**
 * Indexing, 1-based as in the lecture: `Theta[1]` is Θ^(1) (a list of layers takes one layer),
 * `Theta[1][2,3]` the entry in row 2, column 3 (column 1 holds the bias weights), `delta[3][2]`
 * entry 2 of a vector. An argument may be `:` (every index) or `from:to` (both included), and
 * `end` is the last index of its dimension (the last layer, row, column or entry). Single
 * indices give a number; a range or `:` gives a matrix (in a vector's own orientation). A
 * matrix that is not a vector needs two indices.
 */
import type { Expression, IndexArgument } from './ast';
import type { Span } from './budget';
import { fail, quote, type Operand, type Site } from './operands';
import {
  isScalarLike, layersText, matrixValue, numberValue, scalarOf, validLayers,
  type LayerListValue, type MatrixValue, type Value,
} from './values';

/** Evaluates an argument's expression with `end` standing for `last`. */
export type EvaluateAt = (node: Expression, last: number) => Value;

/** Which indices of one dimension an argument picks: from … to (1-based, both included). */
interface Pick {
  readonly from: number;
  readonly to: number;
  /** Whether the argument was one index (the dimension disappears from the result). */
  readonly single: boolean;
}

/** One dimension of the indexed value, for messages: "row" / "rows", valid 1 … size. */
interface Dimension {
  readonly one: string;
  readonly many: string;
  readonly size: number;
}

/** `target[args]`: a layer of a list, or entries of a matrix (a number stands for a 1 × 1 matrix). */
export function index(site: Site, target: Operand, args: readonly IndexArgument[], evaluateAt: EvaluateAt): Value {
  const v = target.value;
  if (v.kind === 'layers') return layerOf(site, target, v, args, evaluateAt);
  const m: MatrixValue = v.kind === 'matrix' ? v : matrixValue(1, 1, Float64Array.of(scalarOf(v)));
  if (args.length > 2) fail('type', `a matrix takes one index (a vector) or two, [i, j]; ${quote(site, target)} got ${args.length}`, spanOf(args));
  if (args.length === 1) {
    const vector = m.rows === 1 || m.cols === 1;
    if (!vector) fail('type', `${quote(site, target)} is a ${m.rows}×${m.cols} matrix: index it with [row, column], as in [1, 2]`, args[0]!);
    const p = pick(site, target, args[0]!, { one: 'entry', many: 'entries', size: m.data.length }, evaluateAt);
    if (p.single) return numberValue(m.data[p.from - 1]!);
    const n = p.to - p.from + 1;
    const out = site.budget.allocate(n, 1, args[0]!);
    out.set(m.data.subarray(p.from - 1, p.to));
    return m.cols === 1 ? matrixValue(n, 1, out) : matrixValue(1, n, out);
  }
  const r = pick(site, target, args[0]!, { one: 'row', many: 'rows', size: m.rows }, evaluateAt);
  const c = pick(site, target, args[1]!, { one: 'column', many: 'columns', size: m.cols }, evaluateAt);
  if (r.single && c.single) return numberValue(m.data[(r.from - 1) * m.cols + (c.from - 1)]!);
  const rows = r.to - r.from + 1, cols = c.to - c.from + 1;
  const out = site.budget.allocate(rows, cols, spanOf(args));
  for (let i = 0; i < rows; i++) out.set(m.data.subarray((r.from - 1 + i) * m.cols + c.from - 1, (r.from - 1 + i) * m.cols + c.to), i * cols);
  return matrixValue(rows, cols, out);
}

/** The matrix of one layer of a list; a layer the list lacks is 'index-out-of-range' with the valid layers. */
function layerOf(site: Site, target: Operand, list: LayerListValue, args: readonly IndexArgument[], evaluateAt: EvaluateAt): MatrixValue {
  const name = site.text.slice(target.start, target.end).trim();
  const first = validLayers(list)[0] ?? 1;
  const arg = args[0]!;
  if (args.length !== 1 || arg.kind === 'all' || arg.kind === 'range') {
    fail('type', `${quote(site, target)} is a list of layers: give one layer, as in ${name}[${first}], then entries, as in ${name}[${first}][1, 1]`, spanOf(args));
  }
  const v = evaluateAt(arg, list.items.length);
  const valid = `${quote(site, target)} has layers ${layersText(validLayers(list))}`;
  if (!isScalarLike(v) || v.kind === 'boolean') fail('type', `a layer is a whole number, but this is ${v.kind === 'boolean' ? 'a boolean' : 'not a scalar'}: ${valid}`, arg);
  const l = scalarOf(v);
  if (!Number.isInteger(l)) fail('index-out-of-range', `layer ${l} is not a whole number: ${valid}`, arg);
  const m = l >= 1 ? list.items[l - 1] : undefined;
  if (m === undefined) fail('index-out-of-range', `${valid}; there is no ${name}[${l}]`, arg);
  return m;
}

/** The indices one argument picks in a dimension, checked against 1 … size. */
function pick(site: Site, target: Operand, arg: IndexArgument, dim: Dimension, evaluateAt: EvaluateAt): Pick {
  if (arg.kind === 'all') return { from: 1, to: dim.size, single: false };
  if (arg.kind === 'range') {
    const from = whole(site, target, arg.from, evaluateAt(arg.from, dim.size), dim);
    const to = whole(site, target, arg.to, evaluateAt(arg.to, dim.size), dim);
    if (from > to) fail('index-out-of-range', `the range ${from}:${to} is empty: ${quote(site, target)} has ${dim.many} 1…${dim.size}`, arg);
    inRange(site, target, arg.from, from, dim);
    inRange(site, target, arg.to, to, dim);
    return { from, to, single: false };
  }
  const i = whole(site, target, arg, evaluateAt(arg, dim.size), dim);
  inRange(site, target, arg, i, dim);
  return { from: i, to: i, single: true };
}

/** An index value as a whole number (not yet range-checked). */
function whole(site: Site, target: Operand, span: Span, v: Value, dim: Dimension): number {
  if (!isScalarLike(v) || v.kind === 'boolean') {
    fail('type', `an index is a whole number, but this is ${v.kind === 'boolean' ? 'a boolean' : 'not a scalar'}: ${quote(site, target)} has ${dim.many} 1…${dim.size}`, span);
  }
  const i = scalarOf(v);
  if (!Number.isInteger(i)) fail('index-out-of-range', `${dim.one} ${i} is not a whole number: ${quote(site, target)} has ${dim.many} ${range(dim)}`, span);
  return i;
}

function inRange(site: Site, target: Operand, span: Span, i: number, dim: Dimension): void {
  if (i < 1 || i > dim.size) fail('index-out-of-range', `${dim.one} ${i} is out of range: ${quote(site, target)} has ${dim.many} ${range(dim)}`, span);
}

function range(dim: Dimension): string {
  return dim.size === 1 ? '1 only' : `1…${dim.size}`;
}

function spanOf(args: readonly IndexArgument[]): Span {
  return { start: args[0]!.start, end: args[args.length - 1]!.end };
}
