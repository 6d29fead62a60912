/**
 * A pool thread of src/parallel/evaluation-pool.ts: waits for a job on the control words, takes
 * pieces of the batch from the shared counter and runs the reference backprop on each with its
 * own evaluator's kernel set (WebAssembly when it loads), summing piece p from zero into slot p
 * on shared memory (batch-pieces.ts), which the caller adds in piece order. Bundled as
 * dist/evaluation-worker.js.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Batch } from '../core/nn/batch';
import { pieceGradientSums } from '../core/nn/batch-pieces';
import { NetworkEvaluator } from '../core/nn/evaluator';
import type { GradientSums } from '../core/nn/gradient-sums';
import { loadWasmKernels } from '../kernels/wasm-loader';
import { CONTROL, JOB_IDLE, JOB_PENDING, JOB_RUNNING, KERNELS_WASM, slotViews, type SetupMessage } from './protocol';
import { awaitChange, SPIN_MS } from './spin-wait';

interface Held {
  readonly evaluator: NetworkEvaluator;
  readonly theta: Float64Array;
  /** The piece slots on shared memory, which the caller adds in order. */
  slots: readonly GradientSums[];
  /** done[p] = 1 once slot p is written: the caller adds finished slots while pieces remain. */
  done: Int32Array;
  rows: Int32Array;
}

const { control, port } = workerData as { control: Int32Array; port: MessagePort };
const evaluators = new Map<number, Held>();
const data = new Map<number, { X: Float64Array; Y: Float64Array }>();

const wasm = loadWasmKernels();

function setup(message: SetupMessage): void {
  switch (message.type) {
    case 'evaluator': {
      const evaluator = new NetworkEvaluator(message.architecture, message.chunk, { compute: wasm ? { wasm } : {}, parallel: 'single' });
      evaluators.set(message.id, { evaluator, theta: message.theta, slots: [], done: new Int32Array(0), rows: new Int32Array(0) });
      return;
    }
    case 'slots': {
      const held = evaluators.get(message.id);
      if (held) {
        const { parameterCount, architecture } = held.evaluator;
        held.slots = slotViews(message.count, parameterCount, architecture.sizes.length, message.Delta, message.absDeltaSum, message.costSum);
        held.done = message.done;
      }
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
  const m = control[CONTROL.COUNT]!, pieces = { rows: control[CONTROL.PIECE_ROWS]!, count: control[CONTROL.PIECES]! };
  const batch: Batch = control[CONTROL.ROWS] ? { X: d.X, Y: d.Y, m, rows: held.rows } : { X: d.X, Y: d.Y, m };
  let p = Atomics.add(control, CONTROL.NEXT, 1);
  if (p >= pieces.count) return;
  // The caller's kernels (TypeScript when this thread has no WebAssembly).
  const kernels = held.evaluator.kernelSet(control[CONTROL.KERNELS] === KERNELS_WASM ? 'wasm-simd' : 'typescript');
  const slots = held.slots, done = held.done;
  // Begun on a slot this thread took: no other thread's slot is ever written here.
  kernels.begin(held.theta, slots[p]!.Delta);
  for (; p < pieces.count; p = Atomics.add(control, CONTROL.NEXT, 1)) {
    pieceGradientSums(kernels, batch, pieces, p, slots[p]!);
    Atomics.store(done, p, 1);
  }
  kernels.end();
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
