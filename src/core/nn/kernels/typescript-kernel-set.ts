/**
 * The TypeScript kernel set: the products of matrix.ts and the activations' and costs' own
 * element passes, on Float64Arrays. It serves every evaluation where WebAssembly is not loaded
 * or not worth it, and every forward pass (cost, predict, trace). Δ is added straight into the
 * caller's array. See kernel-set.ts for each step's formula.
 */
import { activations, type Activation } from '../activations';
import type { Batch } from '../batch';
import { costs, type OutputLayer } from '../costs';
import { accumulateOuter, affineRows, gemmNN } from '../matrix';
import { layerIndex, type Architecture, type LayerShape } from '../network';
import type { KernelPath, KernelSet } from './kernel-set';

const EMPTY: Float64Array = new Float64Array(0);

export class TypeScriptKernelSet implements KernelSet {
  readonly path: KernelPath = 'typescript';
  readonly L: number;
  private readonly sizes: readonly number[];
  /** g of layer l at layerIndex(l); none for the input layer. */
  private readonly g: readonly (Activation | undefined)[];
  private readonly output: OutputLayer;
  /** z^(l), a^(l), δ^(l) of the chunk at layerIndex(l) (empty for l = 1: a^(1) is x in place). */
  private readonly Z: Float64Array[];
  private readonly A: Float64Array[];
  private readonly deltas: Float64Array[];
  /** The chunk's rows of X and Y, gathered for batches given by `rows`. */
  private readonly Xg: Float64Array;
  private readonly Yg: Float64Array;
  /** Where the chunk's x and y are: (array, offset of its first row). */
  private x = EMPTY;
  private xOff = 0;
  private y = EMPTY;
  private yOff = 0;
  private b = 0;
  private theta = EMPTY;
  private Delta = EMPTY;

  constructor(
    architecture: Architecture,
    private readonly shapes: readonly LayerShape[],
    readonly chunk: number,
  ) {
    const sizes = architecture.sizes;
    this.sizes = sizes;
    this.L = sizes.length;
    this.g = sizes.map((_, i) => (i === 0 ? undefined : activations[architecture.activations[i - 1]!]));
    this.output = costs[architecture.cost](this.g[this.L - 1]!);
    const buffer = (i: number): Float64Array => new Float64Array(i === 0 ? 0 : chunk * sizes[i]!);
    this.Z = sizes.map((_, i) => buffer(i));
    this.A = sizes.map((_, i) => buffer(i));
    this.deltas = sizes.map((_, i) => buffer(i));
    this.Xg = new Float64Array(chunk * sizes[0]!);
    this.Yg = new Float64Array(chunk * sizes[this.L - 1]!);
  }

  begin(theta: Float64Array, Delta: Float64Array): void {
    this.theta = theta;
    this.Delta = Delta;
  }

  end(): void {
    this.theta = EMPTY;
    this.Delta = EMPTY;
  }

  /** Δ goes straight into the target: nothing is held to move. */
  setDeltaTarget(Delta: Float64Array): void {
    this.Delta = Delta;
  }

  /** Δ is summed in place: the piece's buffer is cleared and becomes the target. */
  startPiece(Delta: Float64Array): void {
    Delta.fill(0);
    this.Delta = Delta;
  }

  finishPiece(): void {}

  loadExamples(batch: Batch, r0: number, b: number): void {
    const n = this.sizes[0]!, K = this.sizes[this.L - 1]!;
    this.b = b;
    if (!batch.rows) {
      this.x = batch.X;
      this.xOff = r0 * n;
      this.y = batch.Y;
      this.yOff = r0 * K;
      return;
    }
    const X = batch.X, Y = batch.Y, rows = batch.rows, Xg = this.Xg, Yg = this.Yg;
    for (let i = 0; i < b; i++) {
      const row = rows[r0 + i]!;
      for (let c = 0; c < n; c++) Xg[i * n + c] = X[row * n + c]!;
      for (let k = 0; k < K; k++) Yg[i * K + k] = Y[row * K + k]!;
    }
    this.x = Xg;
    this.xOff = 0;
    this.y = Yg;
    this.yOff = 0;
  }

  affine(l: number, b: number): void {
    const i = layerIndex(l), sIn = this.sizes[i]!, sOut = this.sizes[i + 1]!;
    const a = l === 1 ? this.x : this.A[i]!, aOff = l === 1 ? this.xOff : 0;
    affineRows(this.Z[i + 1]!, 0, sOut, a, aOff, sIn, this.theta, this.shapes[i]!.offset, b, sIn, sOut);
  }

  activate(l: number, b: number): void {
    const i = layerIndex(l), s = this.sizes[i]!;
    this.g[i]!.forward(this.A[i]!, this.Z[i]!, 0, b * s, s);
  }

  outputCost(b: number): number {
    const i = this.L - 1, K = this.sizes[i]!;
    return this.output.cost(this.Z[i]!, this.A[i]!, 0, this.y, this.yOff, b * K, K);
  }

  outputDelta(b: number): number {
    const i = this.L - 1, K = this.sizes[i]!;
    return this.output.costAndDelta(this.deltas[i]!, this.Z[i]!, this.A[i]!, 0, this.y, this.yOff, b * K, K);
  }

  accumulateDelta(l: number, b: number): number {
    const i = layerIndex(l), sIn = this.sizes[i]!, sOut = this.sizes[i + 1]!;
    const a = l === 1 ? this.x : this.A[i]!, aOff = l === 1 ? this.xOff : 0;
    const delta = this.deltas[i + 1]!;
    accumulateOuter(this.Delta, this.shapes[i]!.offset, delta, 0, sOut, a, aOff, sIn, b, sIn, sOut);
    let abs = 0;
    for (let k = 0, end = b * sOut; k < end; k++) abs += Math.abs(delta[k]!);
    return abs;
  }

  backpropDelta(l: number, b: number): void {
    const i = layerIndex(l), sIn = this.sizes[i]!, sOut = this.sizes[i + 1]!, shape = this.shapes[i]!;
    const delta = this.deltas[i]!;
    // Θ^(l)ᵀ δ^(l+1) over the weight columns 1 … s_l (the bias unit has no δ).
    gemmNN(delta, 0, sIn, this.deltas[i + 1]!, 0, sOut, this.theta, shape.offset + 1, shape.cols, b, sIn, sOut);
    this.g[i]!.backprop(delta, delta, this.Z[i]!, this.A[i]!, 0, b * sIn, sIn);
  }

  z(l: number): Float64Array {
    return this.Z[layerIndex(l)]!;
  }

  a(l: number): Float64Array {
    if (l === 1) return this.x.subarray(this.xOff, this.xOff + this.b * this.sizes[0]!);
    return this.A[layerIndex(l)]!;
  }

  delta(l: number): Float64Array {
    return this.deltas[layerIndex(l)]!;
  }
}
