import assert from 'node:assert/strict';
import { formatNumber, formatValue } from '../../../../src/core/debug/expression/format';
import { booleanValue, columnVector, layerList, matrixValue, numberValue } from '../../../../src/core/debug/expression/values';
import { mat } from './helpers';

describe('formatting values for the console', () => {
  it('numbers: up to 6 significant digits, whole numbers exactly, NaN / Inf as typed', () => {
    const cases: [number, string][] = [
      [0, '0'], [-0, '0'], [1, '1'], [-3, '-3'], [1234567, '1234567'], [0.5, '0.5'], [1 / 3, '0.333333'],
      [2 / 3, '0.666667'], [123.456789, '123.457'], [1234567.89, '1.23457e+6'], [0.000123456789, '0.000123457'],
      [1.5e-7, '1.5e-7'], [-2.5e-10, '-2.5e-10'], [1e20, '1e+20'], [1.5e20, '1.5e+20'], [999999999999999, '999999999999999'],
      [1e300, '1e+300'], [NaN, 'NaN'], [Infinity, 'Inf'], [-Infinity, '-Inf'],
    ];
    for (const [x, s] of cases) assert.equal(formatNumber(x), s, String(x));
  });

  it('booleans, numbers', () => {
    assert.equal(formatValue(booleanValue(true)), 'true');
    assert.equal(formatValue(booleanValue(false)), 'false');
    assert.equal(formatValue(numberValue(0.1 + 0.2)), '0.3');
  });

  it('a matrix as a header with its shape and aligned rows', () => {
    assert.equal(formatValue(mat([[1, -0.25], [10.5, 2]])), ['2×2 matrix', '     1  -0.25', '  10.5      2'].join('\n'));
    assert.equal(formatValue(columnVector([1, 2])), ['2×1 matrix', '  1', '  2'].join('\n'));
  });

  it('a matrix past the limit: the first rows and columns, "…" for the rest, the shape in the header', () => {
    const big = matrixValue(12, 11, Float64Array.from({ length: 132 }, (_, k) => k));
    const lines = formatValue(big).split('\n');
    assert.equal(lines[0], '12×11 matrix (the first 10×10 shown)');
    assert.equal(lines.length, 1 + 10 + 1);
    assert.ok(lines[1]!.endsWith('…'));
    assert.equal(lines[11], '  … 2 more rows');
    const small = formatValue(big, { maxRows: 2, maxCols: 3 }).split('\n');
    assert.deepEqual(small, ['12×11 matrix (the first 2×3 shown)', '   0   1   2  …', '  11  12  13  …', '  … 10 more rows']);
  });

  it('inline: one line with the shape, for log messages', () => {
    assert.equal(formatValue(columnVector([0.5, -0.25]), { style: 'inline' }), '[0.5; -0.25] (2×1)');
    assert.equal(formatValue(mat([[1, 2], [3, 4]]), { style: 'inline' }), '[1, 2; 3, 4] (2×2)');
    assert.equal(formatValue(columnVector([1, 2, 3, 4]), { style: 'inline', maxRows: 2 }), '[1; 2; …] (4×1)');
    assert.equal(formatValue(mat([[1, 2, 3]]), { style: 'inline', maxCols: 2 }), '[1, 2, …] (1×3)');
  });

  it('a list of layers: its layers and their shapes', () => {
    const list = layerList([undefined, mat([[1], [2]]), mat([[1, 2, 3]])]);
    assert.equal(formatValue(list), ['layers 2…3', '  [2] 2×1 matrix', '  [3] 1×3 matrix'].join('\n'));
    assert.equal(formatValue(list, { style: 'inline' }), 'layers 2…3: [2] 2×1, [3] 1×3');
  });
});
