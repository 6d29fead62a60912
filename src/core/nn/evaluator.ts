/**
 * The evaluator of a network's cost J(θ) and gradient D = ∂J/∂θ on a batch (network.ts has the
 * glossary): the reference backprop of backprop.ts on a kernel set, then finishGradient. It owns
 * its kernel sets and accumulators, so evaluating allocates nothing.
 *
 * Which kernels and threads it may use comes from the Compute passed in (compute.ts): the
 * TypeScript kernels always serve forward passes (cost, predict, trace) and small batches; the
 * WebAssembly kernels, when given, the gradients of larger ones; a BatchSharing, when given,
 * splits large batches across threads.
 */
import type { Batch } from './batch';
import { costSum, forwardPropagation, gradientSums } from './backprop';
import { batchPieces, sumInPieces } from './batch-pieces';
import type { Compute } from './compute';
import { sumSquaredWeights } from './costs';
import { clearGradientSums, createGradientSums, finishGradient, type GradientSums, type LayerStatistics } from './gradient-sums';
import { PARALLEL_MIN_WORK, type BatchSharing } from './kernels/batch-sharing';
import type { KernelPath, KernelSet } from './kernels/kernel-set';
import { TypeScriptKernelSet } from './kernels/typescript-kernel-set';
import { WasmKernelSet } from './kernels/wasm-kernel-set';
import { architectureProblems, layerIndex, layerShapes, type Architecture, type LayerShape } from './network';

export type { Batch } from './batch';
export type { LayerStatistics } from './gradient-sums';
export type { KernelPath } from './kernels/kernel-set';

/** Which kernels the gradient may use: 'auto' takes WebAssembly when given and worth it. */
export type KernelChoice = 'auto' | 'typescript' | 'wasm';

/** Options of a NetworkEvaluator beyond its architecture. */
export interface EvaluatorOptions {
  /** The kernels and threads on offer (default none: TypeScript, one thread). */
  readonly compute?: Compute;
  /** Default 'auto'. 'wasm' uses WebAssembly for every gradient when given (tests). */
  readonly kernels?: KernelChoice;
  /**
   * Default 'auto': batches of m · |θ| ≥ PARALLEL_MIN_WORK are shared with compute.sharing's
   * threads; 'single' keeps one thread; 'always' shares every batch of m ≥ 2 (tests).
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
 * One example through the network: z^(l), a^(l) and δ^(l) at layerIndex(l) (z and δ empty for
 * the input layer, a^(1) = x), and its cost J_i (unregularised). Owned by the evaluator and
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
  /** ‖D^(l)‖ and mean |δ^(l)| of the last costAndGradient. */
  readonly stats: LayerStatistics;
  /** The most examples a chunk holds. */
  readonly chunk: number;
  private readonly typescript: TypeScriptKernelSet;
  /** The WebAssembly kernels, when given and their memory could be had. */
  private readonly wasm: WasmKernelSet | undefined;
  private readonly kernelChoice: KernelChoice;
  private readonly parallelChoice: 'auto' | 'single' | 'always';
  private readonly compute: Compute;
  /** The other threads, asked for on the first batch worth sharing (null: not asked yet). */
  private sharing: BatchSharing | undefined | null = null;
  /** The accumulators; Delta is pointed at the caller's D for each evaluation (no copy). */
  private readonly sums: { Delta: Float64Array; readonly costSum: Float64Array; readonly absDeltaSum: Float64Array };
  private readonly traceBuffers: ExampleTrace;
  /** The sums of a trace, of which only J_i is read (a trace is the reference backprop on one example). */
  private traceSums: GradientSums | undefined;
  /** One piece's sums when a batch is cut into pieces on this thread (made on the first such batch). */
  private pieceSums: GradientSums | undefined;
  /** The kernels of the last costAndGradient (for reports). */
  lastKernelPath: KernelPath = 'typescript';
  /** The threads of the last costAndGradient (1 unless another thread took part of the batch). */
  lastThreads = 1;

  /**
   * @param maxBatch caps the chunk of examples held at once; any m can be evaluated.
   * @throws RangeError when the architecture is invalid (see architectureProblems).
   */
  constructor(architecture: Architecture, maxBatch = CHUNK, options: EvaluatorOptions = {}) {
    const problems = architectureProblems(architecture);
    if (problems.length > 0) throw new RangeError(problems.join('; '));
    this.architecture = architecture;
    const sizes = architecture.sizes, L = sizes.length;
    this.shapes = layerShapes(sizes);
    this.parameterCount = this.shapes.reduce((n, s) => n + s.size, 0);
    const width = sizes.reduce((n, x) => n + x, 0);
    this.chunk = Math.max(1, Math.min(Math.max(CHUNK, Math.floor(CHUNK_BUDGET / width)), Math.floor(maxBatch)));
    this.typescript = new TypeScriptKernelSet(architecture, this.shapes, this.chunk);
    this.compute = options.compute ?? {};
    this.kernelChoice = options.kernels ?? 'auto';
    this.parallelChoice = options.parallel ?? 'auto';
    let wasm: WasmKernelSet | undefined;
    if (this.compute.wasm && this.kernelChoice !== 'typescript') {
      try {
        wasm = new WasmKernelSet(this.compute.wasm, architecture, this.shapes, this.chunk);
      } catch {
        wasm = undefined; // no memory for it: the TypeScript kernels serve
      }
    }
    this.wasm = wasm;
    this.stats = { gradientNorm: new Float64Array(L - 1), meanAbsDelta: new Float64Array(L) };
    this.sums = { Delta: new Float64Array(0), costSum: new Float64Array(1), absDeltaSum: new Float64Array(L) };
    this.traceBuffers = {
      z: sizes.map((s, i) => new Float64Array(i === 0 ? 0 : s)),
      a: sizes.map((s) => new Float64Array(s)),
      delta: sizes.map((s, i) => new Float64Array(i === 0 ? 0 : s)),
      cost: 0,
    };
  }

  /** The kernel set costAndGradient uses for a batch of m examples. */
  kernelsFor(m: number): KernelSet {
    return this.kernelChoice === 'wasm' || m * this.parameterCount >= WASM_MIN_WORK ? this.kernelSet('wasm-simd') : this.typescript;
  }

  /** This evaluator's kernel set of a path (TypeScript when WebAssembly is not at hand): a pool thread takes the caller's. */
  kernelSet(path: KernelPath): KernelSet {
    return path === 'wasm-simd' && this.wasm ? this.wasm : this.typescript;
  }

  /**
   * J(θ) on the batch, and D = ∂J/∂θ into D (unrolled like θ):
   * D^(l) = Δ^(l)/m + (λ/m)Θ^(l) off the bias column, Δ^(l)/m on it. Updates `stats`.
   */
  costAndGradient(theta: Float64Array, batch: Batch, D: Float64Array): number {
    this.checkBatch(theta, batch);
    if (D.length < this.parameterCount) throw new RangeError('D is shorter than θ');
    const m = batch.m, sums = this.sums, kernels = this.kernelsFor(m);
    sums.Delta = D;
    clearGradientSums(sums, this.parameterCount);
    kernels.begin(theta, D);
    const sharing = this.sharingFor(m);
    if (sharing) {
      this.lastThreads = sharing.share(kernels, theta, batch, sums);
    } else {
      this.piecewiseSums(kernels, batch, sums);
      this.lastThreads = 1;
    }
    kernels.end();
    this.lastKernelPath = kernels.path;
    return finishGradient(theta, this.shapes, this.architecture.sizes, m, this.architecture.lambda, sums, D, this.stats);
  }

  /** J(θ) on the batch by forward propagation only (no gradient, `stats` untouched). */
  cost(theta: Float64Array, batch: Batch): number {
    this.checkBatch(theta, batch);
    const kernels = this.typescript;
    kernels.begin(theta, this.sums.Delta);
    const sum = costSum(kernels, batch);
    kernels.end();
    const m = batch.m, lambda = this.architecture.lambda;
    let penalty = 0;
    if (lambda !== 0) for (const s of this.shapes) penalty += sumSquaredWeights(theta, s.offset, s.rows, s.cols);
    return sum / m + (lambda / (2 * m)) * penalty;
  }

  /** The outputs h_Θ(x) = a^(L) of the m rows of X, into out (m × s_L, row-major). */
  predict(theta: Float64Array, X: Float64Array, m: number, out: Float64Array): Float64Array {
    const sizes = this.architecture.sizes, L = sizes.length, K = sizes[L - 1]!;
    if (theta.length < this.parameterCount || X.length < m * sizes[0]! || out.length < m * K) {
      throw new RangeError('θ, X or out is too short for this network and m');
    }
    // No targets are read by a forward pass: Y only has to be some array.
    const kernels = this.typescript, inputs: Batch = { X, Y: X, m };
    kernels.begin(theta, this.sums.Delta);
    for (let r0 = 0; r0 < m; r0 += this.chunk) {
      const b = Math.min(this.chunk, m - r0);
      kernels.loadExamples(inputs, r0, b);
      forwardPropagation(kernels, b);
      out.set(kernels.a(L).subarray(0, b * K), r0 * K);
    }
    kernels.end();
    return out;
  }

  /** z, a and δ of every layer for example `index` (0-based) of the batch (see ExampleTrace). */
  trace(theta: Float64Array, batch: Batch, index: number): ExampleTrace {
    this.checkBatch(theta, batch);
    if (!(index >= 0 && index < batch.m)) throw new RangeError(`example ${index} is not in a batch of ${batch.m}`);
    const t = this.traceBuffers, kernels = this.typescript, L = this.architecture.sizes.length;
    const sums = (this.traceSums ??= createGradientSums(this.parameterCount, L));
    clearGradientSums(sums, this.parameterCount);
    kernels.begin(theta, sums.Delta);
    gradientSums(kernels, batch, index, index + 1, sums);
    kernels.end();
    t.cost = sums.costSum[0]!;
    t.a[0]!.set(kernels.a(1));
    for (let l = 2; l <= L; l++) {
      const i = layerIndex(l);
      (t.z[i] as Float64Array).set(kernels.z(l).subarray(0, t.z[i]!.length));
      (t.a[i] as Float64Array).set(kernels.a(l).subarray(0, t.a[i]!.length));
      (t.delta[i] as Float64Array).set(kernels.delta(l).subarray(0, t.delta[i]!.length));
    }
    return t;
  }

  /**
   * The batch's sums on this thread, in the pieces a shared evaluation takes (batch-pieces.ts),
   * each summed from zero and added in order: the same bits as two threads give.
   */
  private piecewiseSums(kernels: KernelSet, batch: Batch, out: GradientSums): void {
    const pieces = batchPieces(batch.m, this.parameterCount);
    // One piece: summing straight into out is 0 + s_0.
    if (pieces.count === 1) return gradientSums(kernels, batch, 0, batch.m, out);
    const P = this.parameterCount;
    sumInPieces(kernels, batch, pieces, (this.pieceSums ??= createGradientSums(P, this.architecture.sizes.length)), out, P);
  }

  /** The other threads for a batch of m examples, when worth it and on offer. */
  private sharingFor(m: number): BatchSharing | undefined {
    if (this.parallelChoice === 'single' || m < 2 || !this.compute.sharing) return undefined;
    if (this.parallelChoice === 'auto' && m * this.parameterCount < PARALLEL_MIN_WORK) return undefined;
    if (this.sharing === null) this.sharing = this.compute.sharing.sharingFor(this.architecture, this.chunk, this.parameterCount);
    return this.sharing;
  }

  private checkBatch(theta: Float64Array, batch: Batch): void {
    const sizes = this.architecture.sizes, n = sizes[0]!, K = sizes[sizes.length - 1]!;
    if (theta.length < this.parameterCount) throw new RangeError(`θ has ${theta.length} entries; the network needs ${this.parameterCount}`);
    const rowsNeeded = batch.rows ? 1 : batch.m;
    if (!(batch.m >= 1) || batch.X.length < rowsNeeded * n || batch.Y.length < rowsNeeded * K) {
      throw new RangeError(`the batch does not hold m = ${batch.m} examples of ${n} features and ${K} targets`);
    }
    if (batch.rows) {
      const rows = batch.rows;
      const total = Math.min(Math.floor(batch.X.length / n), Math.floor(batch.Y.length / K));
      if (rows.length < batch.m) throw new RangeError(`rows holds ${rows.length} indices; m = ${batch.m}`);
      for (let i = 0; i < batch.m; i++) {
        if (!(rows[i]! >= 0 && rows[i]! < total)) throw new RangeError(`rows[${i}] = ${rows[i]} is not an example`);
      }
    }
  }
}
