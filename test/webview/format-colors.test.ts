import * as assert from 'node:assert/strict';
import { cellColor, mix, parseColor, toPixel } from '../../webview/logic/colors';
import { formatNumber, formatVector, sup } from '../../webview/logic/format';

describe('webview/logic/format and colors', () => {
  it('prints numbers short, with exponents for extreme magnitudes and a true minus sign', () => {
    assert.equal(formatNumber(0.123456), '0.1235');
    assert.equal(formatNumber(-2), '−2');
    assert.equal(formatNumber(1.5e-7), '1.50e−7');
    assert.equal(formatNumber(Number.NaN), 'NaN');
    assert.equal(formatNumber(undefined), '–');
    assert.equal(formatVector([1, 2, 3], 2), '[1, 2, … (3)]');
    assert.equal(sup(12), '⁽¹²⁾');
  });

  it('parses the colour forms themes use and mixes them', () => {
    assert.deepEqual(parseColor('#fff'), [255, 255, 255]);
    assert.deepEqual(parseColor('#1e1e1eff'), [30, 30, 30]);
    assert.deepEqual(parseColor('rgba(10, 20, 30, 0.5)'), [10, 20, 30]);
    assert.equal(parseColor('var(--x)'), undefined);
    assert.deepEqual(mix([0, 0, 0], [200, 100, 50], 0.5), [100, 50, 25]);
  });

  it('makes surer cells stronger, chance-level cells faint', () => {
    const bg = [0, 0, 0] as const, c = [200, 0, 0] as const;
    const faint = cellColor(bg, c, 0.5, 2)[0], strong = cellColor(bg, c, 1, 2)[0];
    assert.ok(strong > faint && faint > 0);
  });

  it('maps data to pixels, flipping y', () => {
    assert.equal(toPixel(5, 0, 10, 100), 50);
    assert.equal(toPixel(10, 0, 10, 100, true), 0);
    assert.equal(toPixel(3, 3, 3, 100), 50);
  });
});
