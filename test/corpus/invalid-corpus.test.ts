import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateSpec } from '../../src/core/spec/validate';
import { readExpectations } from './expectations';
import { fakeProbe } from './fake-probe';

const DIR = path.join(__dirname, 'invalid');

const files = readdirSync(DIR).filter((f) => f.endsWith('.nnspec')).sort();

describe('the invalid-spec corpus', () => {
  it('has at least 45 specs with errors', () => {
    const invalid = files.filter((f) => validateSpec(readFileSync(path.join(DIR, f), 'utf8'), { probe: fakeProbe }).hasErrors);
    assert.ok(invalid.length >= 45, `${invalid.length} invalid specs`);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const expected = readExpectations(text);
      assert.ok(expected.length > 0, 'a corpus spec states what it expects');
      const result = validateSpec(text, { probe: fakeProbe });
      const actual = result.diagnostics.map((d) => ({ code: d.code, range: [d.range[0], d.range[1]] }));
      const show = (xs: readonly { code: string; range: readonly number[] }[]): string[] =>
        xs.map((x) => `${x.code} ${JSON.stringify(text.slice(x.range[0], x.range[1]))} @${x.range[0]}-${x.range[1]}`).sort();
      assert.deepEqual(show(actual), show(expected));
      // A spec is returned exactly when there is no error.
      assert.equal(result.spec !== undefined, !result.hasErrors);
    });
  }
});
