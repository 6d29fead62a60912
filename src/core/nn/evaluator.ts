/**
 * The evaluator of a network's cost J(θ) and gradient D = ∂J/∂θ on a batch: vectorised forward
 * propagation, the cost, backpropagation and the regularised gradient (see network.ts for the
 * glossary). It owns every workspace buffer, so evaluating allocates nothing.
 *
 * The batch is processed in chunks of at most CHUNK examples (rows): each chunk goes forward,
 * then backward, adding its share Σ_i δ^(l+1)[1; a^(l)]ᵀ to Δ^(l), while its activations are
 * still in cache. The result does not depend on the chunking beyond rounding.
 */
import { activations, type Activation } from './activations';
import { costs, sumSquaredWeights, type OutputLayer } from './costs';
import { accumulateOuter, affineRows, gemmNN } from './matrix';
import { architectureProblems, layerShapes, type Architecture, type LayerShape } from './network';
import { WasmEvaluation } from './kernels/wasm-evaluation';
import { wasmKernelFactory } from './kernels/wasm-kernels';
import { PARALLEL_MIN_WORK, remoteShardFactory, type RemoteShards } from './kernels/remote-shards';

/** Which kernels an evaluator may use: 'auto' takes WebAssembly when installed and worth it. */
export type KernelChoice = 'auto' | 'typescript' | 'wasm';

/** The kernels that computed the last costAndGradient. */
export type KernelPath = 'typescript' | 'wasm-simd';

/** Options of a NetworkEvaluator beyond its architecture. */
export interface EvaluatorOptions {
  /** Default 'auto'. 'wasm' uses WebAssembly for every batch when installed (tests). */
  readonly kernels?: KernelChoice;
  /**
   * Default 'auto': large batches are split across the threads of an installed pool
   * (src/parallel); 'single' keeps one thread; 'always' splits every batch of m ≥ 2 (tests).
   */
  readonly parallel?: 'auto' | 'single' | 'always';
}

/**
 * Below this many multiply-adds per evaluation pass (m · |θ|), 'auto' keeps the TypeScript
 * kernels: copying θ in and Δ out of WebAssembly would cost more than the products (W1).
 */
export const WASM_MIN_WORK = 4096;

/**
 * Examples per chunk: at least CHUNK (the kernels' 4 × 4 blocks need rows), more for narrow
 * networks, so that a chunk's z, a and δ (3 · chunk · Σ s_l doubles) stay near 256 KiB.
 */
export const CHUNK = 64;
const CHUNK_BUDGET = 32768;

/**
 * A batch: X and Y row-major, one example a row (s_1 and s_L columns; a Dataset fits). Without
 * `rows`, the batch is the first m rows; with `rows`, it is the rows rows[0 … m) (0-based, a
 * mini-batch), gathered chunk by chunk.
 */
export interface Batch {
  readonly X: Float64Array;
  readonly Y: Float64Array;
  readonly m: number;
  readonly rows?: Int32Array;
}

/** Per-layer figures of the last costAndGradient call, for progress reports. */
export interface LayerStatistics {
  /** ‖D^(l)‖ (Frobenius norm), at index l − 1 for l = 1 … L − 1. */
  readonly gradientNorm: Float64Array;
  /** Mean |δ^(l)_k| over the batch's examples and the layer's units, at index l − 2 for l = 2 … L. */
  readonly meanAbsDelta: Float64Array;
}

/**
 * One example through the network: z^(l), a^(l) and δ^(l) at index l − 1 (z and δ are empty
 * for the input layer, a^(1) = x), and its cost J_i (unregularised). Owned by the evaluator and
 * overwritten by the next trace.
 */
export interface ExampleTrace {
  readonly z: readonly Float64Array[];
  readonly a: readonly Float64Array[];
  readonly delta: readonly Float64Array[];
  cost: number;
}

/** Cost and gradient of one architecture, with its workspace, reusable for any batch. */
export class NetworkEvaluator {
  readonly architecture: Architecture;
  readonly shapes: readonly LayerShape[];
  readonly parameterCount: number;
  readonly stats: LayerStatistics;
  private readonly sizes: number[];
  private readonly g: Activation[];
  private readonly output: OutputLayer;
  private readonly chunk: number;
  /** Per layer l (index l − 1): z, a, δ of the current chunk, chunk × s_l (empty for l = 1). */
  private readonly Z: Float64Array[];
  private readonly A: Float64Array[];
  private readonly D: Float64Array[];
  private readonly traceBuffers: ExampleTrace;
  /**
   * Σ_i J_i of the chunks so far, kept in a typed array: a double returned from a method
   * that is not inlined would be boxed (one allocation per chunk).
   */
  private readonly costSum = new Float64Array(1);
  /** Gathered X and Y rows of the current chunk, for batches given by `rows`. */
  private readonly Xg: Float64Array;
  private readonly Yg: Float64Array;
  /** Where the current chunk's inputs and targets are: (array, offset of its first row). */
  private x: Float64Array = new Float64Array(0);
  private xOff = 0;
  private y: Float64Array = new Float64Array(0);
  private yOff = 0;
  /** The WebAssembly path, when installed and chosen (costAndGradient only). */
  private readonly wasm: WasmEvaluation | undefined;
  private readonly kernelChoice: KernelChoice;
  /** The kernels of the last costAndGradient. */
  lastKernelPath: KernelPath = 'typescript';
  /** The threads of the last costAndGradient (1 unless a pool took part of the batch). */
  lastThreads = 1;
  private readonly parallelChoice: 'auto' | 'single' | 'always';
  /** The other threads, made on the first batch that is worth splitting. */
  private remote: RemoteShards | undefined | null = null;

  /**
   * @param maxBatch caps the chunk of examples held at once; any m can be evaluated.
   * @throws RangeError when the architecture is invalid (see architectureProblems).
   */
  constructor(architecture: Architecture, maxBatch = CHUNK, options: EvaluatorOptions = {}) {
    const problems = architectureProblems(architecture);
    if (problems.length > 0) throw new RangeError(problems.join('; '));
    this.architecture = architecture;
    this.sizes = [...architecture.sizes];
    this.shapes = layerShapes(this.sizes);
    this.parameterCount = this.shapes.reduce((n, s) => n + s.size, 0);
    this.g = architecture.activations.map((name) => activations[name]);
    this.output = costs[architecture.cost](this.g[this.g.length - 1]!);
    const width = this.sizes.reduce((n, x) => n + x, 0);
    this.chunk = Math.max(1, Math.min(Math.max(CHUNK, Math.floor(CHUNK_BUDGET / width)), Math.floor(maxBatch)));
    const L = this.sizes.length;
    const buf = (l: number): Float64Array => new Float64Array(l === 0 ? 0 : this.chunk * this.sizes[l]!);
    this.Z = this.sizes.map((_, l) => buf(l));
    this.A = this.sizes.map((_, l) => buf(l));
    this.D = this.sizes.map((_, l) => buf(l));
    this.Xg = new Float64Array(this.chunk * this.sizes[0]!);
    this.Yg = new Float64Array(this.chunk * this.sizes[L - 1]!);
    this.stats = { gradientNorm: new Float64Array(L - 1), meanAbsDelta: new Float64Array(L - 1) };
    this.traceBuffers = {
      z: this.sizes.map((s, l) => new Float64Array(l === 0 ? 0 : s)),
      a: this.sizes.map((s) => new Float64Array(s)),
      delta: this.sizes.map((s, l) => new Float64Array(l === 0 ? 0 : s)),
      cost: 0,
    };
    this.kernelChoice = options.kernels ?? 'auto';
    const factory = wasmKernelFactory();
    let wasm: WasmEvaluation | undefined;
    if (factory && this.kernelChoice !== 'typescript') {
      const sigmoidCE = architecture.cost === 'cross-entropy' && this.g[this.g.length - 1]!.name === 'sigmoid';
      try {
        wasm = new WasmEvaluation(factory, this.sizes, this.shapes, this.g, this.output, sigmoidCE, this.chunk);
      } catch {
        wasm = undefined; // no memory for it: the TypeScript path serves
      }
    }
    this.wasm = wasm;
    this.parallelChoice = options.parallel ?? 'auto';
  }

  /** The kernels costAndGradient uses for a batch of m examples. */
  kernelPathFor(m: number): KernelPath {
    if (!this.wasm) return 'typescript';
    return this.kernelChoice === 'wasm' || m * this.parameterCount >= WASM_MIN_WORK ? 'wasm-simd' : 'typescript';
  }

  /**
   * J(θ) on the batch, and D = ∂J/∂θ into gradOut (unrolled like θ):
   * D^(l) = Δ^(l)/m + (λ/m)Θ^(l) off the bias column, Δ^(l)/m on it. Updates `stats`.
   */
  costAndGradient(theta: Float64Array, data: Batch, gradOut: Float64Array): number {
    this.checkBatch(theta, data);
    if (gradOut.length < this.parameterCount) throw new RangeError('gradOut is shorter than θ');
    // Plain loops: for tiny networks they are cheaper than entering fill().
    for (let k = 0; k < this.parameterCount; k++) gradOut[k] = 0;
    const meanAbsDelta = this.stats.meanAbsDelta;
    for (let l = 0; l < meanAbsDelta.length; l++) meanAbsDelta[l] = 0;
    const remote = this.remoteFor(data.m);
    let sum: number;
    if (remote) {
      // Both threads take pieces of the batch from a shared counter until none is left, so a
      // thread that is descheduled holds up at most one piece.
      const pieceRows = remote.start(theta, data);
      this.beginSums(theta, data.m);
      sum = 0;
      for (let piece = remote.next(); piece >= 0; piece = remote.next()) {
        const r0 = piece * pieceRows;
        sum += this.rowSums(theta, data, r0, Math.min(data.m, r0 + pieceRows), gradOut, meanAbsDelta);
      }
      this.endSums(gradOut);
      const theirs = remote.finish(gradOut, meanAbsDelta);
      this.lastThreads = theirs === undefined ? 1 : remote.threads;
      sum += theirs ?? 0;
    } else {
      sum = this.gradientSums(theta, data, gradOut, meanAbsDelta);
      this.lastThreads = 1;
    }
    const m = data.m, lambda = this.architecture.lambda, shapes = this.shapes;
    const stats = this.stats, decay = lambda / m;
    let penalty = 0;
    for (let l = 0; l < shapes.length; l++) {
      const s = shapes[l]!;
      let norm = 0;
      for (let r = 0; r < s.rows; r++) {
        const row = s.offset + r * s.cols;
        const bias = gradOut[row]! / m;
        gradOut[row] = bias;
        norm += bias * bias;
        for (let c = row + 1, end = row + s.cols; c < end; c++) {
          const t = theta[c]!, d = gradOut[c]! / m + decay * t;
          gradOut[c] = d;
          norm += d * d;
          penalty += t * t;
        }
      }
      stats.gradientNorm[l] = Math.sqrt(norm);
      stats.meanAbsDelta[l] = stats.meanAbsDelta[l]! / (m * this.sizes[l + 1]!);
    }
    return sum / m + (lambda / (2 * m)) * penalty;
  }

  /**
   * The unnormalised sums of a batch: returns Σ_i J_i (no regularisation, not divided by m),
   * adds Δ^(l) = Σ_i δ^(l+1)[1; a^(l)]ᵀ into gradOut and Σ_i Σ_k |δ^(l+1)_k| into absDelta[l − 1].
   * costAndGradient is this plus the regularisation; a pool thread runs it on its share.
   */
  gradientSums(theta: Float64Array, data: Batch, gradOut: Float64Array, absDelta: Float64Array): number {
    this.beginSums(theta, data.m);
    const sum = this.rowSums(theta, data, 0, data.m, gradOut, absDelta);
    this.endSums(gradOut);
    return sum;
  }

  /**
   * gradientSums in pieces, for threads that share a batch: beginSums once at θ, rowSums for
   * each piece [r0, r1) of the batch (adding to gradOut and absDelta, returning its Σ J_i), then
   * endSums. `m` is the whole batch's size (it picks the kernels).
   */
  beginSums(theta: Float64Array, m: number): void {
    this.lastKernelPath = this.kernelPathFor(m);
    if (this.wasm && this.lastKernelPath === 'wasm-simd') this.wasm.begin(theta);
  }

  /** See beginSums. */
  rowSums(theta: Float64Array, data: Batch, r0: number, r1: number, gradOut: Float64Array, absDelta: Float64Array): number {
    if (this.wasm && this.lastKernelPath === 'wasm-simd') return this.wasm.rows(data, r0, r1, absDelta);
    const abs = this.stats.meanAbsDelta;
    const saved = abs === absDelta ? undefined : Float64Array.from(abs);
    if (saved) abs.set(absDelta);
    this.costSum[0] = 0;
    for (let r = r0; r < r1; r += this.chunk) {
      const b = Math.min(this.chunk, r1 - r);
      this.selectChunk(data, r, b);
      this.forwardChunk(theta, b, false);
      this.backwardChunk(theta, b, gradOut);
    }
    if (saved) {
      absDelta.set(abs);
      abs.set(saved);
    }
    return this.costSum[0]!;
  }

  /** See beginSums. */
  endSums(gradOut: Float64Array): void {
    if (this.wasm && this.lastKernelPath === 'wasm-simd') this.wasm.end(gradOut);
  }

  /** The other threads for a batch of m examples, if it is worth splitting and a pool is installed. */
  private remoteFor(m: number): RemoteShards | undefined {
    if (this.parallelChoice === 'single' || m < 2) return undefined;
    if (this.parallelChoice === 'auto' && m * this.parameterCount < PARALLEL_MIN_WORK) return undefined;
    if (this.remote === null) this.remote = remoteShardFactory()?.(this.architecture, this.chunk, this.parameterCount);
    return this.remote;
  }

  /** J(θ) on the batch by forward propagation only (no gradient, `stats` untouched). */
  cost(theta: Float64Array, data: Batch): number {
    this.checkBatch(theta, data);
    this.costSum[0] = 0;
    for (let r0 = 0; r0 < data.m; r0 += this.chunk) {
      const b = Math.min(this.chunk, data.m - r0);
      this.selectChunk(data, r0, b);
      this.forwardChunk(theta, b, true);
    }
    const sum = this.costSum[0]!;
    const m = data.m, lambda = this.architecture.lambda;
    let penalty = 0;
    if (lambda !== 0) for (const s of this.shapes) penalty += sumSquaredWeights(theta, s.offset, s.rows, s.cols);
    return sum / m + (lambda / (2 * m)) * penalty;
  }

  /** The outputs h_Θ(x) = a^(L) of the m rows of X, into out (m × s_L, row-major). */
  predict(theta: Float64Array, X: Float64Array, m: number, out: Float64Array): Float64Array {
    const L = this.sizes.length, K = this.sizes[L - 1]!;
    if (theta.length < this.parameterCount || X.length < m * this.sizes[0]! || out.length < m * K) {
      throw new RangeError('θ, X or out is too short for this network and m');
    }
    for (let r0 = 0; r0 < m; r0 += this.chunk) {
      const b = Math.min(this.chunk, m - r0);
      this.x = X;
      this.xOff = r0 * this.sizes[0]!;
      this.forwardChunk(theta, b, false);
      const h = this.A[L - 1]!;
      for (let k = 0, end = b * K; k < end; k++) out[r0 * K + k] = h[k]!;
    }
    return out;
  }

  /** z, a and δ of every layer for example `index` (0-based) of the batch (see ExampleTrace). */
  trace(theta: Float64Array, data: Batch, index: number): ExampleTrace {
    this.checkBatch(theta, data);
    if (!(index >= 0 && index < data.m)) throw new RangeError(`example ${index} is not in a batch of ${data.m}`);
    const t = this.traceBuffers, n = this.sizes[0]!;
    this.selectChunk(data, index, 1);
    this.costSum[0] = 0;
    this.forwardChunk(theta, 1, false);
    this.backwardChunk(theta, 1, undefined);
    t.cost = this.costSum[0]!;
    const a0 = t.a[0]!;
    for (let c = 0; c < n; c++) a0[c] = this.x[this.xOff + c]!;
    for (let l = 1; l < this.sizes.length; l++) {
      const z = t.z[l]!, a = t.a[l]!, delta = t.delta[l]!, Z = this.Z[l]!, A = this.A[l]!, D = this.D[l]!;
      for (let k = 0; k < z.length; k++) {
        z[k] = Z[k]!;
        a[k] = A[k]!;
        delta[k] = D[k]!;
      }
    }
    return t;
  }

  private checkBatch(theta: Float64Array, data: Batch): void {
    const L = this.sizes.length;
    if (theta.length < this.parameterCount) throw new RangeError(`θ has ${theta.length} entries; the network needs ${this.parameterCount}`);
    const rowsNeeded = data.rows ? 1 : data.m;
    if (!(data.m >= 1) || data.X.length < rowsNeeded * this.sizes[0]! || data.Y.length < rowsNeeded * this.sizes[L - 1]!) {
      throw new RangeError(`the batch does not hold m = ${data.m} examples of ${this.sizes[0]} features and ${this.sizes[L - 1]} targets`);
    }
    if (data.rows) {
      const rows = data.rows;
      const total = Math.min(Math.floor(data.X.length / this.sizes[0]!), Math.floor(data.Y.length / this.sizes[L - 1]!));
      if (rows.length < data.m) throw new RangeError(`rows holds ${rows.length} indices; m = ${data.m}`);
      for (let i = 0; i < data.m; i++) {
        if (!(rows[i]! >= 0 && rows[i]! < total)) throw new RangeError(`rows[${i}] = ${rows[i]} is not an example`);
      }
    }
  }

  /** Points x, xOff, y, yOff at the examples [r0, r0 + b) of the batch, gathering them if needed. */
  private selectChunk(data: Batch, r0: number, b: number): void {
    const n = this.sizes[0]!, K = this.sizes[this.sizes.length - 1]!;
    if (!data.rows) {
      this.x = data.X;
      this.xOff = r0 * n;
      this.y = data.Y;
      this.yOff = r0 * K;
      return;
    }
    for (let i = 0; i < b; i++) {
      const row = data.rows[r0 + i]!;
      for (let c = 0; c < n; c++) this.Xg[i * n + c] = data.X[row * n + c]!;
      for (let k = 0; k < K; k++) this.Yg[i * K + k] = data.Y[row * K + k]!;
    }
    this.x = this.Xg;
    this.xOff = 0;
    this.y = this.Yg;
    this.yOff = 0;
  }

  /** Forward propagation of the selected chunk of b examples; adds Σ_i J_i to costSum if withCost. */
  private forwardChunk(theta: Float64Array, b: number, withCost: boolean): void {
    const sizes = this.sizes, L = sizes.length;
    for (let l = 0; l + 1 < L; l++) {
      const sIn = sizes[l]!, sOut = sizes[l + 1]!, shape = this.shapes[l]!;
      const input = l === 0 ? this.x : this.A[l]!, inOff = l === 0 ? this.xOff : 0;
      const z = this.Z[l + 1]!;
      affineRows(z, 0, sOut, input, inOff, sIn, theta, shape.offset, b, sIn, sOut);
      this.g[l]!.forward(this.A[l + 1]!, z, 0, b * sOut, sOut);
    }
    if (!withCost) return;
    const K = sizes[L - 1]!;
    this.costSum[0] = this.costSum[0]! + this.output.cost(this.Z[L - 1]!, this.A[L - 1]!, 0, this.y, this.yOff, b * K, K);
  }

  /**
   * Backpropagation of the chunk just forwarded: every δ^(l) into D, and, when grad is given,
   * Δ^(l) += Σ_i δ^(l+1) [1; a^(l)]ᵀ into grad and |δ| sums into stats.meanAbsDelta.
   * Adds the chunk's Σ_i J_i to costSum.
   */
  private backwardChunk(theta: Float64Array, b: number, grad: Float64Array | undefined): void {
    const sizes = this.sizes, L = sizes.length, K = sizes[L - 1]!;
    this.costSum[0] = this.costSum[0]! + this.output.costAndDelta(this.D[L - 1]!, this.Z[L - 1]!, this.A[L - 1]!, 0, this.y, this.yOff, b * K, K);
    for (let l = L - 2; l >= 0; l--) {
      const sIn = sizes[l]!, sOut = sizes[l + 1]!, shape = this.shapes[l]!, cols = sIn + 1;
      const delta = this.D[l + 1]!;
      if (grad) {
        const input = l === 0 ? this.x : this.A[l]!, inOff = l === 0 ? this.xOff : 0;
        accumulateOuter(grad, shape.offset, delta, 0, sOut, input, inOff, sIn, b, sIn, sOut);
        let abs = 0;
        for (let k = 0, end = b * sOut; k < end; k++) abs += Math.abs(delta[k]!);
        this.stats.meanAbsDelta[l] = this.stats.meanAbsDelta[l]! + abs;
      }
      if (l > 0) {
        const below = this.D[l]!;
        gemmNN(below, 0, sIn, delta, 0, sOut, theta, shape.offset + 1, cols, b, sIn, sOut);
        this.g[l - 1]!.backprop(below, below, this.Z[l]!, this.A[l]!, 0, b * sIn, sIn);
      }
    }
  }
}
