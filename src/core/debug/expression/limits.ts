/**
 * The bounds on the work one expression may cause, so that nothing a user types in the Debug
 * Console, a Watch or a breakpoint condition can hang the debugger or exhaust its memory.
 */

/** The longest expression, in UTF-16 code units. */
export const MAX_EXPRESSION_LENGTH = 2000;

/** The longest log message (the text of a logpoint, `{expr}` parts included). */
export const MAX_MESSAGE_LENGTH = 8000;

/**
 * The deepest nesting of the syntax tree: parentheses, brackets, calls, operators and operator
 * chains (`1+1+…+1` nests once per `+`) all count. The parser keeps an explicit counter, so
 * 10,000 '(' is an error, never a stack overflow.
 */
export const MAX_DEPTH = 200;

/** The most entries one value the evaluator makes may have (a product, a transpose, an elementwise result). */
export const MAX_ENTRIES = 4_000_000;

/**
 * The most elementary operations (entries read or written, multiply-adds) one evaluation may
 * perform, summed over all its operations: a few tenths of a second at worst.
 */
export const MAX_WORK = 30_000_000;
