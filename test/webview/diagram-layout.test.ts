import * as assert from 'node:assert/strict';
import { COMPACT_SHOWN, diagramEdges, layoutDiagram, MAX_DRAWN_UNITS, shownUnits, thetaOffset } from '../../webview/logic/diagram-layout';

describe('webview/logic/diagram-layout', () => {
  it('draws one column per layer with every unit of narrow layers and a bias unit on all but the output', () => {
    const layout = layoutDiagram([2, 3, 1]);
    assert.deepEqual(layout.columns.map((c) => c.nodes.length), [2, 3, 1]);
    assert.deepEqual(layout.columns.map((c) => c.bias !== undefined), [true, true, false]);
    assert.ok(layout.columns.every((c) => c.ellipsis === undefined));
    assert.ok(layout.columns[0]!.x < layout.columns[1]!.x && layout.columns[1]!.x < layout.columns[2]!.x);
  });

  it('draws a layer wider than the limit compactly: first units, an ellipsis standing for the rest', () => {
    assert.equal(shownUnits(MAX_DRAWN_UNITS), MAX_DRAWN_UNITS);
    assert.equal(shownUnits(MAX_DRAWN_UNITS + 1), COMPACT_SHOWN);
    const layout = layoutDiagram([784, 128, 10]);
    const [input, hidden, output] = layout.columns;
    assert.equal(input!.nodes.length, COMPACT_SHOWN);
    assert.deepEqual(input!.ellipsis?.hidden, 784 - COMPACT_SHOWN);
    assert.equal(hidden!.ellipsis?.hidden, 128 - COMPACT_SHOWN);
    assert.equal(output!.nodes.length, 10);
    assert.ok(input!.ellipsis!.y > input!.nodes.at(-1)!.y, 'the ellipsis sits under the shown units');
    assert.ok(layout.height < 1000, 'the diagram stays small whatever the width of a layer');
  });

  it('puts units of one column at distinct heights, evenly spaced', () => {
    const ys = layoutDiagram([5, 2]).columns[0]!.nodes.map((n) => n.y);
    const gaps = ys.slice(1).map((y, k) => y - ys[k]!);
    assert.ok(gaps.every((g) => g === gaps[0] && g > 0));
  });

  it('maps each edge to Θ^(l)_ij at offset(l) + (i − 1)(s_l + 1) + j in the unrolled θ', () => {
    const sizes = [2, 3, 1];
    assert.equal(thetaOffset(sizes, 1), 0);
    assert.equal(thetaOffset(sizes, 2), 3 * 3);
    const edges = diagramEdges(layoutDiagram(sizes), sizes);
    assert.equal(edges.length, 3 * 3 + 1 * 4, 'every weight of a small network is an edge, the bias ones included');
    const indices = edges.map((e) => e.index).sort((a, b) => a - b);
    assert.deepEqual(indices, Array.from({ length: 13 }, (_, k) => k), 'each θ entry is drawn exactly once');
    const e = edges.find((x) => x.layer === 2 && x.i === 1 && x.j === 2)!;
    assert.equal(e.index, 9 + 0 * 4 + 2);
    assert.equal(e.from.unit, 2);
  });

  it('draws only edges between drawn units of compact layers', () => {
    const sizes = [784, 128, 10];
    const edges = diagramEdges(layoutDiagram(sizes), sizes);
    assert.equal(edges.length, COMPACT_SHOWN * (COMPACT_SHOWN + 1) + 10 * (COMPACT_SHOWN + 1));
    assert.ok(edges.every((e) => e.index < thetaOffset(sizes, 3)));
  });
});
