/**
 * Logpoint messages: text with `{expr}` parts, each an expression whose value is put in its
 * place (`J = {J}, |D1| = {norm(D[1])}`); `{{` and `}}` stand for literal braces. Parse the
 * message once when the logpoint is set (its syntax errors, with their columns in the whole
 * message, are known then) and render it at each hit. A part that fails to evaluate is shown
 * in place as `<error: …>` and reported, so the rest of the line is still logged.
 */
import type { ParsedExpression } from './ast';
import { expressionError, ok, type ExpressionError, type Result } from './errors';
import { evaluate } from './evaluator';
import { formatValue, type FormatOptions } from './format';
import { MAX_MESSAGE_LENGTH } from './limits';
import { parseExpressionIn } from './parser';
import type { ExpressionScope } from './scope';

/** One piece of a log message: literal text, or an expression to interpolate. */
export type LogPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'expression'; readonly expression: ParsedExpression };

/** A parsed log message. */
export interface LogMessage {
  readonly text: string;
  readonly parts: readonly LogPart[];
}

/** What a rendered message says, and the errors of the parts that failed. */
export interface RenderedMessage {
  readonly text: string;
  readonly errors: readonly ExpressionError[];
}

/** Parses a log message: its literal parts (braces unescaped) and its `{expr}` parts. Never throws. */
export function parseLogMessage(text: string): Result<LogMessage> {
  if (text.length > MAX_MESSAGE_LENGTH) {
    return { ok: false, error: expressionError(text, 'too-long', `the message is ${text.length} characters long; the limit is ${MAX_MESSAGE_LENGTH}`, 0, text.length) };
  }
  const parts: LogPart[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if ((c === '{' || c === '}') && text[i + 1] === c) {
      literal += c;
      i += 2;
      continue;
    }
    if (c === '}') {
      return { ok: false, error: expressionError(text, 'syntax', "unmatched '}' (write '}}' for a brace)", i, i + 1) };
    }
    if (c !== '{') {
      literal += c;
      i++;
      continue;
    }
    const close = text.indexOf('}', i + 1);
    if (close < 0) return { ok: false, error: expressionError(text, 'syntax', "unclosed '{' (write '{{' for a brace)", i, i + 1) };
    if (text.slice(i + 1, close).trim() === '') {
      return { ok: false, error: expressionError(text, 'syntax', "empty '{}': put an expression inside, or write '{{' for a brace", i, close + 1) };
    }
    const parsed = parseExpressionIn(text, i + 1, close);
    if (!parsed.ok) return parsed;
    flush();
    parts.push({ kind: 'expression', expression: parsed.value });
    i = close + 1;
  }
  flush();
  return ok({ text, parts });
}

/** The message with every `{expr}` replaced by its value (inline unless options say otherwise). Never throws. */
export function renderLogMessage(message: LogMessage, scope: ExpressionScope, options: FormatOptions = {}): RenderedMessage {
  const format: FormatOptions = { style: 'inline', ...options };
  const errors: ExpressionError[] = [];
  let out = '';
  for (const part of message.parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    const r = evaluate(part.expression, scope);
    if (r.ok) {
      out += formatValue(r.value, format);
    } else {
      errors.push(r.error);
      out += `<error: ${r.error.message}>`;
    }
  }
  return { text: out, errors };
}

/** Parses and renders in one call; a message that does not parse renders as its error. Never throws. */
export function interpolate(text: string, scope: ExpressionScope, options?: FormatOptions): RenderedMessage {
  const parsed = parseLogMessage(text);
  if (!parsed.ok) return { text: `<error: ${parsed.error.message}>`, errors: [parsed.error] };
  return renderLogMessage(parsed.value, scope, options);
}
