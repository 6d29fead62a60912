/**
 * A pool thread of src/parallel/pool.ts: waits for a job on the control words, takes pieces of
 * the batch from the shared counter and evaluates them with its own NetworkEvaluator
 * (WebAssembly kernels when present), and writes their Σ J_i, Δ and Σ|δ| into shared memory. Bundled as dist/evaluation-worker.js.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { NetworkEvaluator, type Batch } from '../core/nn/evaluator';
import { enableWasmKernels } from '../kernels/wasm-loader';
import { CONTROL, JOB_IDLE, JOB_PENDING, JOB_RUNNING, type SetupMessage } from './protocol';
import { awaitChange, SPIN_MS } from './spin-wait';

interface Held {
  readonly evaluator: NetworkEvaluator;
  readonly theta: Float64Array;
  readonly grad: Float64Array;
  readonly abs: Float64Array;
  readonly cost: Float64Array;
  rows: Int32Array;
}

const { control, port } = workerData as { control: Int32Array; port: MessagePort };
const evaluators = new Map<number, Held>();
const data = new Map<number, { X: Float64Array; Y: Float64Array }>();

enableWasmKernels();

function setup(message: SetupMessage): void {
  switch (message.type) {
    case 'evaluator': {
      const evaluator = new NetworkEvaluator(message.architecture, message.chunk, { parallel: 'single' });
      evaluators.set(message.id, { evaluator, theta: message.theta, grad: message.grad, abs: message.abs, cost: message.cost, rows: new Int32Array(0) });
      return;
    }
    case 'data':
      data.set(message.id, { X: message.X, Y: message.Y });
      return;
    case 'rows': {
      const held = evaluators.get(message.id);
      if (held) held.rows = message.rows;
      return;
    }
    case 'drop':
      evaluators.delete(message.id);
      data.delete(message.id);
      return;
    default: {
      const never: never = message;
      throw new Error(`unknown setup ${String(never)}`);
    }
  }
}

function job(): void {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) setup(m.message as SetupMessage);
  const held = evaluators.get(control[CONTROL.EVALUATOR]!), d = data.get(control[CONTROL.DATA]!);
  if (!held || !d) throw new Error('a job for an evaluator or data the worker was not given');
  const m = control[CONTROL.COUNT]!, pieceRows = control[CONTROL.PIECE_ROWS]!, pieces = control[CONTROL.PIECES]!;
  const batch: Batch = control[CONTROL.ROWS] ? { X: d.X, Y: d.Y, m, rows: held.rows } : { X: d.X, Y: d.Y, m };
  const ev = held.evaluator;
  held.grad.fill(0);
  held.abs.fill(0);
  ev.beginSums(held.theta, m);
  let cost = 0;
  for (let piece = Atomics.add(control, CONTROL.NEXT, 1); piece < pieces; piece = Atomics.add(control, CONTROL.NEXT, 1)) {
    const r0 = piece * pieceRows;
    cost += ev.rowSums(held.theta, batch, r0, Math.min(m, r0 + pieceRows), held.grad, held.abs);
  }
  ev.endSums(held.grad);
  held.cost[0] = cost;
}

let seen = 0;
for (;;) {
  // An optimiser asks again within about a tenth of a millisecond (its step between two
  // evaluations): polling catches that job at once (see spin-wait.ts).
  if (!awaitChange(control, CONTROL.JOB, seen, SPIN_MS)) Atomics.wait(control, CONTROL.JOB, seen);
  seen = Atomics.load(control, CONTROL.JOB);
  // The job may have been taken back by the caller (it finished its own part first): skip it.
  if (Atomics.compareExchange(control, CONTROL.STATE, JOB_PENDING, JOB_RUNNING) !== JOB_PENDING) continue;
  const running = Atomics.load(control, CONTROL.JOB);
  try {
    job();
  } catch (e) {
    process.stderr.write(`nnspec evaluation thread: ${(e as Error).stack ?? String(e)}\n`);
    Atomics.store(control, CONTROL.FAILED, 1);
  }
  Atomics.store(control, CONTROL.STATE, JOB_IDLE);
  Atomics.store(control, CONTROL.DONE, running);
  Atomics.notify(control, CONTROL.DONE);
}
