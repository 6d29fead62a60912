/**
 * The operators on values: arithmetic, the matrix product, comparisons, negation and the
 * transpose. Shapes: elementwise operators need equal shapes or a scalar on one side (a 1 × 1
 * matrix counts as a scalar); anything else is a 'shape-mismatch' naming both shapes. An
 * operation on two scalars gives a number (comparisons a boolean); otherwise a new matrix.
 *
 * - `+ - .* ./ .^ %`: elementwise. `%` is the floored modulo (the result has the divisor's
 *   sign, x % 0 is x), as Octave's mod.
 * - `*`: the matrix product when both sides are matrices (columns of the left = rows of the
 *   right), scaling when either is a scalar.
 * - `/`: division by a scalar; `^`: a scalar to a scalar power (real: (−8)^(1/3) is NaN).
 *   A matrix on the wrong side is a 'type' error that points to `./` or `.^`.
 * - `< <= > >= == !=`: elementwise; on scalars a boolean, on matrices a 0/1 matrix.
 * Booleans count as 1 and 0 in arithmetic.
 */
import type { BinaryOperator } from './ast';
import type { Span } from './budget';
import { fail, numeric, quote, type Operand, type Site } from './operands';
import {
  booleanValue, isScalarLike, matrixValue, numberValue, properMatrix, scalarOf, shapeText,
  type MatrixValue, type Numeric, type Value,
} from './values';

/** A number's truth: nonzero is true (so NaN is true, as Octave's nonzero test). */
export function isTrue(x: number): boolean {
  return x !== 0;
}

/** Floored modulo: x − floor(x/y)·y with the divisor's sign; x % 0 is x. */
export function floorMod(x: number, y: number): number {
  if (y === 0) return x;
  const r = x % y;
  return r !== 0 && (r < 0) !== (y < 0) ? r + y : r;
}

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '.*': (a, b) => a * b,
  './': (a, b) => a / b,
  '.^': (a, b) => Math.pow(a, b),
  '%': floorMod,
};

const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/**
 * f applied entry by entry, a scalar side broadcast; on two scalars the number f(a, b)
 * (`wrap` turns it into the result value). `op` names the operator in a shape mismatch.
 */
export function elementwise(
  site: Site, opSpan: Span, op: string, l: Numeric, r: Numeric,
  f: (a: number, b: number) => number, wrap: (x: number) => Value = numberValue,
): Value {
  const ls = isScalarLike(l), rs = isScalarLike(r);
  if (ls && rs) return wrap(f(scalarOf(l), scalarOf(r)));
  if (ls || rs) {
    const m = (ls ? r : l) as MatrixValue;
    const s = scalarOf((ls ? l : r) as Numeric);
    const out = site.budget.allocate(m.rows, m.cols, opSpan);
    const d = m.data;
    if (ls) for (let i = 0; i < d.length; i++) out[i] = f(s, d[i]!);
    else for (let i = 0; i < d.length; i++) out[i] = f(d[i]!, s);
    return matrixValue(m.rows, m.cols, out);
  }
  const a = l as MatrixValue, b = r as MatrixValue;
  if (a.rows !== b.rows || a.cols !== b.cols) {
    fail('shape-mismatch', `'${op}' needs operands of the same shape (or a scalar), but they are ${shapeText(a.rows, a.cols)} and ${shapeText(b.rows, b.cols)}`, opSpan);
  }
  const out = site.budget.allocate(a.rows, a.cols, opSpan);
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[i]!, b.data[i]!);
  return matrixValue(a.rows, a.cols, out);
}

/** The effective shape of m, transposed or not. */
function shapeOf(m: MatrixValue, t: boolean): [number, number] {
  return t ? [m.cols, m.rows] : [m.rows, m.cols];
}

/**
 * The matrix product op(A)·op(B), op(X) being X or Xᵀ (so `A' * b` never builds Aᵀ); a
 * 1 × 1 result is a number.
 */
export function matrixProduct(site: Site, opSpan: Span, A: MatrixValue, transA: boolean, B: MatrixValue, transB: boolean): Value {
  const [m, k] = shapeOf(A, transA), [k2, n] = shapeOf(B, transB);
  if (k !== k2) {
    fail('shape-mismatch', `'*' is the matrix product: the left's columns (${k}) must equal the right's rows (${k2}), but they are ${shapeText(m, k)} and ${shapeText(k2, n)} (use .* for an elementwise product)`, opSpan);
  }
  const out = site.budget.allocate(m, n, opSpan, m * n * Math.max(1, k));
  const a = A.data, b = B.data;
  // Entry (i, p) of op(A) and (p, j) of op(B), through their strides.
  const aRow = transA ? 1 : A.cols, aCol = transA ? A.cols : 1;
  const bRow = transB ? 1 : B.cols, bCol = transB ? B.cols : 1;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * aRow + p * aCol]! * b[p * bRow + j * bCol]!;
      out[i * n + j] = s;
    }
  }
  return m === 1 && n === 1 ? numberValue(out[0]!) : matrixValue(m, n, out);
}

/** Explains why a matrix cannot stand on this side of `/` or `^`. */
function scalarOnly(site: Site, op: string, o: Operand, m: MatrixValue, why: string, instead: string): never {
  fail('type', `'${op}' ${why}, but ${quote(site, o)} is a ${shapeText(m.rows, m.cols)} matrix (use ${instead} for the elementwise operation)`, o);
}

/**
 * `left op right` for an operator that evaluates both sides. `transA`/`transB` say that the
 * operand is the transpose of the given matrix (the evaluator's `A' * B` without Aᵀ).
 */
export function binary(
  site: Site, op: BinaryOperator, opSpan: Span, left: Operand, right: Operand, transA = false, transB = false,
): Value {
  const l = numeric(site, left, `'${op}'`), r = numeric(site, right, `'${op}'`);
  switch (op) {
    case '+': case '-': case '.*': case './': case '.^': case '%':
      return elementwise(site, opSpan, op, l, r, ARITHMETIC[op]!);
    case '*': {
      const A = properMatrix(l), B = properMatrix(r);
      if (A === undefined || B === undefined) return elementwise(site, opSpan, op, l, r, ARITHMETIC['.*']!);
      return matrixProduct(site, opSpan, A, transA, B, transB);
    }
    case '/': {
      const B = properMatrix(r);
      if (B !== undefined) scalarOnly(site, op, right, B, 'divides by a scalar', "'./'");
      return elementwise(site, opSpan, op, l, r, ARITHMETIC['./']!);
    }
    case '^': {
      const A = properMatrix(l), B = properMatrix(r);
      if (A !== undefined) scalarOnly(site, op, left, A, 'raises a scalar to a power', "'.^'");
      if (B !== undefined) scalarOnly(site, op, right, B, 'takes a scalar exponent', "'.^'");
      return numberValue(Math.pow(scalarOf(l), scalarOf(r)));
    }
    case '<': case '<=': case '>': case '>=': case '==': case '!=': {
      const c = COMPARE[op]!;
      return elementwise(site, opSpan, op, l, r, (a, b) => (c(a, b) ? 1 : 0), (x) => booleanValue(x === 1));
    }
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** Prefix `-` (negation, elementwise), `+` (the value), `not` (true for zero; elementwise 0/1 on a matrix). */
export function unary(site: Site, op: '-' | '+' | 'not', opSpan: Span, operand: Operand): Value {
  const v = numeric(site, operand, op === 'not' ? "'not'" : `prefix '${op}'`);
  if (op === '+') return v;
  const f = op === '-' ? (x: number) => -x : (x: number) => (isTrue(x) ? 0 : 1);
  const m = properMatrix(v);
  if (m === undefined) {
    const x = f(scalarOf(v));
    return op === 'not' ? booleanValue(x === 1) : numberValue(x);
  }
  const out = site.budget.allocate(m.rows, m.cols, opSpan);
  for (let i = 0; i < out.length; i++) out[i] = f(m.data[i]!);
  return matrixValue(m.rows, m.cols, out);
}

/** Postfix `'`: Mᵀ (a new matrix); a scalar is its own transpose. */
export function transpose(site: Site, opSpan: Span, operand: Operand): Value {
  const v = numeric(site, operand, "the transpose '");
  if (v.kind !== 'matrix') return v;
  const out = site.budget.allocate(v.cols, v.rows, opSpan);
  for (let i = 0; i < v.rows; i++) for (let j = 0; j < v.cols; j++) out[j * v.rows + i] = v.data[i * v.cols + j]!;
  return matrixValue(v.cols, v.rows, out);
}
