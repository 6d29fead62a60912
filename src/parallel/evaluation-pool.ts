/**
 * Data-parallel evaluation with worker_threads: the calling thread and a pool thread take pieces
 * of a batch from a shared counter, each with its own NetworkEvaluator (and WebAssembly
 * instance); the pool thread's Σ J_i, Δ and Σ|δ| are added by the caller. A pool thread that
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
import type { Architecture } from '../core/nn/network';
import { installRemoteShards, type RemoteShards, type ShardBatch } from '../core/nn/kernels/remote-shards';
import { CONTROL, JOB_CANCELLED, JOB_PENDING, type SetupMessage } from './protocol';
import { awaitChange, SPIN_MS } from './spin-wait';

/** Milliseconds a caller waits for a pool thread before it gives up (a crashed worker). */
const WAIT_LIMIT_MS = 120_000;

/** The fewest examples in a piece: the kernels' blocks need rows, and each piece pays a few calls. */
const MIN_PIECE_ROWS = 64;

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

/** One evaluator's batches shared with one pool thread, piece by piece. */
class ThreadShards implements RemoteShards {
  readonly threads = 2;
  private readonly id: number;
  private readonly theta: Float64Array;
  private readonly grad: Float64Array;
  private readonly abs: Float64Array;
  private readonly cost = new Float64Array(new SharedArrayBuffer(8));
  private rows = new Int32Array(new SharedArrayBuffer(0));

  constructor(
    private readonly thread: PoolThread,
    architecture: Architecture,
    private readonly chunk: number,
    parameterCount: number,
  ) {
    this.id = thread.id();
    this.theta = new Float64Array(new SharedArrayBuffer(parameterCount * 8));
    this.grad = new Float64Array(new SharedArrayBuffer(parameterCount * 8));
    this.abs = new Float64Array(new SharedArrayBuffer((architecture.sizes.length - 1) * 8));
    thread.send({ type: 'evaluator', id: this.id, architecture, chunk, theta: this.theta, grad: this.grad, abs: this.abs, cost: this.cost });
    thread.dropper.register(this, this.id);
  }

  start(theta: Float64Array, data: ShardBatch): number {
    const t = this.thread, c = t.control;
    // About 16 pieces per batch: small enough to balance (a thread that starts late or is
    // descheduled leaves little for the other), large enough that taking one costs nothing.
    const pieceRows = Math.max(MIN_PIECE_ROWS, Math.ceil(data.m / 16));
    this.theta.set(theta.subarray(0, this.theta.length));
    const dataId = t.dataId(data.X, data.Y);
    if (data.rows) {
      if (this.rows.length < data.m) {
        this.rows = new Int32Array(new SharedArrayBuffer(4 * data.m));
        t.send({ type: 'rows', id: this.id, rows: this.rows });
      }
      this.rows.set(data.rows.subarray(0, data.m));
    }
    c[CONTROL.EVALUATOR] = this.id;
    c[CONTROL.DATA] = dataId;
    c[CONTROL.PIECE_ROWS] = pieceRows;
    c[CONTROL.COUNT] = data.m;
    c[CONTROL.ROWS] = data.rows ? 1 : 0;
    c[CONTROL.PIECES] = Math.ceil(data.m / pieceRows);
    Atomics.store(c, CONTROL.NEXT, 0);
    t.run();
    return pieceRows;
  }

  next(): number {
    const c = this.thread.control;
    const piece = Atomics.add(c, CONTROL.NEXT, 1);
    return piece < c[CONTROL.PIECES]! ? piece : -1;
  }

  finish(gradOut: Float64Array, absDelta: Float64Array): number | undefined {
    if (takeBack && this.thread.cancel()) return undefined;
    this.thread.wait();
    const g = this.grad, a = this.abs;
    for (let i = 0; i < g.length; i++) gradOut[i] = gradOut[i]! + g[i]!;
    for (let l = 0; l < a.length; l++) absDelta[l] = absDelta[l]! + a[l]!;
    return this.cost[0]!;
  }
}

/** Where the worker's entry is: the bundle beside this one, or the source (run by tsx). */
function workerFile(): string {
  const bundled = path.join(__dirname, 'evaluation-worker.js');
  if (existsSync(bundled)) return bundled;
  return path.join(__dirname, 'evaluation-worker.ts');
}

let pool: PoolThread | undefined;
let configured = 1;
let takeBack = true;

/**
 * Splits large batches across `threads` threads (the caller's and threads − 1 pool threads;
 * today at most 2, and never more than the machine's available parallelism) for evaluators
 * made afterwards; 1 turns splitting off. Default: as many as allowed. Returns the threads in use.
 * `takeBack: false` (tests) makes the caller always wait for the pool thread's part instead of
 * evaluating it itself when the pool thread has not started it yet.
 */
export function enableParallelEvaluation(threads = Math.min(2, availableParallelism()), options: { takeBack?: boolean } = {}): number {
  takeBack = options.takeBack ?? true;
  // Never more threads than cores: on one core a second thread only takes turns with the first.
  configured = Math.max(1, Math.min(2, availableParallelism(), Math.floor(threads)));
  if (configured === 1) {
    installRemoteShards(undefined);
    return 1;
  }
  installRemoteShards((architecture, chunk, parameterCount) => {
    pool ??= new PoolThread(workerFile());
    return new ThreadShards(pool, architecture, chunk, parameterCount);
  });
  return configured;
}

/** Starts the pool thread now (it otherwise starts on the first split batch), so a timed run does not pay for it. */
export function warmParallelEvaluation(): void {
  if (configured > 1) pool ??= new PoolThread(workerFile());
}

/** The threads large batches use now. */
export function evaluationThreads(): number {
  return configured;
}

/** Stops the pool thread and goes back to one thread. */
export async function disableParallelEvaluation(): Promise<void> {
  installRemoteShards(undefined);
  configured = 1;
  const p = pool;
  pool = undefined;
  if (p) await p.worker.terminate();
}
