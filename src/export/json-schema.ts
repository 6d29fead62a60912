/**
 * The JSON Schema of `.nnspec`, generated from the zod schema (spec/schema.ts) so the format
 * is declared once. docs/nnspec.schema.json is this text; a test keeps the two equal.
 *
 * Choices, and why:
 * - draft-07: the draft every YAML language server and JSON validator reads (newer drafts are
 *   not supported everywhere).
 * - io 'input': the schema describes what a user writes, so fields with defaults are optional;
 *   the output side would mark them required.
 * - strict objects become `additionalProperties: false`, so a misspelt key is flagged.
 * - `data` is an `anyOf` of three strict objects, each requiring its own key (`rows`, `csv`,
 *   `generate`) and forbidding the others' keys: exactly one source can match.
 */
import { z } from 'zod';
import { specSchema } from '../core/spec/schema';

/** Where the file lives in the repository (and the package). */
export const JSON_SCHEMA_PATH = 'docs/nnspec.schema.json';

/** The JSON Schema (draft-07) of a `.nnspec` file as written. */
export function nnspecJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(specSchema, { target: 'draft-7', io: 'input', unrepresentable: 'throw' });
  const { $schema, ...rest } = generated;
  return { $schema, title: 'nnspec', ...rest };
}

/** The text of docs/nnspec.schema.json: the schema, two-space indented, with a final newline. */
export function nnspecJsonSchemaText(): string {
  return `${JSON.stringify(nnspecJsonSchema(), null, 2)}\n`;
}
