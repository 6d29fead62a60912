import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderCodeTable, renderKeyReference } from '../../../src/core/spec/format-reference';
import { SPEC_CODES } from '../../../src/core/spec/codes';

/**
 * docs/format.md holds generated sections; this test keeps them equal to the schema and the
 * codes. After changing either, run the tests with NNSPEC_UPDATE_DOCS=1 to rewrite them.
 */
const FILE = path.join(__dirname, '..', '..', '..', 'docs', 'format.md');

function replaceSection(doc: string, name: string, body: string): string {
  const pattern = new RegExp(`(<!-- BEGIN GENERATED: ${name}[^>]*-->\\n)[\\s\\S]*?(<!-- END GENERATED: ${name} -->)`);
  assert.match(doc, pattern, `docs/format.md has the ${name} markers`);
  return doc.replace(pattern, (_m, begin: string, end: string) => `${begin}${body}\n${end}`);
}

describe('docs/format.md', () => {
  it('holds the generated key reference and codes table', () => {
    const doc = readFileSync(FILE, 'utf8');
    const expected = replaceSection(replaceSection(doc, 'keys', renderKeyReference()), 'codes', renderCodeTable());
    if (process.env['NNSPEC_UPDATE_DOCS'] === '1') writeFileSync(FILE, expected);
    assert.equal(doc, expected, 'docs/format.md is out of date: run `NNSPEC_UPDATE_DOCS=1 npx mocha test/core/spec/format-doc.test.ts`');
  });

  it('has an anchor for every diagnostic code', () => {
    const doc = readFileSync(FILE, 'utf8');
    for (const { code } of SPEC_CODES) assert.ok(doc.includes(`<a id="${code}"></a>`), code);
  });
});
