/**
 * Reading the zod schema as data: which schema governs a path, its description, default,
 * and a plain-words rendering of its type. Diagnostics, hovers, completions and
 * docs/format.md all read the schema through here, so none of them can drift from it.
 */
import { z } from 'zod';
import { specSchema, csvDataSchema, generatedDataSchema, inlineDataSchema } from './schema';
import type { Path } from './yaml-tree';

/** A schema with its wrappers (optional, default) peeled off and their information kept. */
export interface FieldInfo {
  /** The innermost schema: an object, array, union, enum, literal, number or string. */
  readonly schema: z.ZodType;
  readonly description?: string;
  /** True when the key may be left out (it is optional or has a default). */
  readonly optional: boolean;
  /** The default, when the schema declares one (scalars only; objects default to their own defaults). */
  readonly defaultValue?: unknown;
  readonly hasDefault: boolean;
}

/** The three kinds of `data`, keyed by the key that selects each. */
export const DATA_SOURCES = {
  rows: inlineDataSchema,
  csv: csvDataSchema,
  generate: generatedDataSchema,
} as const;
export type DataSourceKey = keyof typeof DATA_SOURCES;
export const DATA_SOURCE_KEYS = Object.keys(DATA_SOURCES) as DataSourceKey[];

export function unwrap(schema: z.ZodType): FieldInfo {
  let s: z.ZodType = schema;
  let description: string | undefined;
  let optional = false;
  let hasDefault = false;
  let defaultValue: unknown;
  for (let i = 0; i < 10; i++) {
    description ??= z.globalRegistry.get(s)?.description;
    if (s instanceof z.ZodOptional) {
      optional = true;
      s = s.def.innerType as z.ZodType;
    } else if (s instanceof z.ZodDefault) {
      optional = true;
      hasDefault = true;
      defaultValue = s.def.defaultValue;
      s = s.def.innerType as z.ZodType;
    } else if (s instanceof z.ZodPrefault) {
      optional = true;
      s = s.def.innerType as z.ZodType;
    } else break;
  }
  description ??= z.globalRegistry.get(s)?.description;
  return { schema: s, optional, hasDefault, ...(description !== undefined && { description }), ...(hasDefault && { defaultValue }) };
}

/**
 * The field governing `path` (object keys and list indices from the spec's root), or
 * undefined when the format has nothing there. Inside `data`, `source` picks the kind;
 * without it, the kind that declares the next key is used.
 */
export function fieldAt(path: Path, source?: DataSourceKey): FieldInfo | undefined {
  let field = unwrap(specSchema);
  for (const seg of path) {
    const next = child(field.schema, seg, source);
    if (!next) return undefined;
    field = unwrap(next);
  }
  return field;
}

function child(s: z.ZodType, seg: string | number, source: DataSourceKey | undefined): z.ZodType | undefined {
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    return typeof seg === 'string' && Object.hasOwn(shape, seg) ? shape[seg] : undefined;
  }
  if (s instanceof z.ZodArray) return typeof seg === 'number' ? (s.element as z.ZodType) : undefined;
  if (s === unwrap(specSchema.shape.data).schema) {
    const preferred = source ? [DATA_SOURCES[source]] : [];
    for (const option of [...preferred, ...Object.values(DATA_SOURCES)]) {
      const shape = option.shape as Record<string, z.ZodType>;
      if (typeof seg === 'string' && Object.hasOwn(shape, seg)) return shape[seg];
    }
  }
  return undefined;
}

/** The keys an object at `path` may have (for `data` without a source: every kind's keys). */
export function keysAt(path: Path, source?: DataSourceKey): string[] {
  const field = fieldAt(path, source);
  if (!field) return [];
  if (field.schema instanceof z.ZodObject) return Object.keys(field.schema.shape);
  if (field.schema instanceof z.ZodUnion && path.length === 1 && path[0] === 'data') {
    const keys = (source ? [DATA_SOURCES[source]] : Object.values(DATA_SOURCES)).flatMap((o) => Object.keys(o.shape));
    return [...new Set(keys)];
  }
  return [];
}

/** The allowed names of an enum or literal field (or of the literals in a union). */
export function allowedNames(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodEnum) return schema.options.map(String);
  if (schema instanceof z.ZodLiteral) return [...schema.values].map(String);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((o) => allowedNames(unwrap(o).schema));
  return [];
}

/** The type of a field in words: "a whole number ≥ 1", "one of: zeros, uniform, …". */
export function describeType(schema: z.ZodType): string {
  if (schema instanceof z.ZodEnum) return `one of: ${schema.options.join(', ')}`;
  if (schema instanceof z.ZodLiteral) return [...schema.values].map((v) => `\`${String(v)}\``).join(' or ');
  if (schema instanceof z.ZodNumber) return describeNumber(schema);
  if (schema instanceof z.ZodString) return 'a text';
  if (schema instanceof z.ZodArray) return `a list of ${plural(unwrap(schema.element as z.ZodType).schema)}`;
  if (schema instanceof z.ZodObject) return 'a mapping';
  if (schema instanceof z.ZodUnion) {
    const options = schema.options as z.ZodType[];
    if (options.every((o) => unwrap(o).schema instanceof z.ZodObject)) return 'a mapping';
    return options.map((o) => describeType(unwrap(o).schema)).join(' or ');
  }
  return 'a value';
}

/** What a list holds, in the plural: "numbers or texts", "lists of numbers". */
function plural(schema: z.ZodType): string {
  if (schema instanceof z.ZodNumber) return describeNumber(schema).replace(/^a (whole )?number/, (_m, whole: string | undefined) => (whole ? 'whole numbers' : 'numbers'));
  if (schema instanceof z.ZodString) return 'texts';
  if (schema instanceof z.ZodObject) return 'mappings';
  if (schema instanceof z.ZodEnum) return `names (${schema.options.join(', ')})`;
  if (schema instanceof z.ZodArray) return `lists of ${plural(unwrap(schema.element as z.ZodType).schema)}`;
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).map((o) => plural(unwrap(o).schema)).join(' or ');
  return 'values';
}

function describeNumber(schema: z.ZodNumber): string {
  let whole = false;
  let lower: { value: number; inclusive: boolean } | undefined;
  let upper: { value: number; inclusive: boolean } | undefined;
  for (const check of schema.def.checks ?? []) {
    const def = check._zod.def as { check: string; format?: string; value?: unknown; inclusive?: boolean };
    if (def.check === 'number_format' && (def.format === 'safeint' || def.format === 'int32')) whole = true;
    else if (def.check === 'greater_than' && typeof def.value === 'number') lower = { value: def.value, inclusive: def.inclusive === true };
    else if (def.check === 'less_than' && typeof def.value === 'number' && def.value < Number.MAX_SAFE_INTEGER) {
      upper = { value: def.value, inclusive: def.inclusive === true };
    }
  }
  const noun = whole ? 'a whole number' : 'a number';
  if (lower && upper) return `${noun} in ${lower.inclusive ? '[' : '('}${lower.value}, ${upper.value}${upper.inclusive ? ']' : ')'}`;
  if (lower) return `${noun} ${lower.inclusive ? '≥' : '>'} ${lower.value}`;
  if (upper) return `${noun} ${upper.inclusive ? '≤' : '<'} ${upper.value}`;
  return noun;
}

/** A path as users read it: `layers[1].activation`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? 'the spec' : out;
}
