import assert from 'node:assert/strict';
import { parseNumberCell } from '../../../src/core/data/number-cell';
import { tableFromRows } from '../../../src/core/data/table';

describe('parseNumberCell', () => {
  it('reads decimal literals, with spaces around', () => {
    for (const [text, value] of [['1', 1], [' -2.5 ', -2.5], ['.5', 0.5], ['3.', 3], ['1e-3', 0.001], ['+4E2', 400]] as const) {
      assert.deepEqual(parseNumberCell(text), { kind: 'number', value });
    }
  });

  it('tells empty, non-finite and non-numbers apart', () => {
    assert.equal(parseNumberCell('  ').kind, 'empty');
    for (const t of ['NaN', 'nan', 'Infinity', '-Infinity', 'inf', '1e999']) assert.equal(parseNumberCell(t).kind, 'non-finite', t);
    for (const t of ['abc', '0x10', '1,5', '1.2.3', '--1', '5 kg', 'e3']) assert.equal(parseNumberCell(t).kind, 'not-a-number', t);
  });
});

describe('tableFromRows', () => {
  it('takes the features, then the target', () => {
    const r = tableFromRows([[1, 2, 'a'], [3, 4, 'b']], 'classification');
    assert.ok(r.ok);
    assert.deepEqual([r.value.m, r.value.n], [2, 2]);
    assert.deepEqual(Array.from(r.value.X), [1, 2, 3, 4]);
    assert.deepEqual(r.value.targets, ['a', 'b']);
  });

  it('fails with the row and the cell', () => {
    const cases: [(number | string)[][], 'classification' | 'regression', string, number, number | undefined][] = [
      [[[1, 2], [1, 2, 3]], 'classification', 'data-ragged-row', 1, undefined],
      [[[1, 2], ['x', 1]], 'classification', 'data-not-a-number', 1, 0],
      [[[1, 2], [NaN, 1]], 'classification', 'data-non-finite', 1, 0],
      [[[1, Infinity]], 'regression', 'data-non-finite', 0, 1],
      [[[1, 2], [2, 'y']], 'regression', 'data-not-a-number', 1, 1],
      [[[1]], 'classification', 'data-ragged-row', 0, undefined],
    ];
    for (const [rows, task, code, row, column] of cases) {
      const r = tableFromRows(rows, task);
      assert.ok(!r.ok);
      assert.equal(r.error.code, code);
      assert.equal(r.error.row, row);
      assert.equal(r.error.column, column);
    }
    const empty = tableFromRows([], 'classification');
    assert.ok(!empty.ok && empty.error.code === 'data-no-rows');
  });
});
