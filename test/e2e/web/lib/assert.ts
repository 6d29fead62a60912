// node:assert/strict for the browser. The web bundles alias `node:assert/strict` to this
// file, so a web suite imports assert as the Node suites do (type-checked against Node's
// types). Strict semantics only; what a suite uses and this file lacks fails the build.
import { isDeepStrictEqual } from './deep-equal';

type Message = string | Error | undefined;

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
  readonly code = 'ERR_ASSERTION';
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
    readonly operator?: string,
  ) {
    super(message);
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value); // a cycle
  }
}

function failWith(message: Message, fallback: string, actual: unknown, expected: unknown, operator: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected, operator);
}

export function fail(message: Message = 'Failed'): never {
  failWith(message, 'Failed', undefined, undefined, 'fail');
}

export function ok(value: unknown, message?: Message): asserts value {
  if (!value) failWith(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true, '==');
}

export function equal<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!Object.is(actual, expected)) failWith(message, `Expected values to be strictly equal: ${show(actual)} !== ${show(expected)}`, actual, expected, 'strictEqual');
}
export const strictEqual = equal;

export function notEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) failWith(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected, 'notStrictEqual');
}
export const notStrictEqual = notEqual;

export function deepEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected)) failWith(message, `Expected values to be strictly deep-equal:\n${show(actual)}\n!==\n${show(expected)}`, actual, expected, 'deepStrictEqual');
}
export const deepStrictEqual = deepEqual;

export function notDeepEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (isDeepStrictEqual(actual, expected)) failWith(message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`, actual, expected, 'notDeepStrictEqual');
}
export const notDeepStrictEqual = notDeepEqual;

export function match(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || !pattern.test(value)) failWith(message, `The input did not match the regular expression ${pattern}: ${show(value)}`, value, pattern, 'match');
}

export function doesNotMatch(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || pattern.test(value)) failWith(message, `The input was expected not to match the regular expression ${pattern}: ${show(value)}`, value, pattern, 'doesNotMatch');
}

/** What throws/rejects accept as `expected`: a pattern, an Error class, a validation function or an object of properties. */
type Expected = RegExp | (new (...args: never[]) => unknown) | ((error: unknown) => boolean) | object;

function checkThrown(error: unknown, expected: Expected | undefined, message: Message, operator: string): void {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    if (!expected.test(String(error))) failWith(message, `The error did not match ${expected}: ${String(error)}`, error, expected, operator);
    return;
  }
  if (typeof expected === 'function') {
    // A class (Error or a subclass) is an instanceof check; any other function validates.
    if (expected.prototype !== undefined && (expected.prototype instanceof Error || expected === Error)) {
      if (!(error instanceof (expected as new () => unknown))) failWith(message, `The error is not an instance of ${expected.name}: ${String(error)}`, error, expected, operator);
      return;
    }
    if ((expected as (e: unknown) => unknown)(error) !== true) failWith(message, `The validation function did not return true for: ${String(error)}`, error, expected, operator);
    return;
  }
  for (const [key, want] of Object.entries(expected)) {
    const got = (error as Record<string, unknown> | null)?.[key];
    const same = want instanceof RegExp && typeof got === 'string' ? want.test(got) : isDeepStrictEqual(got, want);
    if (!same) failWith(message, `The error's ${key} is ${show(got)}, expected ${show(want)}`, error, expected, operator);
  }
}

export function throws(fn: () => unknown, expected?: Expected | string, message?: Message): void {
  if (typeof expected === 'string') [expected, message] = [undefined, expected];
  try {
    fn();
  } catch (error) {
    checkThrown(error, expected, message, 'throws');
    return;
  }
  failWith(message, 'Missing expected exception.', undefined, expected, 'throws');
}

export async function rejects(action: Promise<unknown> | (() => Promise<unknown>), expected?: Expected | string, message?: Message): Promise<void> {
  if (typeof expected === 'string') [expected, message] = [undefined, expected];
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    checkThrown(error, expected, message, 'rejects');
    return;
  }
  failWith(message, 'Missing expected rejection.', undefined, expected, 'rejects');
}
