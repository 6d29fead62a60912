/**
 * The WebAssembly kernel set: the same steps as the TypeScript one (kernel-set.ts), on buffers
 * in one instance of nn-kernels.wasm. The products run as 4 × 4 register blocks of f64x2;
 * sigmoid layers and the sigmoid cross-entropy output use the module's vectorised exp and log;
 * any other activation or cost runs its TypeScript registry entry on Float64Array views of the
 * same memory.
 *
 * Memory layout (bytes, after RESERVED_BYTES): θ | Δ | per Θ^(l) its weights transposed, packed
 * in panels (Wᵀ) | x and y of one chunk | per layer z, a, δ of one chunk. The memory never grows
 * after construction, so the views stay valid.
 */
import { activations, type Activation } from '../activations';
import type { Batch } from '../batch';
import { costs, type OutputLayer } from '../costs';
import { layerIndex, type Architecture, type LayerShape } from '../network';
import type { KernelPath, KernelSet } from './kernel-set';
import { RESERVED_BYTES, type NnKernelFactory, type NnKernels } from './wasm-exports';

const EMPTY: Float64Array = new Float64Array(0);

export class WasmKernelSet implements KernelSet {
  readonly path: KernelPath = 'wasm-simd';
  readonly L: number;
  private readonly k: NnKernels;
  private readonly f64: Float64Array;
  private readonly sizes: readonly number[];
  private readonly parameters: number;
  /** g of layer l at layerIndex(l) (none for the input), and whether the module's sigmoid serves it. */
  private readonly g: readonly (Activation | undefined)[];
  private readonly sigmoidLayer: readonly boolean[];
  private readonly output: OutputLayer;
  private readonly sigmoidCrossEntropyOutput: boolean;
  /** Byte offsets: θ, Δ, the packed Wᵀ of Θ^(l) at layerIndex(l), the chunk's x and y. */
  private readonly thetaAt: number;
  private readonly DeltaAt: number;
  private readonly panelsAt: readonly number[];
  private readonly xAt: number;
  private readonly yAt: number;
  /** Byte offsets and views of z^(l), a^(l), δ^(l) at layerIndex(l). */
  private readonly zAt: readonly number[];
  private readonly aAt: readonly number[];
  private readonly deltaAt: readonly number[];
  private readonly zView: readonly Float64Array[];
  private readonly aView: readonly Float64Array[];
  private readonly deltaView: readonly Float64Array[];
  private readonly yView: Float64Array;
  private Delta = EMPTY;
  /** True when the module's Δ holds sums not yet added into Delta (a flush of nothing writes nothing). */
  private held = false;

  /** @throws when the memory cannot be had (the evaluator then keeps the TypeScript kernels). */
  constructor(
    factory: NnKernelFactory,
    architecture: Architecture,
    private readonly shapes: readonly LayerShape[],
    readonly chunk: number,
  ) {
    const sizes = architecture.sizes, L = sizes.length;
    this.sizes = sizes;
    this.L = L;
    this.parameters = shapes.reduce((n, s) => n + s.size, 0);
    this.g = sizes.map((_, i) => (i === 0 ? undefined : activations[architecture.activations[i - 1]!]));
    this.sigmoidLayer = this.g.map((g) => g?.name === 'sigmoid');
    this.output = costs[architecture.cost](this.g[L - 1]!);
    this.sigmoidCrossEntropyOutput = architecture.cost === 'cross-entropy' && this.g[L - 1]!.name === 'sigmoid';
    let top = RESERVED_BYTES;
    const take = (doubles: number): number => {
      const at = top;
      // 32 bytes of room after each buffer: a product may read 3 doubles past a row's last column.
      top += Math.ceil((doubles * 8) / 16) * 16 + 32;
      return at;
    };
    this.thetaAt = take(this.parameters);
    this.DeltaAt = take(this.parameters);
    this.panelsAt = shapes.map((s) => take(Math.ceil(s.rows / 4) * 4 * (s.cols - 1)));
    this.xAt = take(chunk * sizes[0]!);
    this.yAt = take(chunk * sizes[L - 1]!);
    this.zAt = sizes.map((s) => take(chunk * s));
    this.aAt = sizes.map((s) => take(chunk * s));
    this.deltaAt = sizes.map((s) => take(chunk * s));
    this.k = factory(Math.ceil(top / 65536) + 1);
    const buffer = this.k.memory.buffer;
    this.f64 = new Float64Array(buffer);
    const view = (at: number, s: number): Float64Array => new Float64Array(buffer, at, chunk * s);
    this.zView = sizes.map((s, i) => view(this.zAt[i]!, s));
    this.aView = sizes.map((s, i) => (i === 0 ? view(this.xAt, s) : view(this.aAt[i]!, s)));
    this.deltaView = sizes.map((s, i) => view(this.deltaAt[i]!, s));
    this.yView = view(this.yAt, sizes[L - 1]!);
  }

  /** Copies θ in, clears Δ and packs each Θ^(l)'s weights transposed: Wᵀ(p, j) = Θ[j, 1 + p]. */
  begin(theta: Float64Array, Delta: Float64Array): void {
    const k = this.k, f64 = this.f64, shapes = this.shapes, parameters = this.parameters;
    const t8 = this.thetaAt >> 3, d8 = this.DeltaAt >> 3;
    for (let i = 0; i < parameters; i++) f64[t8 + i] = theta[i]!;
    f64.fill(0, d8, d8 + parameters);
    for (let i = 0; i < shapes.length; i++) {
      const s = shapes[i]!;
      k.pack(this.panelsAt[i]!, this.thetaAt + (s.offset + 1) * 8, 1, s.cols, s.cols - 1, s.rows);
    }
    this.Delta = Delta;
    this.held = false;
  }

  /** Adds the Δ held in the module's memory into the caller's. */
  end(): void {
    this.flush();
    this.Delta = EMPTY;
  }

  /** Adds the module's Δ into the current target and zeroes it; accumulation goes on into Delta. */
  setDeltaTarget(Delta: Float64Array): void {
    this.flush();
    this.Delta = Delta;
  }

  /** The module's Δ is zero once flushed: the piece starts from it. */
  startPiece(Delta: Float64Array): void {
    this.flush();
    this.Delta = Delta;
  }

  /** The piece's Δ is copied out (no clear and add of the target: one pass fewer) and the module's zeroed. */
  finishPiece(): void {
    const d8 = this.DeltaAt >> 3, parameters = this.parameters;
    if (!this.held) {
      this.Delta.fill(0, 0, parameters);
      return;
    }
    this.Delta.set(this.f64.subarray(d8, d8 + parameters));
    this.f64.fill(0, d8, d8 + parameters);
    this.held = false;
  }

  /**
   * The module's Δ added into the target and zeroed. Skipped when nothing was accumulated, so
   * that a target shared with another thread (a piece slot) is never rewritten with its own value.
   */
  private flush(): void {
    if (!this.held) return;
    const f64 = this.f64, d8 = this.DeltaAt >> 3, Delta = this.Delta, parameters = this.parameters;
    for (let i = 0; i < parameters; i++) Delta[i] = Delta[i]! + f64[d8 + i]!;
    f64.fill(0, d8, d8 + parameters);
    this.held = false;
  }

  loadExamples(batch: Batch, r0: number, b: number): void {
    const f64 = this.f64, x8 = this.xAt >> 3, y8 = this.yAt >> 3;
    const n = this.sizes[0]!, K = this.sizes[this.L - 1]!;
    if (!batch.rows) {
      f64.set(batch.X.subarray(r0 * n, (r0 + b) * n), x8);
      f64.set(batch.Y.subarray(r0 * K, (r0 + b) * K), y8);
      return;
    }
    const X = batch.X, Y = batch.Y, rows = batch.rows;
    for (let i = 0; i < b; i++) {
      const row = rows[r0 + i]!;
      for (let c = 0; c < n; c++) f64[x8 + i * n + c] = X[row * n + c]!;
      for (let c = 0; c < K; c++) f64[y8 + i * K + c] = Y[row * K + c]!;
    }
  }

  /** z^(l+1) = [1, a^(l)] Θ^(l)ᵀ: Σ_p a[i, p] Wᵀ[p, j] over the packed panels, then the bias column. */
  affine(l: number, b: number): void {
    const i = layerIndex(l), sIn = this.sizes[i]!, sOut = this.sizes[i + 1]!, s = this.shapes[i]!;
    const a = l === 1 ? this.xAt : this.aAt[i]!;
    this.k.gemmBiasSet(this.zAt[i + 1]!, sOut, a, sIn, 1, this.panelsAt[i]!, 4, 4 * sIn, b, sOut, sIn, this.thetaAt + s.offset * 8, s.cols);
  }

  activate(l: number, b: number): void {
    const i = layerIndex(l), s = this.sizes[i]!;
    if (this.sigmoidLayer[i]) this.k.sigmoid(this.aAt[i]!, this.zAt[i]!, b * s);
    else this.g[i]!.forward(this.aView[i]!, this.zView[i]!, 0, b * s, s);
  }

  outputCost(b: number): number {
    const i = this.L - 1, K = this.sizes[i]!;
    return this.output.cost(this.zView[i]!, this.aView[i]!, 0, this.yView, 0, b * K, K);
  }

  outputDelta(b: number): number {
    const i = this.L - 1, K = this.sizes[i]!;
    if (this.sigmoidCrossEntropyOutput) return this.k.sigmoidCrossEntropy(this.deltaAt[i]!, this.zAt[i]!, this.aAt[i]!, this.yAt, b * K);
    return this.output.costAndDelta(this.deltaView[i]!, this.zView[i]!, this.aView[i]!, 0, this.yView, 0, b * K, K);
  }

  /**
   * Δ[:, 1:] += δᵀ a (the rows of δᵀ are δ's columns: stride s_(l+1) along the batch), then
   * Δ[:, 0] += Σ_i δ and Σ|δ| in one pass.
   */
  accumulateDelta(l: number, b: number): number {
    const i = layerIndex(l), sIn = this.sizes[i]!, sOut = this.sizes[i + 1]!, s = this.shapes[i]!;
    const delta = this.deltaAt[i + 1]!, a = l === 1 ? this.xAt : this.aAt[i]!;
    const row = this.DeltaAt + s.offset * 8;
    this.held = true;
    this.k.gemmAdd(row + 8, s.cols, delta, 1, sOut, a, sIn, 4, sOut, sIn, b);
    return this.k.columnSums(row, s.cols, delta, sOut, b, sOut);
  }

  /** δ^(l) = (δ^(l+1) W) ⊙ g'(z^(l)), W = Θ^(l) without its bias column (row stride s_l + 1). */
  backpropDelta(l: number, b: number): void {
    const i = layerIndex(l), sIn = this.sizes[i]!, sOut = this.sizes[i + 1]!, s = this.shapes[i]!;
    const delta = this.deltaAt[i]!;
    this.k.gemmSet(delta, sIn, this.deltaAt[i + 1]!, sOut, 1, this.thetaAt + (s.offset + 1) * 8, s.cols, 4, b, sIn, sOut);
    if (this.sigmoidLayer[i]) this.k.sigmoidBackprop(delta, delta, this.aAt[i]!, b * sIn);
    else this.g[i]!.backprop(this.deltaView[i]!, this.deltaView[i]!, this.zView[i]!, this.aView[i]!, 0, b * sIn, sIn);
  }

  z(l: number): Float64Array {
    return this.zView[layerIndex(l)]!;
  }

  a(l: number): Float64Array {
    return this.aView[layerIndex(l)]!;
  }

  delta(l: number): Float64Array {
    return this.deltaView[layerIndex(l)]!;
  }
}
