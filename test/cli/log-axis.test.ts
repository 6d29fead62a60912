import assert from 'node:assert/strict';
import fc from 'fast-check';
import { logTicks, tickLabel, tickRows } from '../../src/cli/log-axis';
import { costCurve } from '../../src/cli/cost-curve';

/** A label a reader can say: a plain decimal or m·10^e with an integer e ("1e-2", "5e-7", "1e4"). */
const READABLE = /^(\d+(\.\d+)?|\d(\.\d+)?e-?\d+)$/;

describe('the log axis of the cost curve', () => {
  it('labels a range under a decade in 1-2-5 steps', () => {
    assert.deepEqual(logTicks(0.5, 2.2), [0.5, 1, 2]);
    assert.deepEqual(logTicks(0.31, 2.9).map(tickLabel), ['0.5', '1', '2']);
  });

  it('labels many decades with powers of ten, every second one when every one is too many', () => {
    assert.deepEqual(logTicks(1e-9, 3).map(tickLabel), ['1e-8', '1e-6', '1e-4', '1e-2', '1']);
    assert.deepEqual(logTicks(1e-9, 3, 10).map(tickLabel), ['1e-9', '1e-8', '1e-7', '1e-6', '1e-5', '1e-4', '1e-3', '1e-2', '0.1', '1']);
    assert.deepEqual(logTicks(0.01, 1).map(tickLabel), ['1e-2', '0.1', '1']);
    assert.deepEqual(logTicks(1e-300, 1e300), [1e-200, 1, 1e200]);
  });

  it('labels a range inside one 1-2-5 step with evenly spaced nice numbers', () => {
    assert.deepEqual(logTicks(0.9, 1.1), [0.9, 1, 1.1]);
    assert.deepEqual(logTicks(3, 4.9), [3, 4]);
    assert.deepEqual(logTicks(0.0123, 0.0125).map(tickLabel), ['1.23e-2', '1.24e-2', '1.25e-2']);
  });

  it('gives at least two and at most maxTicks ticks inside the range, ascending', () => {
    for (const [lo, hi] of [[0.5, 2.2], [1e-9, 3], [0.9, 1.1], [0.02, 3], [7e-5, 9e-5], [1.5, 1e6], [0.101, 9.99]] as const) {
      for (const maxTicks of [2, 3, 5, 8]) {
        const ticks = logTicks(lo, hi, maxTicks);
        assert.ok(ticks.length >= 2 && ticks.length <= maxTicks, `${lo}..${hi} (${maxTicks}): ${ticks.join(', ')}`);
        assert.ok(ticks.every((t, i) => t >= lo && t <= hi && (i === 0 || t > ticks[i - 1]!)), `${lo}..${hi}: ${ticks.join(', ')}`);
        for (const t of ticks) assert.match(tickLabel(t), READABLE);
      }
    }
  });

  it('gives 2 … maxTicks readable ticks for any range a cost curve may span', () => {
    const range = fc.tuple(fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: 1e-5, max: 600, noNaN: true }), fc.integer({ min: 2, max: 9 }));
    fc.assert(
      fc.property(range, ([log10Lo, decades, maxTicks]) => {
        const lo = 10 ** log10Lo, hi = Math.min(Number.MAX_VALUE, 10 ** (log10Lo + decades));
        const ticks = logTicks(lo, hi, maxTicks);
        return ticks.length >= 2 && ticks.length <= maxTicks && ticks.every((t) => t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9) && READABLE.test(tickLabel(t)));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives no ticks for what a log axis cannot show', () => {
    for (const [lo, hi] of [[0, 1], [-1, 1], [2, 1], [NaN, 1], [1, Infinity]]) assert.deepEqual(logTicks(lo!, hi!), []);
    assert.deepEqual(logTicks(1, 1), [1]);
  });

  it('prints plain decimals from 0.1 to 1000 and integer exponents beyond', () => {
    assert.deepEqual([1, 0.1, 0.01, 0.5, 20, 1000, 1e4, 5e-7, 1e-200].map(tickLabel), ['1', '0.1', '1e-2', '0.5', '20', '1000', '1e4', '5e-7', '1e-200']);
  });

  it('puts each tick on the row nearest to it', () => {
    // 1e-4 … 1 over 8 rows: a decade every 2 rows.
    assert.deepEqual([...tickRows(1e-4, 1, 8)], [[0, '1e-4'], [2, '1e-3'], [4, '1e-2'], [6, '0.1'], [8, '1']]);
    // log10 0.5 … log10 2.2 over 8 rows: 1 at 8 · 0.301 / 0.643 = 3.74, 2 at 8 · 0.602 / 0.643 = 7.48.
    assert.deepEqual([...tickRows(0.5, 2.2, 8)], [[0, '0.5'], [4, '1'], [7, '2']]);
  });

  it('draws the curve with only readable labels, never a fractional exponent', () => {
    const history = Array.from({ length: 100 }, (_, i) => 2.3 * Math.exp(-i / 8) + 1e-6);
    const chart = costCurve(history);
    assert.match(chart, /^J \(log scale\) over 99 iterations\n/);
    const labels = chart.split('\n').slice(1).map((line) => line.split(/[┤┼]/)[0]!.trim()).filter((label) => label !== '');
    assert.deepEqual(labels, ['1', '0.1', '1e-2', '1e-3', '1e-4']);
    assert.doesNotMatch(chart, /e-?\d+\.\d/);
  });

  it('draws J on its own row: the top row holds the largest J, the bottom row the smallest', () => {
    const rows = costCurve([100, 10, 1, 0.1, 0.01]).split('\n').slice(1, -1);
    assert.equal(rows.length, 9);
    assert.match(rows[0]!, /^ {6}100 ┼╮/);
    assert.match(rows[8]!, /^ {5}1e-2 ┤ +╰/);
  });
});
