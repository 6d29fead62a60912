/**
 * The syntax tree of an expression. Every node has its [start, end) offsets into the text it
 * was parsed from (a parenthesised node's range includes its parentheses) and its `depth`,
 * the height of its subtree, which the parser keeps under MAX_DEPTH.
 */

/** The binary operators that always evaluate both sides. */
export type BinaryOperator =
  | '+' | '-' | '*' | '/' | '%' | '^'
  | '.*' | './' | '.^'
  | '<' | '<=' | '>' | '>=' | '==' | '!=';

/** The short-circuit operators (`&&` and `||` are their other spellings). */
export type LogicalOperator = 'and' | 'or';

/** The prefix operators. */
export type UnaryOperator = '-' | '+' | 'not';

interface Node {
  readonly start: number;
  readonly end: number;
  /** 1 for a leaf; 1 + the deepest child's otherwise. */
  readonly depth: number;
}

/** A number literal. */
export interface NumberNode extends Node { readonly kind: 'number'; readonly value: number }
/** A name the scope (or the constants) answers. */
export interface NameNode extends Node { readonly kind: 'name'; readonly name: string }
/** `end` inside brackets: the last valid index of the dimension it stands in. */
export interface EndNode extends Node { readonly kind: 'end' }
/** A prefix operator. */
export interface UnaryNode extends Node { readonly kind: 'unary'; readonly op: UnaryOperator; readonly operand: Expression }
/** A binary operator; opStart/opEnd locate the operator itself (errors point at it). */
export interface BinaryNode extends Node {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
  readonly opStart: number;
  readonly opEnd: number;
}
/** `and` / `or`, short-circuit on scalars. */
export interface LogicalNode extends Node {
  readonly kind: 'logical';
  readonly op: LogicalOperator;
  readonly left: Expression;
  readonly right: Expression;
  readonly opStart: number;
  readonly opEnd: number;
}
/** Postfix `'` (or `.'`, the same on real numbers). */
export interface TransposeNode extends Node { readonly kind: 'transpose'; readonly operand: Expression }
/** `target[args]`: a layer of a list, or entries of a matrix. */
export interface IndexNode extends Node { readonly kind: 'index'; readonly target: Expression; readonly args: readonly IndexArgument[] }
/** `name(args)`: a call of a built-in function. */
export interface CallNode extends Node {
  readonly kind: 'call';
  readonly name: string;
  readonly nameEnd: number;
  readonly args: readonly Expression[];
}

/** Any expression node. */
export type Expression = NumberNode | NameNode | EndNode | UnaryNode | BinaryNode | LogicalNode | TransposeNode | IndexNode | CallNode;

/** A lone `:` in brackets: every index of its dimension. */
export interface AllArgument extends Node { readonly kind: 'all' }
/** `from:to` in brackets: the indices from … to, both included. */
export interface RangeArgument extends Node { readonly kind: 'range'; readonly from: Expression; readonly to: Expression }
/** What may stand between brackets, separated by commas. */
export type IndexArgument = Expression | AllArgument | RangeArgument;

/** A parsed expression with the text its offsets refer to. */
export interface ParsedExpression {
  /** The whole text the offsets refer to (for a log message's `{expr}`, the whole message). */
  readonly text: string;
  readonly root: Expression;
}
