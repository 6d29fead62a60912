/**
 * Writes docs/nnspec.schema.json from the zod schema: `npx tsx scripts/generate-json-schema.ts`.
 * Run it after changing src/core/spec/schema.ts; test/schema fails until the file is current.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { JSON_SCHEMA_PATH, nnspecJsonSchemaText } from '../src/export/json-schema';

const target = path.join(__dirname, '..', JSON_SCHEMA_PATH);
writeFileSync(target, nnspecJsonSchemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), target) || target}\n`);
