/**
 * Breakpoint conditions: an expression whose value decides whether to stop. A boolean is
 * itself; a number (or a 1 × 1 matrix) is true when nonzero, so a NaN cost stops too (NaN is
 * nonzero); a larger matrix is a 'type' error that suggests any(…) or all(…).
 * Parse the condition once when the breakpoint is set (parseExpression reports its syntax
 * errors then) and call conditionHolds at each hit.
 */
import type { ParsedExpression } from './ast';
import { expressionError, ok, type Result } from './errors';
import { evaluate, type EvaluationLimits } from './evaluator';
import { isTrue } from './operators';
import { parseExpression } from './parser';
import type { ExpressionScope } from './scope';
import { describe, isScalarLike, scalarOf } from './values';

/** Whether the parsed condition holds in this scope. Never throws. */
export function conditionHolds(condition: ParsedExpression, scope: ExpressionScope, limits?: EvaluationLimits): Result<boolean> {
  const r = evaluate(condition, scope, limits);
  if (!r.ok) return r;
  const v = r.value;
  if (v.kind === 'boolean') return ok(v.value);
  if (isScalarLike(v)) return ok(isTrue(scalarOf(v)));
  const { start, end } = condition.root;
  return {
    ok: false,
    error: expressionError(condition.text, 'type', `a condition needs one truth value, but this is ${describe(v)}: use any(…) or all(…)`, start, end),
  };
}

/** Parses and tests a condition in one call. Never throws. */
export function evaluateCondition(text: string, scope: ExpressionScope, limits?: EvaluationLimits): Result<boolean> {
  const parsed = parseExpression(text);
  return parsed.ok ? conditionHolds(parsed.value, scope, limits) : parsed;
}
