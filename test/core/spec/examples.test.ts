import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateSpec } from '../../../src/core/spec/validate';
import { createCsvProbe } from '../../../src/data/csv-probe';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

/** What each example shows: its warnings, and the data shape the validator finds (through the real CSV probe). */
const EXPECTED: Record<string, { warnings: string[]; data: { features?: number; classes?: number } }> = {
  'xor.nnspec': { warnings: [], data: { features: 2, classes: 2 } },
  'iris.nnspec': { warnings: [], data: { features: 4, classes: 3 } },
  'spiral.nnspec': { warnings: [], data: { features: 2, classes: 2 } },
  'regression.nnspec': { warnings: [], data: { features: 1 } },
  'digits.nnspec': { warnings: [], data: { features: 64, classes: 10 } },
  'zeros.nnspec': { warnings: ['zero-init-symmetry'], data: { features: 2, classes: 2 } },
  'circle.nnspec': { warnings: [], data: { features: 2, classes: 2 } },
  'vanishing.nnspec': { warnings: [], data: { features: 2, classes: 2 } },
  'vanishing-relu.nnspec': { warnings: [], data: { features: 2, classes: 2 } },
  'diverging.nnspec': { warnings: [], data: { features: 1 } },
};

describe('the example specs', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.nnspec')).sort();

  it('are the ones this test knows', () => {
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(`${file} is valid`, () => {
      const probe = createCsvProbe(EXAMPLES, { workspaceRoot: ROOT, allowOutside: false });
      const result = validateSpec(readFileSync(path.join(EXAMPLES, file), 'utf8'), { probe });
      assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), []);
      assert.ok(result.spec);
      assert.deepEqual(result.diagnostics.map((d) => d.code), EXPECTED[file]?.warnings);
      assert.deepEqual(result.data, EXPECTED[file]?.data);
    });
  }

  it('start with a comment that says what to look at', () => {
    for (const file of files) assert.match(readFileSync(path.join(EXAMPLES, file), 'utf8'), /^# [\w-]+\.nnspec: .+\n/, file);
  });

  it('include the real iris data: 150 rows, 50 of each species', () => {
    const lines = readFileSync(path.join(EXAMPLES, 'data', 'iris.csv'), 'utf8').trim().split('\n');
    assert.equal(lines[0], 'sepal_length,sepal_width,petal_length,petal_width,species');
    assert.equal(lines.length, 151);
    const counts = new Map<string, number>();
    for (const line of lines.slice(1)) counts.set(line.split(',')[4]!, (counts.get(line.split(',')[4]!) ?? 0) + 1);
    assert.deepEqual([...counts], [['setosa', 50], ['versicolor', 50], ['virginica', 50]]);
  });
});
