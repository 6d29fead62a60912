/**
 * The network's output over its input space, for pictures of what it learned: a class map
 * over the plane of two features, or the prediction curve of a one-input regression.
 */
import type { Dataset } from '../nn/dataset';
import type { NetworkEvaluator } from '../nn/evaluator';
import type { CurveGrid, GridPoint, PlaneGrid } from './snapshot';

/** Cells per side of the plane's grid (48² forward passes: cheap for any small network). */
export const PLANE_CELLS = 48;
/** Points of the regression curve. */
export const CURVE_POINTS = 120;
/** Data points drawn at most per split, so huge data sets stay light to send. */
export const MAX_POINTS = 1000;

/** [min, max] of column c of X (m × n), widened by 10 % on each side (and never empty). */
export function paddedRange(X: Float64Array, m: number, n: number, c: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < m; i++) {
    const v = X[i * n + c]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi >= lo)) return [-1, 1];
  const pad = Math.max((hi - lo) * 0.1, 1e-3);
  return [lo - pad, hi + pad];
}

/** Reusable buffers for grids of one network, so repeated snapshots allocate once. */
export class GridBuffers {
  readonly planeX = new Float64Array(PLANE_CELLS * PLANE_CELLS * 2);
  readonly curveX = new Float64Array(CURVE_POINTS);
  readonly out: Float64Array;
  constructor(k: number) {
    this.out = new Float64Array(Math.max(PLANE_CELLS * PLANE_CELLS, CURVE_POINTS) * k);
  }
}

/** The class map of a two-feature classifier over the data's plane. */
export function planeGrid(evaluator: NetworkEvaluator, theta: Float64Array, train: Dataset, validation: Dataset | undefined, buffers: GridBuffers): PlaneGrid {
  const k = train.k, n = PLANE_CELLS;
  const [x0, x1] = paddedRange(train.X, train.m, 2, 0);
  const [y0, y1] = paddedRange(train.X, train.m, 2, 1);
  const X = buffers.planeX;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      X[(r * n + c) * 2] = x0 + ((c + 0.5) / n) * (x1 - x0);
      X[(r * n + c) * 2 + 1] = y0 + ((r + 0.5) / n) * (y1 - y0);
    }
  }
  const h = evaluator.predict(theta, X, n * n, buffers.out);
  const cls = new Array<number>(n * n), confidence = new Array<number>(n * n);
  for (let p = 0; p < n * n; p++) {
    if (k === 1) {
      const v = h[p]!;
      cls[p] = v >= 0.5 ? 1 : 0;
      confidence[p] = v >= 0.5 ? v : 1 - v;
    } else {
      let best = 0;
      for (let c = 1; c < k; c++) if (h[p * k + c]! > h[p * k + best]!) best = c;
      cls[p] = best;
      confidence[p] = h[p * k + best]!;
    }
  }
  const points = [...dataPoints(train, 'train', (i) => [train.X[i * 2]!, train.X[i * 2 + 1]!]), ...(validation ? dataPoints(validation, 'validation', (i) => [validation.X[i * 2]!, validation.X[i * 2 + 1]!]) : [])];
  return { kind: 'plane', x0, x1, y0, y1, nx: n, ny: n, cls, confidence, classes: k === 1 ? 2 : k, points };
}

/** The prediction curve of a one-input regression over the data's x range. */
export function curveGrid(evaluator: NetworkEvaluator, theta: Float64Array, train: Dataset, validation: Dataset | undefined, buffers: GridBuffers): CurveGrid {
  const [x0, x1] = paddedRange(train.X, train.m, 1, 0);
  const X = buffers.curveX;
  for (let p = 0; p < CURVE_POINTS; p++) X[p] = x0 + (p / (CURVE_POINTS - 1)) * (x1 - x0);
  const h = evaluator.predict(theta, X, CURVE_POINTS, buffers.out);
  const k = train.k;
  const ys = Array.from({ length: CURVE_POINTS }, (_, p) => h[p * k]!);
  const xy = (set: Dataset) => (i: number): [number, number] => [set.X[i]!, set.Y[i * set.k]!];
  const points = [...dataPoints(train, 'train', xy(train)), ...(validation ? dataPoints(validation, 'validation', xy(validation)) : [])];
  return { kind: 'curve', xs: Array.from(X), ys, points };
}

/** Up to MAX_POINTS examples of a set, evenly spread. */
function dataPoints(set: Dataset, split: GridPoint['split'], at: (i: number) => [number, number]): GridPoint[] {
  const step = Math.max(1, Math.ceil(set.m / MAX_POINTS));
  const out: GridPoint[] = [];
  for (let i = 0; i < set.m; i += step) {
    const [x, y] = at(i);
    out.push({ x, y, label: set.labels?.[i] ?? 0, split });
  }
  return out;
}
