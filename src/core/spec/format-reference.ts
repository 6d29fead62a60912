/**
 * The generated parts of docs/format.md: every key (type, default, meaning) read from the
 * schema, and every diagnostic code. A test keeps the document equal to these, so the
 * reference cannot drift from the format.
 */
import { z } from 'zod';
import { SPEC_CODES } from './codes';
import { DATA_SOURCES, describeType, unwrap, type FieldInfo } from './schema-walk';
import { specSchema } from './schema';

interface Section {
  readonly title: string;
  /** The path prefix users write, e.g. `train.` or `layers[i].`. */
  readonly prefix: string;
  readonly schema: z.ZodObject;
}

const SECTIONS: readonly Section[] = [
  { title: 'Top level', prefix: '', schema: specSchema },
  { title: 'Each entry of `layers`', prefix: 'layers[i].', schema: layerOf() },
  { title: '`data` with inline rows', prefix: 'data.', schema: DATA_SOURCES.rows },
  { title: '`data` from a CSV file', prefix: 'data.', schema: DATA_SOURCES.csv },
  { title: '`data` from a generator', prefix: 'data.', schema: DATA_SOURCES.generate },
  { title: '`init`', prefix: 'init.', schema: objectOf(specSchema.shape.init) },
  { title: '`train`', prefix: 'train.', schema: objectOf(specSchema.shape.train) },
  { title: '`gradientCheck`', prefix: 'gradientCheck.', schema: objectOf(specSchema.shape.gradientCheck) },
];

function layerOf(): z.ZodObject {
  return (unwrap(specSchema.shape.layers).schema as z.ZodArray).element as z.ZodObject;
}

function objectOf(schema: z.ZodType): z.ZodObject {
  return unwrap(schema).schema as z.ZodObject;
}

/** Markdown: one table per section, one row per key. */
export function renderKeyReference(): string {
  return SECTIONS.map((section) => {
    const rows = Object.entries(section.schema.shape as Record<string, z.ZodType>).map(([key, schema]) => {
      const field = unwrap(schema);
      return `| \`${section.prefix}${key}\` | ${cell(describeType(field.schema))} | ${cell(defaultOf(field))} | ${cell(field.description ?? '')} |`;
    });
    return [`### ${section.title}`, '', '| Key | Type | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
  }).join('\n\n');
}

/** Markdown: the codes table, each code an anchor (docs/format.md#code). */
export function renderCodeTable(): string {
  const rows = SPEC_CODES.map((c) => `| <a id="${c.code}"></a>\`${c.code}\` | ${c.severity} | ${cell(c.summary)} |`);
  return ['| Code | Severity | Meaning |', '|---|---|---|', ...rows].join('\n');
}

function defaultOf(field: FieldInfo): string {
  if (field.hasDefault) return `\`${String(field.defaultValue)}\``;
  if (!field.optional) return 'required';
  if (field.schema instanceof z.ZodObject) return 'see its section';
  return '—';
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
