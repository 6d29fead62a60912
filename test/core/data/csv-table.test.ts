import assert from 'node:assert/strict';
import { checkCsvRecords, type CsvRecords } from '../../../src/core/data/csv-records';
import { summarizeCsv } from '../../../src/core/data/csv-summary';
import { tableFromCsv } from '../../../src/core/data/csv-table';

function records(header: string[], rows: string[][]): CsvRecords {
  return { file: 'mem.csv', header, rows, lines: rows.map((_, i) => i + 2) };
}

describe('checkCsvRecords', () => {
  it('accepts a header with rows of its width', () => {
    assert.ok(checkCsvRecords(records(['a', 'b'], [['1', '2']])).ok);
  });

  it('reports empty, header-only, ragged and duplicate columns with their line', () => {
    const cases: [CsvRecords, string, number | undefined, number | undefined][] = [
      [records([], []), 'csv-empty', undefined, undefined],
      [records(['a'], []), 'csv-header-only', 1, undefined],
      [records(['a', 'b'], [['1', '2'], ['3']]), 'csv-ragged-row', 3, undefined],
      [records(['a', 'b', 'a'], [['1', '2', '3']]), 'csv-duplicate-column', 1, 3],
    ];
    for (const [r, code, line, column] of cases) {
      const result = checkCsvRecords(r);
      assert.ok(!result.ok);
      assert.equal(result.error.code, code);
      assert.equal(result.error.line, line);
      assert.equal(result.error.column, column);
      assert.equal(result.error.file, 'mem.csv');
    }
  });
});

describe('tableFromCsv', () => {
  const iris = records(['sl', 'sw', 'species'], [['5.1', '3.5', 'setosa'], ['7.0', '3.2', 'versicolor']]);

  it('uses every column but the target as features by default, in file order', () => {
    const t = tableFromCsv(iris, { target: 'species', task: 'classification' });
    assert.ok(t.ok);
    assert.deepEqual(t.value.featureNames, ['sl', 'sw']);
    assert.deepEqual(Array.from(t.value.X), [5.1, 3.5, 7.0, 3.2]);
    assert.deepEqual(t.value.targets, ['setosa', 'versicolor']);
  });

  it('uses the listed features in the listed order', () => {
    const t = tableFromCsv(iris, { target: 'species', features: ['sw', 'sl'], task: 'classification' });
    assert.ok(t.ok);
    assert.deepEqual(Array.from(t.value.X), [3.5, 5.1, 3.2, 7.0]);
  });

  it('reads a numeric target column as numbers', () => {
    const t = tableFromCsv(records(['x', 'y'], [['1', '2'], ['3', '1']]), { target: 'y', task: 'classification' });
    assert.ok(t.ok);
    assert.deepEqual(t.value.targets, [2, 1]);
  });

  it('names the line, the column index and the column name of a bad cell', () => {
    const bad = records(['x', 'z', 'y'], [['1', '2', '0'], ['3', 'four', '1']]);
    const r = tableFromCsv(bad, { target: 'y', task: 'classification' });
    assert.ok(!r.ok);
    assert.deepEqual([r.error.code, r.error.line, r.error.column, r.error.columnName], ['csv-not-a-number', 3, 2, 'z']);
  });

  it('rejects missing columns, a non-numeric regression target, and NaN among numeric classes', () => {
    const r1 = tableFromCsv(iris, { target: 'kind', task: 'classification' });
    assert.ok(!r1.ok && r1.error.code === 'csv-missing-column' && r1.error.columnName === 'kind');
    const r2 = tableFromCsv(iris, { target: 'species', features: ['sl', 'petal'], task: 'classification' });
    assert.ok(!r2.ok && r2.error.code === 'csv-missing-column' && r2.error.columnName === 'petal');
    const r3 = tableFromCsv(iris, { target: 'species', task: 'regression' });
    assert.ok(!r3.ok);
    assert.deepEqual([r3.error.code, r3.error.line, r3.error.column], ['csv-not-a-number', 2, 3]);
    const r4 = tableFromCsv(records(['x', 'y'], [['1', '0'], ['2', 'NaN']]), { target: 'y', task: 'classification' });
    assert.ok(!r4.ok);
    assert.deepEqual([r4.error.code, r4.error.line, r4.error.column], ['csv-non-finite', 3, 2]);
    const r5 = tableFromCsv(records(['x', 'y'], [['1', ''], ['2', 'a']]), { target: 'y', task: 'classification' });
    assert.ok(!r5.ok);
    assert.deepEqual([r5.error.code, r5.error.line], ['csv-empty-cell', 2]);
  });
});

describe('summarizeCsv', () => {
  it('says which columns are numeric and lists distinct values in order of appearance', () => {
    const s = summarizeCsv(records(['x', 'y'], [['1', 'b'], ['2.5', 'a'], ['1', 'b'], ['NaN', 'c']]));
    assert.equal(s.rows, 4);
    assert.deepEqual(s.columns[0], {
      name: 'x',
      numeric: false,
      distinct: ['1', '2.5', 'NaN'],
      distinctTruncated: false,
      firstNonNumeric: { line: 5, cell: 'NaN', kind: 'non-finite' },
      firstOfKind: { 'non-finite': { line: 5, cell: 'NaN', kind: 'non-finite' } },
    });
    assert.deepEqual(s.columns[1], {
      name: 'y',
      numeric: false,
      distinct: ['b', 'a', 'c'],
      distinctTruncated: false,
      firstNonNumeric: { line: 2, cell: 'b', kind: 'not-a-number' },
      firstOfKind: { 'not-a-number': { line: 2, cell: 'b', kind: 'not-a-number' } },
    });
    const n = summarizeCsv(records(['x'], [['1'], ['2']]));
    assert.equal(n.columns[0]?.numeric, true);
  });

  it('caps the distinct values', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [String(i)]);
    const s = summarizeCsv(records(['x'], rows), 4);
    assert.deepEqual(s.columns[0]?.distinct, ['0', '1', '2', '3']);
    assert.equal(s.columns[0]?.distinctTruncated, true);
  });
});
