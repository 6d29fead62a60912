/**
 * One field of a spec that may be broken elsewhere: the semantic checks run even when
 * other parts fail the schema, each using only the fields it needs, when those are valid.
 */
import type { z } from 'zod';

/** `{ value }` (defaults applied) when `value` satisfies `schema`, else undefined. */
export function parseField<S extends z.ZodType>(schema: S, value: unknown): { readonly value: z.output<S> } | undefined {
  const result = schema.safeParse(value);
  return result.success ? { value: result.data } : undefined;
}
