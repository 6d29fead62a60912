/**
 * The parser: tokens → a syntax tree with source ranges, by recursive descent with an explicit
 * depth counter (nesting past MAX_DEPTH is a 'too-deep' error, never a stack overflow).
 *
 * Precedence, from the loosest to the tightest (as in Octave/MATLAB, the lecture's notation;
 * `not` binds loosely as in Python, so `not J > 1` is `not (J > 1)`):
 *
 * | level | operators                         | associativity |
 * |-------|-----------------------------------|---------------|
 * | 1     | `or` `\|\|`                        | left          |
 * | 2     | `and` `&&`                        | left          |
 * | 3     | `not` (prefix)                    | right         |
 * | 4     | `<` `<=` `>` `>=` `==` `!=` `~=`  | left          |
 * | 5     | `+` `-`                           | left          |
 * | 6     | `*` `/` `%` `.*` `./`             | left          |
 * | 7     | `-` `+` (prefix)                  | right         |
 * | 8     | `^` `.^`                          | left (Octave: `2^3^2` is 64); the exponent may carry a sign, `2^-1` |
 * | 9     | `'` `.'` (postfix), `[…]` indexing, `f(…)` calls | left |
 *
 * So `-2^2` is −4, `a' * b` transposes a only, and `Theta[2]' * delta[3] .* a[2] .* (1 - a[2])`
 * is ((Θ^(2))ᵀ δ^(3)) .* a^(2) .* (1 − a^(2)). Inside brackets an argument may also be `:` (all)
 * or `from:to`, and `end` is the last index of its dimension.
 */
import type { AllArgument, BinaryOperator, Expression, IndexArgument, ParsedExpression, RangeArgument } from './ast';
import { ExpressionFault, guard, expressionError, type Result } from './errors';
import { tokenize, type Token } from './lexer';
import { MAX_DEPTH, MAX_EXPRESSION_LENGTH } from './limits';

const COMPARISONS: readonly string[] = ['<', '<=', '>', '>=', '==', '!='];
const ADDITIVE: readonly string[] = ['+', '-'];
const MULTIPLICATIVE: readonly string[] = ['*', '/', '%', '.*', './'];
const POWER: readonly string[] = ['^', '.^'];

/** Parses `text` as one expression. */
export function parseExpression(text: string): Result<ParsedExpression> {
  return parseExpressionIn(text, 0, text.length);
}

/**
 * Parses text[start, end) as one expression, with offsets (and error columns) into the whole
 * of `text`: how a log message's `{expr}` parts are parsed.
 */
export function parseExpressionIn(text: string, start: number, end: number): Result<ParsedExpression> {
  if (end - start > MAX_EXPRESSION_LENGTH) {
    return { ok: false, error: expressionError(text, 'too-long', `the expression is ${end - start} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`, start, end) };
  }
  return guard(text, start, end, () => ({ text, root: new Parser(text, tokenize(text, start, end)).parseWhole() }));
}

/** Describes a token for "expected …, found …". */
function found(t: Token): string {
  if (t.kind === 'eof') return 'the end of the expression';
  if (t.kind === 'number') return `the number ${t.text}`;
  if (t.kind === 'name') return `the name '${t.text}'`;
  return `'${t.text}'`;
}

class Parser {
  private pos = 0;
  private nesting = 0;
  /** How many brackets enclose the current position: `end` is valid only inside one. */
  private brackets = 0;

  constructor(private readonly text: string, private readonly tokens: readonly Token[]) {}

  parseWhole(): Expression {
    const first = this.peek();
    if (first.kind === 'eof') throw new ExpressionFault('syntax', 'empty expression', first.start, first.end);
    const root = this.expression();
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      if (rest.text === '=') throw new ExpressionFault('syntax', "'=' assigns, which expressions do not; compare with '=='", rest.start, rest.end);
      throw new ExpressionFault('syntax', `expected an operator or the end, found ${found(rest)}`, rest.start, rest.end);
    }
    return root;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.text);
  }

  /** Enters one level of nesting; past MAX_DEPTH, a 'too-deep' error at token t. */
  private enter(t: Token): void {
    if (++this.nesting > MAX_DEPTH) throw new ExpressionFault('too-deep', `the expression nests deeper than ${MAX_DEPTH} levels`, t.start, t.end);
  }

  private leave(): void {
    this.nesting--;
  }

  /** The depth of a node made of these children, refused past MAX_DEPTH. */
  private depthOf(t: Token, ...children: { depth: number }[]): number {
    const depth = 1 + Math.max(0, ...children.map((c) => c.depth));
    if (depth > MAX_DEPTH) throw new ExpressionFault('too-deep', `the expression nests deeper than ${MAX_DEPTH} levels`, t.start, t.end);
    return depth;
  }

  private expression(): Expression {
    return this.or();
  }

  private or(): Expression {
    let left = this.and();
    while (this.isOp('or', '||')) {
      const op = this.next();
      const right = this.and();
      left = { kind: 'logical', op: 'or', left, right, opStart: op.start, opEnd: op.end, start: left.start, end: right.end, depth: this.depthOf(op, left, right) };
    }
    return left;
  }

  private and(): Expression {
    let left = this.not();
    while (this.isOp('and', '&&')) {
      const op = this.next();
      const right = this.not();
      left = { kind: 'logical', op: 'and', left, right, opStart: op.start, opEnd: op.end, start: left.start, end: right.end, depth: this.depthOf(op, left, right) };
    }
    return left;
  }

  private not(): Expression {
    if (!this.isOp('not')) return this.comparison();
    const op = this.next();
    this.enter(op);
    const operand = this.not();
    this.leave();
    return { kind: 'unary', op: 'not', operand, start: op.start, end: operand.end, depth: this.depthOf(op, operand) };
  }

  private binaryLevel(ops: readonly string[], operand: () => Expression): Expression {
    let left = operand();
    while (this.peek().kind === 'op' && ops.includes(this.peek().text)) {
      const op = this.next();
      const right = operand();
      left = {
        kind: 'binary', op: op.text as BinaryOperator, left, right, opStart: op.start, opEnd: op.end,
        start: left.start, end: right.end, depth: this.depthOf(op, left, right),
      };
    }
    return left;
  }

  private comparison(): Expression {
    return this.binaryLevel(COMPARISONS, () => this.additive());
  }

  private additive(): Expression {
    return this.binaryLevel(ADDITIVE, () => this.multiplicative());
  }

  private multiplicative(): Expression {
    return this.binaryLevel(MULTIPLICATIVE, () => this.unary());
  }

  private unary(): Expression {
    if (this.isOp('not')) {
      const t = this.peek();
      throw new ExpressionFault('syntax', "'not' applies to a whole comparison: put it first or in parentheses, as in 1 + (not x)", t.start, t.end);
    }
    if (!this.isOp('-', '+')) return this.power();
    const op = this.next();
    this.enter(op);
    const operand = this.unary();
    this.leave();
    return { kind: 'unary', op: op.text as '-' | '+', operand, start: op.start, end: operand.end, depth: this.depthOf(op, operand) };
  }

  private power(): Expression {
    return this.binaryLevel(POWER, () => this.powerOperand());
  }

  /** The right side of `^`: a postfix expression, with as many signs before it as written. */
  private powerOperand(): Expression {
    if (!this.isOp('-', '+')) return this.postfix();
    const op = this.next();
    this.enter(op);
    const operand = this.powerOperand();
    this.leave();
    return { kind: 'unary', op: op.text as '-' | '+', operand, start: op.start, end: operand.end, depth: this.depthOf(op, operand) };
  }

  private postfix(): Expression {
    let node = this.primary();
    for (;;) {
      if (this.isOp("'", ".'")) {
        const t = this.next();
        node = { kind: 'transpose', operand: node, start: node.start, end: t.end, depth: this.depthOf(t, node) };
      } else if (this.isOp('[')) {
        const open = this.next();
        this.enter(open);
        this.brackets++;
        const args = this.list(']', open, () => this.indexArgument());
        this.brackets--;
        this.leave();
        const close = this.next();
        node = { kind: 'index', target: node, args, start: node.start, end: close.end, depth: this.depthOf(open, node, ...args) };
      } else if (this.isOp('(')) {
        const t = this.peek();
        throw new ExpressionFault('syntax', "only a function name can be called; index with '[ ]', as in Theta[1]", t.start, t.end);
      } else {
        return node;
      }
    }
  }

  /** Comma-separated items up to (not past) `close`; at least one. */
  private list<T>(close: string, open: Token, item: () => T): T[] {
    const items: T[] = [];
    if (this.isOp(close)) {
      const t = this.peek();
      throw new ExpressionFault('syntax', close === ']' ? 'empty brackets: give an index, as in Theta[1]' : 'expected an argument', t.start, t.end);
    }
    for (;;) {
      items.push(item());
      if (this.isOp(',')) {
        this.next();
        continue;
      }
      if (this.isOp(close)) return items;
      const t = this.peek();
      throw new ExpressionFault('syntax', `expected ',' or '${close}' to close the '${open.text}' at column ${this.columnOf(open)}, found ${found(t)}`, t.start, t.end);
    }
  }

  private columnOf(t: Token): number {
    return t.start - (this.text.lastIndexOf('\n', t.start - 1) + 1) + 1;
  }

  private indexArgument(): IndexArgument {
    if (this.isOp(':')) {
      const t = this.next();
      const all: AllArgument = { kind: 'all', start: t.start, end: t.end, depth: 1 };
      return all;
    }
    const from = this.expression();
    if (!this.isOp(':')) return from;
    const colon = this.next();
    const to = this.expression();
    const range: RangeArgument = { kind: 'range', from, to, start: from.start, end: to.end, depth: this.depthOf(colon, from, to) };
    return range;
  }

  private primary(): Expression {
    const t = this.next();
    if (t.kind === 'number') return { kind: 'number', value: t.value, start: t.start, end: t.end, depth: 1 };
    if (t.kind === 'name') {
      if (!this.isOp('(')) return { kind: 'name', name: t.text, start: t.start, end: t.end, depth: 1 };
      const open = this.next();
      this.enter(open);
      const args = this.isOp(')') ? [] : this.list(')', open, () => this.expression());
      this.leave();
      const close = this.next();
      return { kind: 'call', name: t.text, nameEnd: t.end, args, start: t.start, end: close.end, depth: this.depthOf(open, ...args) };
    }
    if (t.kind === 'op' && t.text === '(') {
      this.enter(t);
      const inner = this.expression();
      this.leave();
      if (!this.isOp(')')) {
        const at = this.peek();
        throw new ExpressionFault('syntax', `expected ')' to close the '(' at column ${this.columnOf(t)}, found ${found(at)}`, at.start, at.end);
      }
      const close = this.next();
      return { ...inner, start: t.start, end: close.end };
    }
    if (t.kind === 'op' && t.text === 'end') {
      if (this.brackets === 0) throw new ExpressionFault('syntax', "'end' stands for the last index only inside brackets, as in delta[end]", t.start, t.end);
      return { kind: 'end', start: t.start, end: t.end, depth: 1 };
    }
    if (t.kind === 'op' && (t.text === "'" || t.text === ".'")) {
      throw new ExpressionFault('syntax', `expected a value, found ${found(t)} (there are no strings: ' transposes the value before it)`, t.start, t.end);
    }
    if (t.kind === 'op' && t.text === ':') {
      throw new ExpressionFault('syntax', "a range ':' is valid only inside brackets, as in Theta[1][:, 2]", t.start, t.end);
    }
    throw new ExpressionFault('syntax', `expected a value, found ${found(t)}`, t.start, t.end);
  }
}
