/**
 * Takes inspection snapshots of one network on its data: weights, one example's trace, the
 * output over the input space, the confusion matrix. Owns its evaluator and buffers, so a
 * training run can take a snapshot every few hundred milliseconds cheaply.
 */
import type { Compute } from '../nn/compute';
import type { PreparedData } from '../nn/dataset';
import { NetworkEvaluator } from '../nn/evaluator';
import type { Architecture } from '../nn/network';
import { findSymmetricUnits } from '../nn/symmetry';
import { confusionMatrix } from './confusion';
import { curveGrid, GridBuffers, planeGrid } from './decision-grid';
import { SNAPSHOT_THETA_LIMIT, type InspectionSnapshot, type TraceData, type WeightLayerSummary, type WeightsSource } from './snapshot';

export interface SnapshotOptions {
  readonly source: WeightsSource;
  readonly iteration?: number;
  /** The training example to trace (0-based; clamped into the set). */
  readonly example: number;
  /** Add the confusion matrix (classification; at the end of a run). */
  readonly confusion?: boolean;
}

export class NetworkInspector {
  private readonly evaluator: NetworkEvaluator;
  private readonly gradient: Float64Array;
  private readonly grids: GridBuffers;
  private readonly outputs: Float64Array;

  constructor(
    private readonly architecture: Architecture,
    private readonly data: PreparedData,
    compute: Compute = {},
  ) {
    this.evaluator = new NetworkEvaluator(architecture, Math.max(data.train.m, 1), { compute });
    const small = this.evaluator.parameterCount <= SNAPSHOT_THETA_LIMIT;
    this.gradient = new Float64Array(small ? this.evaluator.parameterCount : 0);
    this.grids = new GridBuffers(data.train.k);
    this.outputs = new Float64Array(data.train.labels ? data.train.m * data.train.k : 0);
  }

  /** Whether snapshots carry θ and D (the network is small enough to draw every edge). */
  get carriesTheta(): boolean {
    return this.gradient.length > 0;
  }

  snapshot(theta: Float64Array, options: SnapshotOptions): InspectionSnapshot {
    const { train, validation } = this.data;
    const sizes = this.architecture.sizes;
    const small = this.carriesTheta;
    const cost = small && train.m > 0 ? this.evaluator.costAndGradient(theta, train, this.gradient) : undefined;
    const trace = train.m > 0 ? this.trace(theta, Math.min(Math.max(0, Math.floor(options.example)), train.m - 1)) : undefined;
    const n = sizes[0]!, classification = train.labels !== undefined;
    const grid =
      train.m === 0 ? undefined
      : n === 2 && classification ? planeGrid(this.evaluator, theta, train, validation, this.grids)
      : n === 1 && !classification ? curveGrid(this.evaluator, theta, train, validation, this.grids)
      : undefined;
    const symmetry = findSymmetricUnits(theta, sizes, 1e-9);
    return {
      source: options.source,
      ...(options.iteration !== undefined ? { iteration: options.iteration } : {}),
      sizes: [...sizes],
      parameterCount: this.evaluator.parameterCount,
      trainExamples: train.m,
      layers: this.layerSummaries(theta),
      ...(small ? { theta: Array.from(theta.subarray(0, this.evaluator.parameterCount)), gradient: Array.from(this.gradient) } : {}),
      ...(cost !== undefined ? { cost } : {}),
      ...(trace ? { trace } : {}),
      ...(grid ? { grid } : {}),
      ...(options.confusion && classification && train.m > 0 ? { confusion: this.confusion(theta) } : {}),
      ...(symmetry.length > 0 ? { symmetry } : {}),
    };
  }

  private trace(theta: Float64Array, example: number): TraceData {
    const { train } = this.data;
    const t = this.evaluator.trace(theta, train, example);
    return {
      example,
      x: Array.from(t.a[0]!),
      y: Array.from(train.Y.subarray(example * train.k, (example + 1) * train.k)),
      z: t.z.map((v) => Array.from(v)),
      a: t.a.map((v) => Array.from(v)),
      delta: t.delta.map((v) => Array.from(v)),
      cost: t.cost,
    };
  }

  private layerSummaries(theta: Float64Array): WeightLayerSummary[] {
    return this.evaluator.shapes.map((s) => {
      let sum = 0, max = 0;
      for (let p = s.offset; p < s.offset + s.size; p++) {
        const v = Math.abs(theta[p]!);
        sum += v;
        if (v > max) max = v;
      }
      return { rows: s.rows, cols: s.cols, meanAbs: s.size > 0 ? sum / s.size : 0, maxAbs: max };
    });
  }

  private confusion(theta: Float64Array) {
    const { train, classes } = this.data;
    this.evaluator.predict(theta, train.X, train.m, this.outputs);
    return confusionMatrix(this.outputs, train.labels!, train.m, train.k, classes);
  }
}
