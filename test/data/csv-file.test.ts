import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataErrorCode, DataFailure } from '../../src/core/data/data-error';
import { formatBytes, loadCsvFile, readCsvFile } from '../../src/data/csv-file';

const fixture = (name: string): string => path.join(__dirname, 'fixtures', name);
const classify = { target: 'y', task: 'classification' as const };

function failure(name: string, columns = classify): DataFailure {
  const r = loadCsvFile(fixture(name), columns);
  assert.ok(!r.ok, `${name} should fail`);
  assert.equal(r.error.file, fixture(name));
  return r.error;
}

describe('loadCsvFile: malformed files', () => {
  const cases: [file: string, code: DataErrorCode, line: number | undefined, column: number | undefined, columnName?: string][] = [
    ['ragged.csv', 'csv-ragged-row', 3, undefined],
    ['not-a-number.csv', 'csv-not-a-number', 3, 2, 'x2'],
    ['nan-cell.csv', 'csv-non-finite', 4, 1, 'x1'],
    ['infinity-cell.csv', 'csv-non-finite', 3, 2, 'x2'],
    ['overflow-cell.csv', 'csv-non-finite', 3, 2, 'x2'],
    ['empty-cell.csv', 'csv-empty-cell', 2, 2, 'x2'],
    ['empty.csv', 'csv-empty', undefined, undefined],
    ['blank.csv', 'csv-empty', undefined, undefined],
    ['header-only.csv', 'csv-header-only', 1, undefined],
    ['duplicate-column.csv', 'csv-duplicate-column', 1, 3, 'a'],
    ['blank-lines.csv', 'csv-not-a-number', 5, 2, 'x2'],
    ['unclosed-quote.csv', 'csv-malformed', 2, undefined],
  ];
  for (const [file, code, line, column, columnName] of cases) {
    it(`${file}: ${code}${line !== undefined ? ` at line ${line}` : ''}${column !== undefined ? `, column ${column}` : ''}`, () => {
      const e = failure(file);
      assert.equal(e.code, code);
      assert.equal(e.line, line);
      assert.equal(e.column, column);
      if (columnName !== undefined) assert.equal(e.columnName, columnName);
    });
  }

  it('a missing target or feature column: csv-missing-column naming it', () => {
    const target = failure('crlf.csv', { target: 'label', task: 'classification' });
    assert.deepEqual([target.code, target.columnName], ['csv-missing-column', 'label']);
    const feature = loadCsvFile(fixture('crlf.csv'), { target: 'y', features: ['x1', 'x3'], task: 'classification' });
    assert.ok(!feature.ok);
    assert.deepEqual([feature.error.code, feature.error.columnName], ['csv-missing-column', 'x3']);
  });

  it('a non-numeric regression target: csv-not-a-number at its line and column', () => {
    const e = failure('regression-bad-target.csv', { target: 'y', task: 'regression' as 'classification' });
    assert.deepEqual([e.code, e.line, e.column], ['csv-not-a-number', 3, 3]);
  });
});

describe('loadCsvFile: well-formed files', () => {
  it('strips a BOM (the first column keeps its name) and reads CRLF like LF', () => {
    for (const name of ['bom.csv', 'crlf.csv']) {
      const r = loadCsvFile(fixture(name), classify);
      assert.ok(r.ok, name);
      assert.deepEqual(r.value.featureNames, ['x1', 'x2']);
      assert.deepEqual(Array.from(r.value.X), [1, 2, 3, 4]);
      assert.deepEqual(r.value.targets, [0, 1]);
    }
  });

  it('keeps commas inside quoted cells', () => {
    const r = loadCsvFile(fixture('quoted-commas.csv'), { target: 'name', task: 'classification' });
    assert.ok(r.ok);
    assert.deepEqual(r.value.targets, ['Smith, John', 'Doe, Jane', 'Smith, John']);
  });

  it('reads string classes and 1-based labels', () => {
    const s = loadCsvFile(fixture('strings.csv'), { target: 'species', task: 'classification' });
    assert.ok(s.ok);
    assert.deepEqual(s.value.targets, ['setosa', 'versicolor', 'virginica', 'setosa']);
    const l = loadCsvFile(fixture('labels-1-based.csv'), { target: 'label', task: 'classification' });
    assert.ok(l.ok);
    assert.deepEqual(l.value.targets, [1, 2, 2, 1]);
  });
});

describe('readCsvFile: the file system', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-csv-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a missing file: csv-not-found; a directory: csv-not-a-file', () => {
    const missing = readCsvFile(path.join(dir, 'nope.csv'));
    assert.ok(!missing.ok && missing.error.code === 'csv-not-found');
    const directory = readCsvFile(dir);
    assert.ok(!directory.ok && directory.error.code === 'csv-not-a-file');
  });

  it('a file over the limit: csv-too-large; at the limit it is read', () => {
    const size = fs.statSync(fixture('crlf.csv')).size;
    const over = readCsvFile(fixture('crlf.csv'), { maxBytes: size - 1 });
    assert.ok(!over.ok && over.error.code === 'csv-too-large');
    assert.ok(readCsvFile(fixture('crlf.csv'), { maxBytes: size }).ok);
  });

  it('formats byte counts for the messages', () => {
    assert.equal(formatBytes(100 * 1024 * 1024), '100 MiB');
    assert.equal(formatBytes(1_572_864), '1.5 MiB');
    assert.equal(formatBytes(2048), '2 KiB');
    assert.equal(formatBytes(12), '12 bytes');
  });

  it('with readOnce, a file is read and parsed once per job: the same answer comes back, even if the file changes meanwhile', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-read-once-'));
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, 'x,y\n1,2\n');
    const readOnce = new Map();
    const first = readCsvFile(file, { readOnce });
    fs.writeFileSync(file, 'x,y\n3,4\n5,6\n');
    assert.equal(readCsvFile(file, { readOnce }), first);
    assert.ok(first.ok && first.value.rows.length === 1);
    // Another limit is another answer; without readOnce the file is read again.
    const refused = readCsvFile(file, { readOnce, maxBytes: 4 });
    assert.equal(refused.ok ? '' : refused.error.code, 'csv-too-large');
    const fresh = readCsvFile(file);
    assert.ok(fresh.ok && fresh.value.rows.length === 2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
