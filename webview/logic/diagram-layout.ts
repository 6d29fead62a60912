/**
 * Where the layer diagram puts things: one column per layer, the bias unit a_0 = 1 drawn
 * apart above the units, and for layers wider than MAX_DRAWN_UNITS only the first units, an
 * ellipsis and the count. Pure: positions in SVG user units, no DOM.
 */

/** Layers wider than this are drawn compactly, so 784-128-10 stays readable and fast. */
export const MAX_DRAWN_UNITS = 32;
/** Units shown of a compact layer (the rest are the ellipsis). */
export const COMPACT_SHOWN = 24;

export interface DiagramGeometry {
  readonly columnWidth: number;
  readonly unitGap: number;
  /** y of the bias unit row. */
  readonly top: number;
  /** Space under the last unit row (the count of a compact layer). */
  readonly bottom: number;
}

export const DEFAULT_GEOMETRY: DiagramGeometry = { columnWidth: 130, unitGap: 20, top: 44, bottom: 34 };

export interface UnitNode {
  /** 1-based unit number j of its layer (a_j). */
  readonly unit: number;
  readonly x: number;
  readonly y: number;
}

export interface ColumnLayout {
  /** 1-based layer number l. */
  readonly layer: number;
  readonly units: number;
  readonly x: number;
  /** The bias unit a_0^(l); absent for the output layer. */
  readonly bias?: UnitNode;
  readonly nodes: readonly UnitNode[];
  /** Where the ellipsis of a compact layer goes, and how many units it stands for. */
  readonly ellipsis?: { readonly y: number; readonly hidden: number };
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly columns: readonly ColumnLayout[];
}

/** How many units of a layer of `units` are drawn. */
export function shownUnits(units: number): number {
  return units > MAX_DRAWN_UNITS ? COMPACT_SHOWN : units;
}

export function layoutDiagram(sizes: readonly number[], g: DiagramGeometry = DEFAULT_GEOMETRY): DiagramLayout {
  const rows = Math.max(1, ...sizes.map((s) => shownUnits(s) + (s > MAX_DRAWN_UNITS ? 1 : 0)));
  const height = g.top + rows * g.unitGap + g.bottom;
  const L = sizes.length;
  const columns = sizes.map((units, l): ColumnLayout => {
    const x = g.columnWidth * l + g.columnWidth / 2;
    const shown = shownUnits(units);
    // Centre short columns against the tallest one, so edges fan out symmetrically.
    const rowsHere = shown + (units > shown ? 1 : 0);
    const first = g.top + g.unitGap + ((rows - rowsHere) * g.unitGap) / 2;
    const nodes = Array.from({ length: shown }, (_, k) => ({ unit: k + 1, x, y: first + k * g.unitGap }));
    return {
      layer: l + 1,
      units,
      x,
      ...(l < L - 1 ? { bias: { unit: 0, x, y: g.top } } : {}),
      nodes,
      ...(units > shown ? { ellipsis: { y: first + shown * g.unitGap, hidden: units - shown } } : {}),
    };
  });
  return { width: g.columnWidth * Math.max(L, 1), height, columns };
}

/** An edge of Θ^(l): from unit j of layer l (0 = bias) to unit i of layer l + 1 (1-based). */
export interface EdgeLayout {
  /** 1-based Θ layer l. */
  readonly layer: number;
  readonly i: number;
  readonly j: number;
  /** Where Θ^(l)_ij lives in the unrolled θ. */
  readonly index: number;
  readonly from: UnitNode;
  readonly to: UnitNode;
}

/** Offset of Θ^(l) (1-based) in the unrolled θ of a network of these sizes. */
export function thetaOffset(sizes: readonly number[], l: number): number {
  let offset = 0;
  for (let k = 0; k + 1 < l; k++) offset += sizes[k + 1]! * (sizes[k]! + 1);
  return offset;
}

/** The drawn edges of the diagram, Θ^(1) first; only between drawn units. */
export function diagramEdges(layout: DiagramLayout, sizes: readonly number[]): EdgeLayout[] {
  const edges: EdgeLayout[] = [];
  for (let l = 1; l < layout.columns.length; l++) {
    const left = layout.columns[l - 1]!, right = layout.columns[l]!;
    const offset = thetaOffset(sizes, l), cols = sizes[l - 1]! + 1;
    const sources = left.bias ? [left.bias, ...left.nodes] : left.nodes;
    for (const to of right.nodes) {
      for (const from of sources) {
        edges.push({ layer: l, i: to.unit, j: from.unit, index: offset + (to.unit - 1) * cols + from.unit, from, to });
      }
    }
  }
  return edges;
}
