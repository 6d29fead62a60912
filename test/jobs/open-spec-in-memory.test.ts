import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail, ok } from '../../src/core/data/data-error';
import type { ReadCsv } from '../../src/data/csv-in-memory';
import { openSpec, type JobPolicy } from '../../src/jobs/open-spec';
import { csvPathsOf, openSpecInMemory } from '../../src/jobs/open-spec-in-memory';

/**
 * The browser's worker opens a spec from the text and CSV bytes its host read; the desktop
 * opens it from disk. Both must give the same data, or the same failure with the same
 * message, for every example and for specs over each broken CSV the data tests keep.
 */
describe('open spec in memory', () => {
  const root = path.resolve(__dirname, '..', '..');
  const examples = path.join(root, 'examples');
  const fixtures = path.join(root, 'test', 'data', 'fixtures');

  /** What a host hands the worker: each path the spec asks for, read from beside the spec. */
  const filesFor = (specPath: string, specText: string, policy: JobPolicy): Map<string, ReadCsv> => {
    const files = new Map<string, ReadCsv>();
    for (const csvPath of csvPathsOf(specText, policy)) {
      const file = path.resolve(path.dirname(specPath), csvPath);
      files.set(csvPath, fs.existsSync(file) ? ok({ file, bytes: fs.readFileSync(file) }) : fail({ code: 'csv-not-found', file, message: `${file} does not exist.` }));
    }
    return files;
  };

  const bothWays = (specPath: string, specText: string, policy: JobPolicy) => ({
    disk: openSpec(specPath, policy, specText),
    memory: openSpecInMemory(specPath, specText, policy, filesFor(specPath, specText, policy)),
  });

  const specs = fs.readdirSync(examples).filter((name) => name.endsWith('.nnspec'));

  it('has examples to compare, two of them over a CSV', () => {
    assert.ok(specs.length >= 8);
    const overCsv = specs.filter((name) => /^\s*csv:/m.test(fs.readFileSync(path.join(examples, name), 'utf8')));
    assert.ok(overCsv.length >= 2, overCsv.join(', '));
  });

  for (const name of specs) {
    it(`opens ${name} with the same data as from disk`, () => {
      const specPath = path.join(examples, name);
      const { disk, memory } = bothWays(specPath, fs.readFileSync(specPath, 'utf8'), { workspaceRoot: root, allowOutside: false });
      assert.ok(disk.ok, `${name} does not open from disk`);
      assert.ok(memory.ok, `${name} does not open in memory: ${memory.ok ? '' : memory.failure.message}`);
      assert.deepEqual(memory.value.data, disk.value.data);
      assert.deepEqual(memory.value.architecture, disk.value.architecture);
    });
  }

  it('asks its host for exactly the CSV the spec names', () => {
    const text = fs.readFileSync(path.join(examples, 'iris.nnspec'), 'utf8');
    assert.deepEqual(csvPathsOf(text, { workspaceRoot: root, allowOutside: false }), ['data/iris.csv']);
    assert.deepEqual(csvPathsOf(fs.readFileSync(path.join(examples, 'xor.nnspec'), 'utf8'), { workspaceRoot: root, allowOutside: false }), []);
  });

  const csvs = fs.readdirSync(fixtures).filter((name) => name.endsWith('.csv'));
  let failures = 0;
  for (const csv of csvs) {
    it(`opens or fails over ${csv} as the disk does, with the same message`, () => {
      const columns = fs.readFileSync(path.join(fixtures, csv), 'utf8').split(/\r?\n/)[0]!.replace(/^\uFEFF/, '').split(',');
      const target = columns.at(-1) || 'y';
      const specText = ['layers:', '  - units: 1', '  - units: 2', 'data:', `  csv: ${csv}`, `  target: ${JSON.stringify(target)}`, ''].join('\n');
      const specPath = path.join(fixtures, 'over-fixture.nnspec');
      const { disk, memory } = bothWays(specPath, specText, { workspaceRoot: fixtures, allowOutside: false });
      assert.equal(memory.ok, disk.ok, `${csv}: disk ${disk.ok ? 'opens' : disk.failure.code}, memory ${memory.ok ? 'opens' : memory.failure.code}`);
      if (!disk.ok && !memory.ok) {
        failures += 1;
        assert.equal(memory.failure.code, disk.failure.code);
        assert.equal(memory.failure.message, disk.failure.message);
        assert.deepEqual(memory.failure.diagnostics?.map((d) => [d.code, d.range]), disk.failure.diagnostics?.map((d) => [d.code, d.range]));
      }
    });
  }

  it('compared failures, not only openings', () => assert.ok(failures >= 8, `only ${failures} of ${csvs.length} fixtures failed`));

  it('refuses a CSV its host could not read, with the host\'s reason', () => {
    const specPath = path.join(examples, 'iris.nnspec');
    const specText = fs.readFileSync(specPath, 'utf8');
    const files = new Map<string, ReadCsv>([['data/iris.csv', fail({ code: 'csv-outside-workspace', file: 'data/iris.csv', message: 'data/iris.csv lies outside the workspace folder /w.' })]]);
    const memory = openSpecInMemory(specPath, specText, { workspaceRoot: root, allowOutside: false }, files);
    assert.ok(!memory.ok);
    assert.equal(memory.failure.code, 'spec-invalid');
    assert.ok(memory.failure.diagnostics?.some((d) => d.code === 'csv-outside-workspace'), JSON.stringify(memory.failure.diagnostics?.map((d) => d.code)));
  });
});
