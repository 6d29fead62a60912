/**
 * The evaluator: a syntax tree and a scope → a value, or the error that stopped it. It walks
 * the tree (whose depth the parser bounded), charges every operation to a WorkBudget, and
 * never writes into a value the scope gave. `and`/`or` short-circuit when their left side is
 * a scalar; on matrices they are elementwise (0/1 matrices). `A' * B` multiplies by Aᵀ
 * without building it.
 */
import type { Expression, LogicalNode, ParsedExpression } from './ast';
import { WorkBudget, type Span } from './budget';
import { ExpressionFault, guard, type Result } from './errors';
import { FUNCTIONS, functionNames } from './functions';
import { index } from './indexing';
import { numeric, type Operand, type Site } from './operands';
import { binary, elementwise, isTrue, matrixProduct, transpose, unary } from './operators';
import { MAX_ENTRIES, MAX_WORK } from './limits';
import { parseExpression } from './parser';
import { CONSTANTS, resolveName, type ExpressionScope } from './scope';
import { didYouMean } from './suggest';
import { booleanValue, isScalarLike, scalarOf, type Value } from './values';

/** Tighter bounds for one evaluation than the defaults of limits.ts (a condition tested at every hit may want less). */
export interface EvaluationLimits {
  /** The most elementary operations (default MAX_WORK). */
  readonly maxWork?: number;
  /** The most entries of one value made (default MAX_ENTRIES). */
  readonly maxEntries?: number;
}

/** Evaluates a parsed expression in a scope. Never throws. */
export function evaluate(parsed: ParsedExpression, scope: ExpressionScope, limits: EvaluationLimits = {}): Result<Value> {
  return guard(parsed.text, parsed.root.start, parsed.root.end, () => new Evaluator(parsed.text, scope, budgetFor(limits)).value(parsed.root));
}

function budgetFor(limits: EvaluationLimits): WorkBudget {
  return new WorkBudget(Math.min(limits.maxWork ?? MAX_WORK, MAX_WORK), Math.min(limits.maxEntries ?? MAX_ENTRIES, MAX_ENTRIES));
}

/**
 * Evaluates one node of a parsed tree, `end` standing for `last` (as inside brackets of that
 * size): how Set Value reads the indices of its target. Never throws.
 */
export function evaluateNode(text: string, node: Expression, scope: ExpressionScope, last?: number): Result<Value> {
  return guard(text, node.start, node.end, () => new Evaluator(text, scope, budgetFor({}), last).value(node));
}

/** Parses and evaluates `text` in a scope: the Debug Console's and a Watch's one call. Never throws. */
export function evaluateExpression(text: string, scope: ExpressionScope, limits?: EvaluationLimits): Result<Value> {
  const parsed = parseExpression(text);
  return parsed.ok ? evaluate(parsed.value, scope, limits) : parsed;
}

/** The names "did you mean" chooses from: the scope's, the constants, the functions. */
export function knownNames(scope: ExpressionScope): string[] {
  return [...scope.names(), ...CONSTANTS.keys(), ...functionNames()];
}

class Evaluator implements Site {
  /** The value `end` stands for, innermost brackets last. */
  private readonly ends: number[] = [];

  constructor(readonly text: string, private readonly scope: ExpressionScope, readonly budget: WorkBudget, last?: number) {
    if (last !== undefined) this.ends.push(last);
  }

  private operand(node: Expression): Operand {
    return { value: this.value(node), start: node.start, end: node.end };
  }

  value(node: Expression): Value {
    switch (node.kind) {
      case 'number':
        return { kind: 'number', value: node.value };
      case 'name':
        return this.name(node.name, node);
      case 'end':
        return { kind: 'number', value: this.ends[this.ends.length - 1] ?? NaN };
      case 'unary':
        return unary(this, node.op, { start: node.start, end: node.start + node.op.length }, this.operand(node.operand));
      case 'transpose':
        return transpose(this, { start: node.operand.end, end: node.end }, this.operand(node.operand));
      case 'binary': {
        const opSpan = { start: node.opStart, end: node.opEnd };
        if (node.op === '*' && (node.left.kind === 'transpose' || node.right.kind === 'transpose')) {
          const l = this.product(node.left), r = this.product(node.right);
          if (isMatrix(l.inner.value) && isMatrix(r.inner.value)) {
            return matrixProduct(this, opSpan, l.inner.value, l.transposed, r.inner.value, r.transposed);
          }
          return binary(this, node.op, opSpan, this.materialise(l), this.materialise(r));
        }
        return binary(this, node.op, opSpan, this.operand(node.left), this.operand(node.right));
      }
      case 'logical':
        return this.logical(node);
      case 'index': {
        const target = this.operand(node.target);
        return index(this, target, node.args, (arg, last) => {
          this.ends.push(last);
          try {
            return this.value(arg);
          } finally {
            this.ends.pop();
          }
        });
      }
      case 'call':
        return this.call(node.name, node, { start: node.start, end: node.nameEnd }, node.args);
      default: {
        const never: never = node;
        return never;
      }
    }
  }

  /** A factor of `*`: the operand under a transpose (not yet transposed), or the operand itself. */
  private product(node: Expression): { inner: Operand; transposed: boolean; node: Expression } {
    if (node.kind === 'transpose') return { inner: this.operand(node.operand), transposed: true, node };
    return { inner: this.operand(node), transposed: false, node };
  }

  private materialise(f: { inner: Operand; transposed: boolean; node: Expression }): Operand {
    if (!f.transposed) return f.inner;
    return { value: transpose(this, { start: f.inner.end, end: f.node.end }, f.inner), start: f.node.start, end: f.node.end };
  }

  private name(name: string, span: Span): Value {
    const v = resolveName(this.scope, name);
    if (v !== undefined) return v;
    if (FUNCTIONS.has(name)) {
      throw new ExpressionFault('type', `'${name}' is a function: call it, as in ${FUNCTIONS.get(name)!.signature}`, span.start, span.end);
    }
    const suggestion = didYouMean(name, knownNames(this.scope));
    throw new ExpressionFault('unknown-name', `unknown name '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`, span.start, span.end, suggestion);
  }

  private call(name: string, call: Span, nameSpan: Span, argNodes: readonly Expression[]): Value {
    const f = FUNCTIONS.get(name);
    if (f === undefined) {
      if (resolveName(this.scope, name) !== undefined) {
        throw new ExpressionFault('type', `'${name}' is not a function: index it with brackets, as in ${name}[1]`, nameSpan.start, nameSpan.end);
      }
      const suggestion = didYouMean(name, [...functionNames(), ...this.scope.names()]);
      const hint = suggestion ? `; did you mean '${suggestion}'?` : `; the functions are ${functionNames().join(', ')}`;
      throw new ExpressionFault('unknown-function', `unknown function '${name}'${hint}`, nameSpan.start, nameSpan.end, suggestion);
    }
    if (argNodes.length < f.minArgs || argNodes.length > f.maxArgs) {
      const takes = f.minArgs === f.maxArgs ? `${f.minArgs}` : `${f.minArgs} or ${f.maxArgs}`;
      throw new ExpressionFault('arity', `${name} takes ${takes} argument${f.maxArgs === 1 ? '' : 's'} (${f.signature}), got ${argNodes.length}`, call.start, call.end);
    }
    return f.apply(this, call, argNodes.map((a) => this.operand(a)));
  }

  /** `and` / `or`: on a scalar left side, short-circuit to a boolean; otherwise elementwise 0/1. */
  private logical(node: LogicalNode): Value {
    const opSpan = { start: node.opStart, end: node.opEnd };
    const word = `'${node.op}'`;
    const left = this.operand(node.left);
    const l = numeric(this, left, word);
    if (isScalarLike(l)) {
      const t = isTrue(scalarOf(l));
      if (node.op === 'and' && !t) return booleanValue(false);
      if (node.op === 'or' && t) return booleanValue(true);
    }
    const right = this.operand(node.right);
    const r = numeric(this, right, word);
    const f = node.op === 'and' ? (a: number, b: number) => (isTrue(a) && isTrue(b) ? 1 : 0) : (a: number, b: number) => (isTrue(a) || isTrue(b) ? 1 : 0);
    return elementwise(this, opSpan, node.op, l, r, f, (x) => booleanValue(x === 1));
  }
}

function isMatrix(v: Value): v is Extract<Value, { kind: 'matrix' }> {
  return v.kind === 'matrix' && !isScalarLike(v);
}
