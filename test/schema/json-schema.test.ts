import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import { specSchema } from '../../src/core/spec/schema';
import { JSON_SCHEMA_PATH, nnspecJsonSchema, nnspecJsonSchemaText } from '../../src/export/json-schema';

const ROOT = path.join(__dirname, '..', '..');

/** The `.nnspec` files of a folder, as [name, text]. */
function specsIn(folder: string): [string, string][] {
  const dir = path.join(ROOT, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.nnspec'))
    .sort()
    .map((name) => [`${folder}/${name}`, readFileSync(path.join(dir, name), 'utf8')]);
}

/** The YAML of a spec as a JS value, or undefined when it is not one YAML document without errors. */
function yamlValue(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) return undefined;
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch {
    return undefined; // an alias bomb: not a spec either way
  }
}

describe('the JSON Schema of .nnspec', () => {
  // strict: refuse unknown keywords and formats, so the schema uses only what draft-07 defines;
  // a `type` list (a cell is a number or a string) is plain draft-07, which strict mode only frowns on.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(nnspecJsonSchema());

  it(`is the committed ${JSON_SCHEMA_PATH} (run \`npx tsx scripts/generate-json-schema.ts\` after changing the schema)`, () => {
    const committed = readFileSync(path.join(ROOT, JSON_SCHEMA_PATH), 'utf8');
    assert.equal(committed, nnspecJsonSchemaText());
  });

  it('is a valid draft-07 schema', () => {
    assert.equal(ajv.validateSchema(nnspecJsonSchema()), true, ajv.errorsText(ajv.errors));
    assert.equal(nnspecJsonSchema()['$schema'], 'http://json-schema.org/draft-07/schema#');
  });

  for (const [name, text] of specsIn('examples')) {
    it(`accepts ${name}`, () => {
      const parsed = yamlValue(text);
      assert.ok(parsed, `${name} is not YAML`);
      assert.equal(validate(parsed.value), true, ajv.errorsText(validate.errors));
    });
  }

  it('refuses a misspelt key, two data sources, and a data source with another’s key', () => {
    const base = { layers: [{ units: 2 }, { units: 1 }], data: { rows: [[0, 0, 0]] } };
    assert.equal(validate(base), true, ajv.errorsText(validate.errors));
    assert.equal(validate({ ...base, lamda: 1 }), false);
    assert.equal(validate({ ...base, layers: [{ units: 2 }, { units: 1, activaton: 'relu' }] }), false);
    assert.equal(validate({ ...base, data: { rows: [[0, 0, 0]], csv: 'a.csv', target: 'y' } }), false);
    assert.equal(validate({ ...base, data: { generate: 'xor', target: 'y' } }), false);
    assert.equal(validate({ ...base, data: {} }), false);
  });

  // The oracle is the zod schema itself: on every spec we have, valid or not, the JSON Schema
  // must agree with it (the checks beyond the schema, such as layer sizes against the data,
  // are validate.ts's and appear in neither).
  it('agrees with the zod schema on every example and every corpus spec', () => {
    const files = [...specsIn('examples'), ...specsIn('test/corpus/invalid'), ...specsIn('test/fixtures')];
    let compared = 0;
    for (const [name, text] of files) {
      const parsed = yamlValue(text);
      if (!parsed) continue;
      const zod = specSchema.safeParse(parsed.value).success;
      assert.equal(validate(parsed.value), zod, `${name}: zod says ${zod ? 'valid' : 'invalid'}; ${ajv.errorsText(validate.errors)}`);
      compared++;
    }
    assert.ok(compared >= 50, `only ${compared} specs compared`);
  });
});
