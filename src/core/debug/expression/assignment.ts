/**
 * Set Value: which number a user's text names, and the number to put there. The target is a
 * scalar name (`lambda`) or one entry (`x[2]`, `Theta[1][2,3]`, `a[2][3]`, with `end` allowed,
 * as in `Theta[end][1,end]`), checked against the scope with the same errors as evaluation;
 * the value is any expression giving a finite number (`lambda / 2`). The runtime applies the
 * description: the language never writes into a value.
 */
import type { Expression, IndexArgument } from './ast';
import { expressionError, ok, type Result } from './errors';
import { evaluate, evaluateNode } from './evaluator';
import { parseExpression } from './parser';
import { resolveName, type ExpressionScope } from './scope';
import { describe, isScalarLike, scalarOf, type MatrixValue, type Value } from './values';

/** What a Set Value target names. Indices are 1-based as written; `offset` is 0-based into the matrix's row-major data. */
export type AssignmentTarget =
  | { readonly kind: 'scalar'; readonly name: string }
  | {
    readonly kind: 'entry';
    readonly name: string;
    /** The layer, for a list of layers (`Theta[1][2,3]` → 1); undefined for a matrix name (`x[2]`). */
    readonly layer: number | undefined;
    readonly row: number;
    readonly col: number;
    readonly offset: number;
  };

/** A target and the finite number to put there. */
export interface Assignment {
  readonly target: AssignmentTarget;
  readonly value: number;
}

/** Parses and checks a Set Value target in this scope. Never throws. */
export function parseAssignmentTarget(text: string, scope: ExpressionScope): Result<AssignmentTarget> {
  const parsed = parseExpression(text);
  if (!parsed.ok) return parsed;
  const root = parsed.value.root;
  const refuse = (detail: string): Result<AssignmentTarget> => ({ ok: false, error: expressionError(text, 'not-assignable', detail, root.start, root.end) });
  const checked = evaluate(parsed.value, scope);
  if (!checked.ok) return checked;
  if (checked.value.kind !== 'number' && !(checked.value.kind === 'matrix' && isScalarLike(checked.value) && root.kind === 'index')) {
    return refuse(`only a number or one entry can be set, but this is ${describe(checked.value)}: name one entry, as in Theta[1][2, 3]`);
  }
  if (root.kind === 'name') {
    return scope.lookup(root.name) === undefined ? refuse(`'${root.name}' is a constant`) : ok({ kind: 'scalar', name: root.name });
  }
  if (root.kind !== 'index') return refuse('only a name or one entry can be set, as in lambda or Theta[1][2, 3]');
  if (root.args.some((a) => a.kind === 'all' || a.kind === 'range')) return refuse('a range names several entries: set one at a time');
  // root is matrix[i] / matrix[i, j], the matrix a name or a layer of a list.
  const base = root.target;
  let name: string, layer: number | undefined, matrix: Value | undefined;
  if (base.kind === 'name') {
    name = base.name;
    matrix = scope.lookup(name);
  } else if (base.kind === 'index' && base.target.kind === 'name' && base.args.length === 1) {
    name = base.target.name;
    const list = scope.lookup(name);
    if (list?.kind !== 'layers') return refuse(`only an entry of a named matrix or of one layer can be set, as in Theta[1][2, 3]`);
    const l = whole(text, base.args[0]!, scope, list.items.length);
    if (!l.ok) return l;
    layer = l.value;
    matrix = list.items[layer - 1];
  } else {
    return refuse('only an entry of a named matrix or of one layer can be set, as in x[2] or Theta[1][2, 3]');
  }
  if (matrix === undefined && resolveName(scope, name) !== undefined) return refuse(`'${name}' is a constant`);
  if (matrix?.kind !== 'matrix') return refuse(`only an entry of a matrix can be set, but '${name}' is ${matrix ? describe(matrix) : 'unknown'}`);
  return entry(text, root.args, scope, matrix, name, layer);
}

function entry(text: string, args: readonly IndexArgument[], scope: ExpressionScope, m: MatrixValue, name: string, layer: number | undefined): Result<AssignmentTarget> {
  if (args.length === 1) {
    const i = whole(text, args[0]!, scope, m.data.length);
    if (!i.ok) return i;
    const [row, col] = m.cols === 1 ? [i.value, 1] : [1, i.value];
    return ok({ kind: 'entry', name, layer, row, col, offset: i.value - 1 });
  }
  const r = whole(text, args[0]!, scope, m.rows);
  if (!r.ok) return r;
  const c = whole(text, args[1]!, scope, m.cols);
  if (!c.ok) return c;
  return ok({ kind: 'entry', name, layer, row: r.value, col: c.value, offset: (r.value - 1) * m.cols + (c.value - 1) });
}

/** An index argument's value (already checked by the evaluation of the whole target), `end` standing for `last`. */
function whole(text: string, arg: IndexArgument, scope: ExpressionScope, last: number): Result<number> {
  const v = evaluateNode(text, arg as Expression, scope, last);
  if (!v.ok) return v;
  return ok(isScalarLike(v.value) ? scalarOf(v.value) : NaN);
}

/** Evaluates the new value of a Set Value: it must be a finite number. Never throws. */
export function evaluateAssignedValue(text: string, scope: ExpressionScope): Result<number> {
  const parsed = parseExpression(text);
  if (!parsed.ok) return parsed;
  const r = evaluate(parsed.value, scope);
  if (!r.ok) return r;
  const { start, end } = parsed.value.root;
  if (r.value.kind === 'boolean' || !isScalarLike(r.value)) {
    return { ok: false, error: expressionError(text, 'type', `a new value must be a number, but this is ${describe(r.value)}`, start, end) };
  }
  const x = scalarOf(r.value);
  if (!Number.isFinite(x)) return { ok: false, error: expressionError(text, 'not-finite', `a new value must be finite, but this is ${x}`, start, end) };
  return ok(x);
}

/** The target and the value of a Set Value together. Never throws. */
export function parseAssignment(targetText: string, valueText: string, scope: ExpressionScope): Result<Assignment> {
  const target = parseAssignmentTarget(targetText, scope);
  if (!target.ok) return target;
  const value = evaluateAssignedValue(valueText, scope);
  if (!value.ok) return value;
  return ok({ target: target.value, value: value.value });
}
