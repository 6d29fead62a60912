import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fail, ok } from '../../src/core/data/data-error';
import type { TaskName } from '../../src/core/spec/schema';
import { inMemoryCsvProbe, loadCsvFromMemory, type CsvScans, type ReadCsv } from '../../src/data/csv-in-memory';
import { loadCsvFile } from '../../src/data/csv-file';
import { createCsvProbe } from '../../src/data/csv-probe';

/** The in-memory twin must answer exactly as the disk path does, for good files and broken ones alike. */
describe('csv in memory', () => {
  const fixtures = path.join(__dirname, 'fixtures');
  const examples = path.resolve(__dirname, '..', '..', 'examples', 'data');
  const files = [
    ...fs.readdirSync(fixtures).map((name) => path.join(fixtures, name)),
    ...fs.readdirSync(examples).map((name) => path.join(examples, name)),
  ].filter((file) => file.endsWith('.csv'));

  const given = (file: string): Map<string, ReadCsv> => new Map([[path.basename(file), ok({ file, bytes: fs.readFileSync(file) })]]);

  it('has files to compare', () => assert.ok(files.length >= 15, `only ${files.length} CSV files`));

  for (const file of files) {
    const name = path.basename(file);
    const disk = createCsvProbe(path.dirname(file), { workspaceRoot: path.dirname(file), allowOutside: false });
    const diskProbe = disk(name);
    const columns = diskProbe.status === 'ok' ? diskProbe.summary.columns.map((c) => c.name) : [];

    it(`probes ${name} as the disk probe does`, () => {
      const memory = inMemoryCsvProbe(given(file));
      assert.deepEqual(memory(name), diskProbe);
      assert.deepEqual(memory.rowsBound!(name), disk.rowsBound!(name));
      for (const target of [columns[0], columns.at(-1)].filter((c) => c !== undefined)) assert.deepEqual(memory(name, target), disk(name, target), `target ${target}`);
    });

    it(`loads ${name} as loadCsvFile does`, () => {
      const targets = columns.length > 0 ? [columns.at(-1)!, columns[0]!] : ['label'];
      for (const target of targets) {
        for (const task of ['classification', 'regression'] as TaskName[]) {
          const want = loadCsvFile(file, { target, task });
          assert.deepEqual(loadCsvFromMemory(given(file), name, { target, task }), want, `${target}, ${task}`);
        }
      }
    });
  }

  // Written to disk for the comparison: a target with more class names than a table keeps at first, and a whitespace-only file that csv-parse still makes a record of.
  for (const [name, text] of [
    ['many-classes.csv', `x,label\n${Array.from({ length: 70_000 }, (_, i) => `${i},class-${i}`).join('\n')}\n`],
    ['whitespace-record.csv', '\u00a0\n\u3000 '],
  ] as const) {
    it(`loads ${name} as loadCsvFile does`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-memory-'));
      try {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        const want = loadCsvFile(file, { target: 'label', task: 'classification' });
        assert.deepEqual(loadCsvFromMemory(given(file), name, { target: 'label', task: 'classification' }), want);
        assert.deepEqual(inMemoryCsvProbe(given(file))(name, 'label'), createCsvProbe(dir, { workspaceRoot: dir, allowOutside: false })(name, 'label'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('with a job’s scans, the probe’s pass builds the table the loader takes: one parse, the same answers', () => {
    for (const [name, target, features, task] of [['iris.csv', 'species', undefined, 'classification'], ['iris.csv', 'species', ['petal_length', 'petal_width'], 'classification'], ['ragged.csv', 'y', undefined, 'regression']] as const) {
      const file = files.find((f) => path.basename(f) === name)!;
      const scans: CsvScans = new Map();
      const probe = inMemoryCsvProbe(given(file), scans);
      assert.deepEqual(probe(name, target, features), inMemoryCsvProbe(given(file))(name, target, features), name);
      assert.equal(scans.size, 1, 'the probe kept its table');
      const columns = { target, task, ...(features ? { features } : {}) };
      // Taken from the scan, it is the table a separate parse builds.
      assert.deepEqual(loadCsvFromMemory(given(file), name, columns, scans), loadCsvFromMemory(given(file), name, columns), name);
      assert.equal(scans.size, 0, 'the loader took it');
    }
  });

  it('passes on why its reader could not read a file', () => {
    const refused = fail({ code: 'csv-too-large', file: '/ws/big.csv', message: '/ws/big.csv is too large.' });
    const files = new Map([['big.csv', refused]]);
    const probe = inMemoryCsvProbe(files);
    assert.deepEqual(probe('big.csv', 'y'), { status: 'failed', error: { code: 'csv-too-large', message: '/ws/big.csv is too large.' } });
    assert.deepEqual(probe.rowsBound!('big.csv'), { status: 'refused' });
    assert.deepEqual(loadCsvFromMemory(files, 'big.csv', { target: 'y', task: 'regression' }), refused);
  });

  it('refuses a path its reader was not given', () => {
    const probe = inMemoryCsvProbe(new Map());
    const answer = probe('other.csv');
    assert.equal(answer.status === 'failed' && answer.error.code, 'csv-unreadable');
    assert.match(answer.status === 'failed' ? answer.error.message : '', /other\.csv was not read/);
  });
});
