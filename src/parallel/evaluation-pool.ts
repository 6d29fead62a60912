/**
 * Data-parallel evaluation with worker_threads, as an object the job creates, hands to its
 * evaluators (Compute.sharing) and disposes: the calling thread and a pool thread take pieces
 * of a batch (the fixed pieces of core/nn/batch-pieces.ts) from a shared counter, each running
 * the reference backprop with its own kernel set into the piece's own slot of Σ J_i, Δ and Σ|δ|;
 * the caller adds the slots in piece order, so the sums are the same bits whoever took which
 * piece, and the same as one thread's (evaluator.ts). Once the pool is disposed,
 * the evaluators that still hold it evaluate alone: nothing waits on a thread that is gone. A pool thread that
 * is slow to wake or descheduled holds up at most one piece, and one that has not woken when
 * the pieces run out is not waited for. The call stays
 * synchronous: jobs are announced and awaited through Atomics on shared memory, and setup
 * messages are read by the worker with receiveMessageOnPort, so a blocked worker needs no event
 * loop. Nested use is fine (the extension's training worker may own a pool).
 *
 * Data: the first time a batch's X (the same Float64Array object) is split, X and Y are copied
 * once into shared memory and kept for that array; so X and Y must not be changed in place
 * between evaluations (the trainer never does). Mini-batch row indices are copied every call.
 */
import { createRequire } from 'node:module';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { availableParallelism } from 'node:os';
import type { Batch } from '../core/nn/batch';
import { addGradientSums, batchPieces, pieceGradientSums, sumInPieces, type BatchPieces } from '../core/nn/batch-pieces';
import { createGradientSums, type GradientSums } from '../core/nn/gradient-sums';
import type { BatchSharing, BatchSharingProvider } from '../core/nn/kernels/batch-sharing';
import type { KernelSet } from '../core/nn/kernels/kernel-set';
import type { Architecture } from '../core/nn/network';
import { CONTROL, JOB_CANCELLED, JOB_PENDING, KERNELS_TYPESCRIPT, KERNELS_WASM, slotViews, type SetupMessage } from './protocol';
import { awaitChange, SPIN_MS } from './spin-wait';

/** Milliseconds a caller waits for a pool thread before it gives up (a crashed worker). */
const WAIT_LIMIT_MS = 120_000;

/** One pool thread: its worker, the control words and the port for setup messages. */
class PoolThread {
  readonly worker: Worker;
  readonly control = new Int32Array(new SharedArrayBuffer(CONTROL.SIZE * 4));
  readonly port: MessagePort;
  private readonly data = new WeakMap<Float64Array, number>();
  /** Frees the worker's copy of a batch or its evaluator once the caller's object is collected. */
  readonly dropper = new FinalizationRegistry<number>((id) => this.send({ type: 'drop', id }));
  private nextId = 1;
  private seq = 0;

  constructor(file: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const execArgv = file.endsWith('.ts') ? ['--require', createRequire(__filename).resolve('tsx/cjs')] : [];
    this.worker = new Worker(file, { workerData: { control: this.control, port: port2 }, transferList: [port2], execArgv });
    this.worker.unref();
    this.port.unref();
  }

  id(): number {
    return this.nextId++;
  }

  /** The id under which the worker holds a shared copy of this batch's X and Y (copied on first use). */
  dataId(X: Float64Array, Y: Float64Array): number {
    const known = this.data.get(X);
    if (known !== undefined) return known;
    const id = this.id();
    const sx = new Float64Array(new SharedArrayBuffer(X.length * 8)), sy = new Float64Array(new SharedArrayBuffer(Y.length * 8));
    sx.set(X);
    sy.set(Y);
    this.send({ type: 'data', id, X: sx, Y: sy });
    this.data.set(X, id);
    this.dropper.register(X, id);
    return id;
  }

  send(message: SetupMessage): void {
    this.port.postMessage(message);
  }

  /** Announces a job written into the control words. */
  run(): void {
    this.seq = (this.seq + 1) | 0;
    Atomics.store(this.control, CONTROL.STATE, JOB_PENDING);
    Atomics.store(this.control, CONTROL.JOB, this.seq);
    Atomics.notify(this.control, CONTROL.JOB);
  }

  /**
   * Takes the announced job back if the worker has not started it (it is busy elsewhere or not
   * scheduled: the caller then evaluates that part itself, so a split is never much slower than
   * one thread). Returns true when taken back.
   */
  cancel(): boolean {
    return Atomics.compareExchange(this.control, CONTROL.STATE, JOB_PENDING, JOB_CANCELLED) === JOB_PENDING;
  }

  /** Blocks until the announced job is done; throws what the worker reported. */
  wait(): void {
    const started = Date.now();
    // The worker is usually on its last piece: poll before sleeping (see spin-wait.ts).
    const before = Atomics.load(this.control, CONTROL.DONE);
    if (before !== this.seq) awaitChange(this.control, CONTROL.DONE, before, SPIN_MS);
    for (;;) {
      const done = Atomics.load(this.control, CONTROL.DONE);
      if (done === this.seq) break;
      if (Date.now() - started > WAIT_LIMIT_MS) throw new Error('the evaluation thread did not answer');
      Atomics.wait(this.control, CONTROL.DONE, done, 1000);
    }
    if (Atomics.load(this.control, CONTROL.FAILED) !== 0) {
      Atomics.store(this.control, CONTROL.FAILED, 0);
      throw new Error('the evaluation thread failed (see its stderr)');
    }
  }
}

/**
 * One evaluator's batches shared with one pool thread, piece by piece: the fixed pieces of
 * batch-pieces.ts, each summed into its own slot on shared memory by whichever thread takes
 * it, and the slots added into the result in piece order, so the sums do not depend on who
 * took what (nor on the pool thread taking part at all).
 */
class ThreadSharing implements BatchSharing {
  private readonly id: number;
  private readonly theta: Float64Array;
  private readonly layers: number;
  private slots: readonly GradientSums[] = [];
  /** done[p] = 1 once slot p holds piece p's sums, written by whichever thread took it. */
  private done = new Int32Array(new SharedArrayBuffer(0));
  /** The one slot of evaluating alone once the pool is disposed. */
  private alone: GradientSums | undefined;
  private rows = new Int32Array(new SharedArrayBuffer(0));

  constructor(
    private readonly pool: EvaluationPool,
    private readonly thread: PoolThread,
    architecture: Architecture,
    chunk: number,
    private readonly parameterCount: number,
  ) {
    this.id = thread.id();
    this.layers = architecture.sizes.length;
    this.theta = new Float64Array(new SharedArrayBuffer(parameterCount * 8));
    thread.send({ type: 'evaluator', id: this.id, architecture, chunk, theta: this.theta });
    thread.dropper.register(this, this.id);
  }

  share(kernels: KernelSet, theta: Float64Array, batch: Batch, out: GradientSums): number {
    const P = this.parameterCount, pieces = batchPieces(batch.m, P);
    if (this.pool.disposed) {
      sumInPieces(kernels, batch, pieces, (this.alone ??= createGradientSums(P, this.layers)), out, P);
      return 1;
    }
    const slots = this.slotsFor(pieces.count);
    // Both threads take pieces from the shared counter until none is left, so a thread that
    // is descheduled holds up at most one piece.
    const done = this.done;
    done.fill(0, 0, pieces.count);
    this.start(kernels, theta, batch, pieces);
    const control = this.thread.control;
    // The slots are added in piece order as they finish, between this thread's pieces, so that
    // little of the reduction is left for after the wait.
    let added = 0;
    for (let p = Atomics.add(control, CONTROL.NEXT, 1); p < pieces.count; p = Atomics.add(control, CONTROL.NEXT, 1)) {
      pieceGradientSums(kernels, batch, pieces, p, slots[p]!);
      Atomics.store(done, p, 1);
      while (added < pieces.count && Atomics.load(done, added) === 1) addGradientSums(out, slots[added++]!, P);
    }
    kernels.setDeltaTarget(out.Delta);
    const shared = this.finish();
    for (; added < pieces.count; added++) addGradientSums(out, slots[added]!, P);
    return shared ? 2 : 1;
  }

  /** At least `count` slots on shared memory, sent to the pool thread when they grow. */
  private slotsFor(count: number): readonly GradientSums[] {
    if (this.slots.length >= count) return this.slots;
    const P = this.parameterCount, L = this.layers;
    const Delta = new Float64Array(new SharedArrayBuffer(count * P * 8));
    const absDeltaSum = new Float64Array(new SharedArrayBuffer(count * L * 8)), costSum = new Float64Array(new SharedArrayBuffer(count * 8));
    this.done = new Int32Array(new SharedArrayBuffer(count * 4));
    this.thread.send({ type: 'slots', id: this.id, count, Delta, absDeltaSum, costSum, done: this.done });
    this.slots = slotViews(count, P, L, Delta, absDeltaSum, costSum);
    return this.slots;
  }

  /** Announces the batch at θ and its pieces to the pool thread. */
  private start(kernels: KernelSet, theta: Float64Array, batch: Batch, pieces: BatchPieces): void {
    const t = this.thread, c = t.control;
    this.theta.set(theta.subarray(0, this.theta.length));
    const dataId = t.dataId(batch.X, batch.Y);
    if (batch.rows) {
      if (this.rows.length < batch.m) {
        this.rows = new Int32Array(new SharedArrayBuffer(4 * batch.m));
        t.send({ type: 'rows', id: this.id, rows: this.rows });
      }
      this.rows.set(batch.rows.subarray(0, batch.m));
    }
    c[CONTROL.EVALUATOR] = this.id;
    c[CONTROL.DATA] = dataId;
    c[CONTROL.PIECE_ROWS] = pieces.rows;
    c[CONTROL.COUNT] = batch.m;
    c[CONTROL.ROWS] = batch.rows ? 1 : 0;
    c[CONTROL.PIECES] = pieces.count;
    c[CONTROL.KERNELS] = kernels.path === 'wasm-simd' ? KERNELS_WASM : KERNELS_TYPESCRIPT;
    Atomics.store(c, CONTROL.NEXT, 0);
    t.run();
  }

  /**
   * Takes the job back if the pool thread has not started it (then this thread has already
   * done every piece), else waits until its slots are written. True when it took part.
   */
  private finish(): boolean {
    if (this.pool.takeBack && this.thread.cancel()) return false;
    this.thread.wait();
    return true;
  }
}

/** Where the worker's entry is: the bundle beside this one, or the source (run by tsx). */
function workerFile(): string {
  const bundled = path.join(__dirname, 'evaluation-worker.js');
  if (existsSync(bundled)) return bundled;
  return path.join(__dirname, 'evaluation-worker.ts');
}

export interface EvaluationPoolOptions {
  /**
   * Threads that share a large batch, the caller's included: today at most 2, and never more
   * than the machine's available parallelism (on one core a second thread only takes turns).
   * Default: as many as allowed. 1 makes a pool that shares nothing.
   */
  readonly threads?: number;
  /**
   * Default true: when the pool thread has not started its part by the time the caller has
   * done every piece, the caller takes the job back instead of waiting. false (tests) always
   * waits, so that the pool thread's part is exercised.
   */
  readonly takeBack?: boolean;
  /** The pool thread's entry (default the bundled evaluation-worker; tests give one that never starts a job). */
  readonly workerFile?: string;
}

/** The threads a job lends its evaluators; create one per job, dispose it when the job ends. */
export class EvaluationPool implements BatchSharingProvider {
  /** The threads large batches use, the caller's included. */
  readonly threads: number;
  readonly takeBack: boolean;
  private readonly file: string;
  private thread: PoolThread | undefined;
  private isDisposed = false;

  constructor(options: EvaluationPoolOptions = {}) {
    const wanted = options.threads ?? 2;
    this.threads = Math.max(1, Math.min(2, availableParallelism(), Math.floor(wanted)));
    this.takeBack = options.takeBack ?? true;
    this.file = options.workerFile ?? workerFile();
  }

  /** True once disposed: evaluators holding the pool then evaluate alone. */
  get disposed(): boolean {
    return this.isDisposed;
  }

  sharingFor(architecture: Architecture, chunk: number, parameterCount: number): BatchSharing | undefined {
    if (this.threads < 2 || this.isDisposed) return undefined;
    this.thread ??= new PoolThread(this.file);
    return new ThreadSharing(this, this.thread, architecture, chunk, parameterCount);
  }

  /** Starts the pool thread now (it otherwise starts on the first shared batch), so a timed run does not pay for it. */
  warm(): void {
    if (this.threads > 1 && !this.isDisposed) this.thread ??= new PoolThread(this.file);
  }

  /** Stops the pool thread; evaluators that still hold the pool evaluate alone from now on. */
  async dispose(): Promise<void> {
    this.isDisposed = true;
    const thread = this.thread;
    this.thread = undefined;
    if (thread) await thread.worker.terminate();
  }
}
