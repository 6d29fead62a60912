// Node's util.isDeepStrictEqual, for a browser: primitives by Object.is; objects by
// prototype, type tag and own enumerable properties (symbols included); Date, RegExp,
// Error, boxed primitives, typed arrays (byte for byte), Map and Set by content.
// test/e2e/self-test/deep-equal-oracle.test.ts compares it with Node's on random values.

type Pairs = Map<object, object>;

/** Whether `a` and `b` are deep-strict-equal as Node's assert.deepStrictEqual means it. */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}

function equal(a: unknown, b: unknown, inProgress: Pairs): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tag(a) !== tag(b)) return false;
  // A pair already being compared further up (a cycle) is taken as equal, as Node does.
  if (inProgress.get(a) === b) return true;
  inProgress.set(a, b);
  try {
    return sameKind(a, b, inProgress) && sameProperties(a, b, inProgress);
  } finally {
    inProgress.delete(a);
  }
}

const tag = (value: object): string => Object.prototype.toString.call(value);

/** What the type itself holds beyond enumerable properties. */
function sameKind(a: object, b: object, inProgress: Pairs): boolean {
  if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
  if (a instanceof RegExp) {
    const r = b as RegExp;
    return a.source === r.source && a.flags === r.flags && a.lastIndex === r.lastIndex;
  }
  if (a instanceof Error) {
    const e = b as Error;
    return a.name === e.name && a.message === e.message;
  }
  if (ArrayBuffer.isView(a)) return sameBytes(a, b as ArrayBufferView);
  if (a instanceof ArrayBuffer) return sameBytes(new Uint8Array(a), new Uint8Array(b as ArrayBuffer));
  if (a instanceof Number || a instanceof String || a instanceof Boolean || a instanceof BigInt || a instanceof Symbol) {
    return Object.is(a.valueOf(), (b as typeof a).valueOf());
  }
  if (a instanceof Map) return sameMap(a, b as Map<unknown, unknown>, inProgress);
  if (a instanceof Set) return sameSet(a, b as Set<unknown>, inProgress);
  return true;
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return x.every((byte, i) => byte === y[i]);
}

function ownKeys(value: object): PropertyKey[] {
  const symbols = Object.getOwnPropertySymbols(value).filter((s) => Object.prototype.propertyIsEnumerable.call(value, s));
  return [...Object.keys(value), ...symbols];
}

function sameProperties(a: object, b: object, inProgress: Pairs): boolean {
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  const keys = ownKeys(a);
  if (keys.length !== ownKeys(b).length) return false;
  const x = a as Record<PropertyKey, unknown>;
  const y = b as Record<PropertyKey, unknown>;
  return keys.every((key) => Object.prototype.propertyIsEnumerable.call(b, key) && equal(x[key], y[key], inProgress));
}

const isObject = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function';

/**
 * Each member of `a` pairs with a distinct member of `b`: the same value first, then, for
 * objects only, a deep-equal one not yet taken.
 */
function sameSet(a: Set<unknown>, b: Set<unknown>, inProgress: Pairs): boolean {
  if (a.size !== b.size) return false;
  const unmatched = [...b].filter((member) => isObject(member) && !a.has(member));
  for (const member of a) {
    if (b.has(member)) continue;
    if (!isObject(member)) return false;
    const i = unmatched.findIndex((candidate) => equal(member, candidate, inProgress));
    if (i < 0) return false;
    unmatched.splice(i, 1);
  }
  return true;
}

/** As sameSet on the keys, and the values of paired keys deep-equal. */
function sameMap(a: Map<unknown, unknown>, b: Map<unknown, unknown>, inProgress: Pairs): boolean {
  if (a.size !== b.size) return false;
  const unmatched = [...b].filter(([key]) => isObject(key) && !a.has(key));
  for (const [key, value] of a) {
    if (b.has(key)) {
      if (!equal(value, b.get(key), inProgress)) return false;
      continue;
    }
    if (!isObject(key)) return false;
    const i = unmatched.findIndex(([k, v]) => equal(key, k, inProgress) && equal(value, v, inProgress));
    if (i < 0) return false;
    unmatched.splice(i, 1);
  }
  return true;
}
