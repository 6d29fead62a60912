/**
 * The built-in functions, one registry keyed by the names users type. Reductions work over
 * all entries of a matrix and return a number (not Octave's column by column: in a debug
 * console `max(abs(D[1]))` should answer one number), and let a NaN through, so that a NaN
 * is never hidden (`max([1; NaN])` is NaN, unlike Octave's).
 *
 * | call           | meaning |
 * |----------------|---------|
 * | `max(X)`, `min(X)` | the largest / smallest entry |
 * | `max(A, B)`, `min(A, B)` | elementwise, a scalar side broadcast |
 * | `abs(X)`       | elementwise \|x\| |
 * | `sum(X)`, `mean(X)` | the sum / the mean of all entries |
 * | `norm(X)`      | √Σx²: the Frobenius norm of a matrix, the 2-norm of a vector, \|x\| of a scalar (not Octave's spectral norm) |
 * | `any(X)`, `all(X)` | whether some / every entry is nonzero (NaN is nonzero); a boolean |
 * | `isnan(X)`, `isfinite(X)` | elementwise; a boolean on a scalar, a 0/1 matrix on a matrix |
 * | `size(X)`      | [rows, cols], a 1 × 2 matrix (a scalar is 1 × 1) |
 * | `size(X, d)`   | the rows (d = 1) or the columns (d = 2) |
 */
import type { Span } from './budget';
import { fail, numeric, quote, type Operand, type Site } from './operands';
import { elementwise, isTrue } from './operators';
import {
  booleanValue, isScalarLike, matrixValue, numberValue, properMatrix, scalarOf,
  type Numeric, type Value,
} from './values';

/** A built-in function. */
export interface BuiltinFunction {
  readonly name: string;
  /** How it is called, for messages and completions: "max(X) or max(A, B)". */
  readonly signature: string;
  /** What it computes, in one line. */
  readonly summary: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** The result for arguments already counted (minArgs … maxArgs); `call` is the whole call's span. */
  apply(site: Site, call: Span, args: readonly Operand[]): Value;
}

/** The entries of a number or a matrix, charging one operation each. */
function entries(site: Site, o: Operand, fn: string): { v: Numeric; data: ArrayLike<number> } {
  const v = numeric(site, o, `${fn}()`);
  const data = v.kind === 'matrix' ? v.data : [scalarOf(v)];
  site.budget.spend(data.length, o);
  return { v, data };
}

/** A reduction over all entries: f folds from `init`. */
function reduce(name: string, summary: string, init: number, f: (acc: number, x: number) => number, finish = (acc: number, _n: number) => acc): BuiltinFunction {
  return {
    name, signature: `${name}(X)`, summary, minArgs: 1, maxArgs: 1,
    apply: (site, _call, [x]) => {
      const { data } = entries(site, x!, name);
      let acc = init;
      for (let i = 0; i < data.length; i++) acc = f(acc, data[i]!);
      return numberValue(finish(acc, data.length));
    },
  };
}

/** An elementwise function; `bool` gives a boolean on a scalar and a 0/1 matrix on a matrix. */
function map(name: string, summary: string, f: (x: number) => number, bool = false): BuiltinFunction {
  return {
    name, signature: `${name}(X)`, summary, minArgs: 1, maxArgs: 1,
    apply: (site, call, [x]) => {
      const v = numeric(site, x!, `${name}()`);
      const m = properMatrix(v);
      if (m === undefined) {
        const r = f(scalarOf(v));
        return bool ? booleanValue(r === 1) : numberValue(r);
      }
      const out = site.budget.allocate(m.rows, m.cols, call);
      for (let i = 0; i < out.length; i++) out[i] = f(m.data[i]!);
      return matrixValue(m.rows, m.cols, out);
    },
  };
}

/** max / min: over all entries with one argument, elementwise with two. */
function extremum(name: 'max' | 'min'): BuiltinFunction {
  const pick = name === 'max' ? (a: number, b: number) => (a >= b ? a : b) : (a: number, b: number) => (a <= b ? a : b);
  const nanAware = (a: number, b: number): number => (Number.isNaN(a) || Number.isNaN(b) ? NaN : pick(a, b));
  return {
    name, signature: `${name}(X) or ${name}(A, B)`, minArgs: 1, maxArgs: 2,
    summary: `the ${name === 'max' ? 'largest' : 'smallest'} entry of X, or the elementwise ${name === 'max' ? 'larger' : 'smaller'} of A and B (NaN if any is NaN)`,
    apply: (site, call, args) => {
      if (args.length === 2) {
        const a = numeric(site, args[0]!, `${name}()`), b = numeric(site, args[1]!, `${name}()`);
        return elementwise(site, call, `${name}(A, B)`, a, b, nanAware);
      }
      const { data } = entries(site, args[0]!, name);
      let acc = data.length > 0 ? data[0]! : NaN;
      for (let i = 1; i < data.length; i++) acc = nanAware(acc, data[i]!);
      return numberValue(acc);
    },
  };
}

/** √Σx², scaled by the largest |x| so that it neither overflows nor underflows. */
export function frobenius(data: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]!);
    if (Number.isNaN(a)) return NaN;
    if (a > scale) scale = a;
  }
  if (scale === 0 || scale === Infinity) return scale;
  let s = 0;
  for (let i = 0; i < data.length; i++) {
    const r = data[i]! / scale;
    s += r * r;
  }
  return scale * Math.sqrt(s);
}

const LIST: readonly BuiltinFunction[] = [
  extremum('max'),
  extremum('min'),
  map('abs', 'elementwise |x|', Math.abs),
  reduce('sum', 'the sum of all entries of X', 0, (acc, x) => acc + x),
  reduce('mean', 'the mean of all entries of X', 0, (acc, x) => acc + x, (acc, n) => acc / n),
  {
    name: 'norm', signature: 'norm(X)', minArgs: 1, maxArgs: 1,
    summary: '√Σx²: the Frobenius norm of a matrix, the 2-norm of a vector',
    apply: (site, _call, [x]) => numberValue(frobenius(entries(site, x!, 'norm').data)),
  },
  {
    name: 'any', signature: 'any(X)', minArgs: 1, maxArgs: 1, summary: 'whether some entry of X is nonzero (NaN counts as nonzero)',
    apply: (site, _call, [x]) => booleanValue(Array.prototype.some.call(entries(site, x!, 'any').data, (e: number) => isTrue(e))),
  },
  {
    name: 'all', signature: 'all(X)', minArgs: 1, maxArgs: 1, summary: 'whether every entry of X is nonzero (NaN counts as nonzero)',
    apply: (site, _call, [x]) => booleanValue(Array.prototype.every.call(entries(site, x!, 'all').data, (e: number) => isTrue(e))),
  },
  map('isnan', 'elementwise: 1 where x is NaN', (x) => (Number.isNaN(x) ? 1 : 0), true),
  map('isfinite', 'elementwise: 1 where x is neither NaN nor ±Inf', (x) => (Number.isFinite(x) ? 1 : 0), true),
  {
    name: 'size', signature: 'size(X) or size(X, d)', minArgs: 1, maxArgs: 2,
    summary: 'the shape [rows, cols] of X, a 1 × 2 matrix; with d = 1 or 2, the rows or the columns',
    apply: (site, _call, args) => {
      const v = numeric(site, args[0]!, 'size()');
      const shape = v.kind === 'matrix' ? [v.rows, v.cols] : [1, 1];
      if (args.length === 1) return matrixValue(1, 2, Float64Array.from(shape));
      const d = args[1]!;
      const dv = numeric(site, d, 'size()');
      const k = isScalarLike(dv) && dv.kind !== 'boolean' ? scalarOf(dv) : NaN;
      if (k !== 1 && k !== 2) fail('index-out-of-range', `size(X, d) takes d = 1 (rows) or d = 2 (columns), but ${quote(site, d)} is ${Number.isNaN(k) ? 'not a number' : k}`, d);
      return numberValue(shape[k - 1]!);
    },
  },
];

/** The functions by name. */
export const FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = new Map(LIST.map((f) => [f.name, f]));

/** The function names, in the order the docs list them (for "did you mean" and completions). */
export function functionNames(): string[] {
  return LIST.map((f) => f.name);
}
