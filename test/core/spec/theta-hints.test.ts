import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { thetaHints, thetaText } from '../../../src/core/spec/theta-hints';
import { LineIndex } from '../../../src/core/text/line-index';

const DIGITS = fs.readFileSync(path.join(__dirname, '../../../examples/digits.nnspec'), 'utf8');

/** The text of the line a hint sits on, and whether it sits at that line's end. */
function placeOf(text: string, offset: number): { line: string; atEnd: boolean } {
  const lines = new LineIndex(text);
  const { line } = lines.positionAt(offset);
  const start = lines.offsetAt({ line, character: 0 });
  const end = lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
  return { line: text.slice(start, end), atEnd: offset === end };
}

describe('thetaHints', () => {
  it('puts Θ^(l), s_(l+1) × (s_l + 1) and its parameter count at the end of the line of layer l + 1', () => {
    const hints = thetaHints(DIGITS);
    assert.deepEqual(hints.map((h) => [h.l, h.label]), [
      [1, 'Θ^(1) 25×65 · 1,625 params'],
      [2, 'Θ^(2) 10×26 · 260 params'],
    ]);
    assert.deepEqual(hints.map((h) => placeOf(DIGITS, h.offset)), [
      { line: '  - units: 25', atEnd: true },
      { line: '  - units: 10', atEnd: true },
    ]);
    // The oracle: 64-25-10 has 25 · 65 + 10 · 26 = 1,885 parameters, as the spec's comment says.
    assert.equal(25 * 65 + 10 * 26, 1885);
  });

  it('writes the lecture’s 400-25-10 as the issue does, with thousands separators', () => {
    assert.equal(thetaText(1, 400, 25).label, 'Θ^(1) 25×401 · 10,025 params');
    assert.equal(thetaText(2, 25, 10).label, 'Θ^(2) 10×26 · 260 params');
    assert.equal(thetaText(3, 784, 128).label, 'Θ^(3) 128×785 · 100,480 params');
    assert.equal(thetaText(1, 1, 1).label, 'Θ^(1) 1×2 · 2 params');
    // Exact past 2^53: 10^9 × (10^9 + 1).
    assert.equal(thetaText(1, 1e9, 1e9).label, 'Θ^(1) 1000000000×1000000001 · 1,000,000,001,000,000,000 params');
    assert.match(thetaText(1, 1, 3).tooltip, /layer 1 \(1 unit and the bias unit\) to layer 2 \(3 units\): s_2 × \(s_1 \+ 1\) = 3 × 2 = 6/);
  });

  it('has no hint on the input layer, and none for a Θ whose s_l or s_(l+1) it cannot read', () => {
    const text = 'layers:\n  - units: 4\n  - units: 3\n  - units: many\n  - units: 2\n  - units: 1\n';
    assert.deepEqual(thetaHints(text).map((h) => [h.label, placeOf(text, h.offset).line]), [
      ['Θ^(1) 3×5 · 15 params', '  - units: 3'],
      ['Θ^(4) 1×3 · 3 params', '  - units: 1'],
    ]);
  });

  it('sits after a trailing comment, before a CRLF, and after each entry when the layers share a line', () => {
    const commented = 'layers:\n  - units: 4\n  - units: 3   # three classes\n    activation: softmax\n';
    assert.deepEqual(placeOf(commented, thetaHints(commented)[0]!.offset), { line: '  - units: 3   # three classes', atEnd: true });
    const crlf = 'layers:\r\n  - units: 4\r\n  - units: 3\r\n';
    assert.equal(crlf.slice(thetaHints(crlf)[0]!.offset, thetaHints(crlf)[0]!.offset + 2), '\r\n');
    const flow = 'layers: [{units: 2}, {units: 2}, {units: 1}]\n';
    assert.deepEqual(thetaHints(flow).map((h) => flow.slice(0, h.offset)), ['layers: [{units: 2}, {units: 2}', 'layers: [{units: 2}, {units: 2}, {units: 1}]']);
  });

  it('gives what it can of a half-typed spec, and nothing for one it cannot read', () => {
    assert.deepEqual(thetaHints('layers:\n  - units: 2\n  - units: 3\n  - uni').map((h) => h.label), ['Θ^(1) 3×3 · 9 params']);
    for (const text of ['', 'layers: 3', '- units: 2\n- units: 1', 'layers:\n  - units: 2\n']) assert.deepEqual(thetaHints(text), []);
    for (let n = 0; n <= DIGITS.length; n++) for (const h of thetaHints(DIGITS.slice(0, n))) assert.ok(h.offset <= n);
  });
});
