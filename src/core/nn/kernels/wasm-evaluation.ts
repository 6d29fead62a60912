/**
 * The WebAssembly path of NetworkEvaluator.costAndGradient: the same chunked forward and
 * backward passes as the TypeScript path, on buffers in one kernel instance's memory. The
 * products run in nn-kernels.wasm (4 × 4 register blocks of f64x2); sigmoid layers and the
 * sigmoid cross-entropy output use its vectorised exp and log; any other activation or cost runs
 * its TypeScript registry entry on Float64Array views of the same memory.
 *
 * Memory layout (bytes, after RESERVED_BYTES): θ | Δ | per layer the packed Wᵀ panels | X and Y
 * of one chunk | per layer z, a, δ of one chunk. The memory never grows after construction, so
 * the views stay valid.
 */
import type { Activation } from '../activations';
import type { OutputLayer } from '../costs';
import type { LayerShape } from '../network';
import { RESERVED_BYTES, type NnKernelFactory, type NnKernels } from './wasm-kernels';

/** A batch as the evaluator takes it (see evaluator.ts). */
interface BatchLike {
  readonly X: Float64Array;
  readonly Y: Float64Array;
  readonly m: number;
  readonly rows?: Int32Array;
}

/** Cost and raw gradient sums of a batch in WebAssembly; owned by one NetworkEvaluator. */
export class WasmEvaluation {
  private readonly k: NnKernels;
  private readonly f64: Float64Array;
  private readonly T: number;
  private readonly G: number;
  private readonly P: number[];
  private readonly Xc: number;
  private readonly Yc: number;
  private readonly Z: number[];
  private readonly A: number[];
  private readonly D: number[];
  private readonly Zv: Float64Array[];
  private readonly Av: Float64Array[];
  private readonly Dv: Float64Array[];
  private readonly Yv: Float64Array;
  private readonly sigmoidLayer: boolean[];
  private readonly sigmoidOutput: boolean;
  private readonly params: number;

  /** @throws when the memory cannot be had (the caller then keeps the TypeScript path). */
  constructor(
    factory: NnKernelFactory,
    private readonly sizes: readonly number[],
    private readonly shapes: readonly LayerShape[],
    private readonly g: readonly Activation[],
    private readonly output: OutputLayer,
    outputIsSigmoidCrossEntropy: boolean,
    private readonly chunk: number,
  ) {
    const L = sizes.length;
    const params = shapes.reduce((n, s) => n + s.size, 0);
    this.params = params;
    let top = RESERVED_BYTES;
    const take = (doubles: number): number => {
      const at = top;
      // 32 bytes of room after each buffer: gemm may read 3 doubles past a row's last column.
      top += Math.ceil((doubles * 8) / 16) * 16 + 32;
      return at;
    };
    this.T = take(params);
    this.G = take(params);
    this.P = shapes.map((s) => take(Math.ceil(s.rows / 4) * 4 * (s.cols - 1)));
    this.Xc = take(chunk * sizes[0]!);
    this.Yc = take(chunk * sizes[L - 1]!);
    this.Z = sizes.map((s) => take(chunk * s));
    this.A = sizes.map((s) => take(chunk * s));
    this.D = sizes.map((s) => take(chunk * s));
    this.k = factory(Math.ceil(top / 65536) + 1);
    const buffer = this.k.memory.buffer;
    this.f64 = new Float64Array(buffer);
    const view = (at: number, s: number): Float64Array => new Float64Array(buffer, at, chunk * s);
    this.Zv = sizes.map((s, l) => view(this.Z[l]!, s));
    this.Av = sizes.map((s, l) => view(this.A[l]!, s));
    this.Dv = sizes.map((s, l) => view(this.D[l]!, s));
    this.Yv = view(this.Yc, sizes[L - 1]!);
    this.sigmoidLayer = g.map((x) => x.name === 'sigmoid');
    this.sigmoidOutput = outputIsSigmoidCrossEntropy;
  }

  /**
   * Σ_i J_i over the batch (unregularised, not divided by m); Δ^(l) = Σ_i δ^(l+1)[1; a^(l)]ᵀ added
   * into gradOut; Σ|δ^(l+1)| added to absDelta[l]. Same as begin, rows over [0, m), end.
   */
  costAndGradientSums(theta: Float64Array, data: BatchLike, gradOut: Float64Array, absDelta: Float64Array): number {
    this.begin(theta);
    const sum = this.rows(data, 0, data.m, absDelta);
    this.end(gradOut);
    return sum;
  }

  /** Starts an evaluation at θ: copies θ in, clears Δ and packs each Wᵀ. */
  begin(theta: Float64Array): void {
    const k = this.k, f64 = this.f64, shapes = this.shapes, params = this.params;
    const t8 = this.T >> 3, g8 = this.G >> 3;
    for (let i = 0; i < params; i++) f64[t8 + i] = theta[i]!;
    f64.fill(0, g8, g8 + params);
    for (let l = 0; l < shapes.length; l++) {
      const s = shapes[l]!;
      // Wᵀ in panels: B(p, j) = Θ[j, 1 + p], p < s_l, j < s_(l+1).
      k.pack(this.P[l]!, this.T + (s.offset + 1) * 8, 1, s.cols, s.cols - 1, s.rows);
    }
  }

  /** Adds the examples [r0, r1) of the batch to Δ (kept inside) and absDelta; returns their Σ J_i. */
  rows(data: BatchLike, r0: number, r1: number, absDelta: Float64Array): number {
    const sizes = this.sizes, n = sizes[0]!, K = sizes[sizes.length - 1]!;
    let sum = 0;
    for (let r = r0; r < r1; r += this.chunk) {
      const b = Math.min(this.chunk, r1 - r);
      this.loadChunk(data, r, b, n, K);
      this.forward(b);
      sum += this.backward(b, absDelta);
    }
    return sum;
  }

  /** Adds the Δ accumulated since begin into gradOut. */
  end(gradOut: Float64Array): void {
    const f64 = this.f64, g8 = this.G >> 3;
    for (let i = 0; i < this.params; i++) gradOut[i] = gradOut[i]! + f64[g8 + i]!;
  }

  private loadChunk(data: BatchLike, r0: number, b: number, n: number, K: number): void {
    const f64 = this.f64, x8 = this.Xc >> 3, y8 = this.Yc >> 3;
    if (!data.rows) {
      f64.set(data.X.subarray(r0 * n, (r0 + b) * n), x8);
      f64.set(data.Y.subarray(r0 * K, (r0 + b) * K), y8);
      return;
    }
    const X = data.X, Y = data.Y, rows = data.rows;
    for (let i = 0; i < b; i++) {
      const row = rows[r0 + i]!;
      for (let c = 0; c < n; c++) f64[x8 + i * n + c] = X[row * n + c]!;
      for (let c = 0; c < K; c++) f64[y8 + i * K + c] = Y[row * K + c]!;
    }
  }

  private forward(b: number): void {
    const k = this.k, sizes = this.sizes;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const sIn = sizes[l]!, sOut = sizes[l + 1]!, s = this.shapes[l]!;
      const input = l === 0 ? this.Xc : this.A[l]!, z = this.Z[l + 1]!;
      // z = [1, a] Θᵀ: the bias column, then Σ_p a[i, p] Wᵀ[p, j].
      k.gemm(z, sOut, input, sIn, 1, this.P[l]!, 4, 4 * sIn, b, sOut, sIn, 2, this.T + s.offset * 8, s.cols);
      if (this.sigmoidLayer[l]) k.sigmoid(this.A[l + 1]!, z, b * sOut);
      else this.g[l]!.forward(this.Av[l + 1]!, this.Zv[l + 1]!, 0, b * sOut, sOut);
    }
  }

  private backward(b: number, absDelta: Float64Array): number {
    const k = this.k, sizes = this.sizes, L = sizes.length, K = sizes[L - 1]!;
    const cost = this.sigmoidOutput
      ? k.sigmoidCrossEntropy(this.D[L - 1]!, this.Z[L - 1]!, this.A[L - 1]!, this.Yc, b * K)
      : this.output.costAndDelta(this.Dv[L - 1]!, this.Zv[L - 1]!, this.Av[L - 1]!, 0, this.Yv, 0, b * K, K);
    for (let l = L - 2; l >= 0; l--) {
      const sIn = sizes[l]!, sOut = sizes[l + 1]!, s = this.shapes[l]!;
      const delta = this.D[l + 1]!, input = l === 0 ? this.Xc : this.A[l]!;
      const gRow = this.G + s.offset * 8;
      // Δ[:, 1:] += δᵀ a (rows of δᵀ are δ's columns: stride s_(l+1) along the batch); Δ[:, 0] += Σ_i δ
      // and Σ|δ| in the same pass.
      k.gemm(gRow + 8, s.cols, delta, 1, sOut, input, sIn, 4, sOut, sIn, b, 1, 0, 0);
      absDelta[l] = absDelta[l]! + k.columnSums(gRow, s.cols, delta, sOut, b, sOut);
      if (l > 0) {
        // δ^(l) = (δ^(l+1) W) ⊙ g'(z^(l)), W = Θ without its bias column (row stride s_l + 1).
        const below = this.D[l]!;
        k.gemm(below, sIn, delta, sOut, 1, this.T + (s.offset + 1) * 8, s.cols, 4, b, sIn, sOut, 0, 0, 0);
        if (this.sigmoidLayer[l - 1]) k.sigmoidBackprop(below, below, this.A[l]!, b * sIn);
        else this.g[l - 1]!.backprop(this.Dv[l]!, this.Dv[l]!, this.Zv[l]!, this.Av[l]!, 0, b * sIn, sIn);
      }
    }
    return cost;
  }
}
