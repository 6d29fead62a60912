/**
 * Operands: a value with the span of the text it came from, and the checks that turn a value
 * of the wrong kind into an error pointing at that text.
 */
import type { Span, WorkBudget } from './budget';
import { ExpressionFault, type ExpressionErrorCode } from './errors';
import { layersText, validLayers, type Numeric, type Value } from './values';

/** A value and where in the text it came from. */
export interface Operand extends Span {
  readonly value: Value;
}

/** What every operation needs: the text (to quote operands) and the evaluation's budget. */
export interface Site {
  readonly text: string;
  readonly budget: WorkBudget;
}

/** The operand's text, quoted and shortened for messages: 'Theta[1]'. */
export function quote(site: Site, span: Span): string {
  const s = site.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return `'${s.length > 40 ? `${s.slice(0, 39)}…` : s}'`;
}

/** The operand as a number or a matrix; a list of layers is a 'type' error naming what to do. */
export function numeric(site: Site, o: Operand, role: string): Numeric {
  if (o.value.kind !== 'layers') return o.value;
  throw new ExpressionFault('type', `${role} needs a number or a matrix, but ${quote(site, o)} is a list of layers ${layersText(validLayers(o.value))}: pick one, as in ${site.text.slice(o.start, o.end).trim()}[${validLayers(o.value)[0] ?? 1}]`, o.start, o.end);
}

/** Throws a fault at `span`. */
export function fail(code: ExpressionErrorCode, detail: string, span: Span): never {
  throw new ExpressionFault(code, detail, span.start, span.end);
}
