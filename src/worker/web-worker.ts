/**
 * The browser's training worker (a Web Worker the web extension host starts; bundled as
 * dist/web/worker.js): runs one job (run-job.ts) with what its host sends, since it can reach
 * no workspace file itself. Nothing is shared with the host but messages
 * (protocol/web-worker-protocol.ts): training runs in slices, so a cancel or an inspector's
 * wish is heard between evaluations.
 */
import type { Compute } from '../core/nn/compute';
import { readWeights } from '../core/weights/parse';
import { serializeWeights } from '../core/weights/serialize';
import type { ReadCsvFiles } from '../data/csv-in-memory';
import { csvPathsOf, openSpecInMemory } from '../jobs/open-spec-in-memory';
import { validateOpened } from '../jobs/opened-spec';
import type { SavedWeights } from '../jobs/train-job';
import { compileKernels, kernelFactoryOf } from '../kernels/wasm-kernels';
import type { WebHostMessage, WebWorkerJob, WebWorkerMessage } from '../protocol/web-worker-protocol';
import { runJob, type JobEnvironment } from './run-job';

/** The part of a dedicated worker's global scope used here (this project's lib settings have no DOM). */
interface WorkerScope {
  postMessage(message: WebWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { readonly reason: unknown }) => void): void;
}
declare const self: WorkerScope;

/** A browser's MessagePort (Node's types, in scope here, declare Node's own). */
interface BrowserPort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
}

/** The inputs the host answers `need-inputs` with. */
type Inputs = Extract<WebHostMessage, { type: 'inputs' }>;

let started = false;
let aborted = false;
let snapshots = { wanted: false, example: 0 };
let inputsArrived: ((inputs: Inputs) => void) | undefined;
let weightsSaved: ((saved: SavedWeights) => void) | undefined;

const post = (message: WebWorkerMessage): void => self.postMessage(message);

/**
 * One turn of this worker's event loop, so that the host's messages are handled: a
 * MessageChannel round trip (a browser queues each message as a task of its own, in order),
 * and every TIMER_EVERY turns a timer, for an engine that drains a port's messages before
 * it looks at others (Node does, up to a thousand): the cancel is then heard within a few
 * slices there too, at the cost of one timer's clamp (≤ 4 ms) per TIMER_EVERY slices.
 */
const TIMER_EVERY = 8;
const turns = new MessageChannel() as unknown as { readonly port1: BrowserPort; readonly port2: BrowserPort };
let turnEnded: (() => void) | undefined;
let turnCount = 0;
turns.port1.onmessage = () => turnEnded?.();
const yieldTurn = (): Promise<void> =>
  new Promise((resolve) => {
    if (++turnCount % TIMER_EVERY === 0) {
      setTimeout(resolve, 0);
      return;
    }
    turnEnded = resolve;
    turns.port2.postMessage(0);
  });

function environment(job: WebWorkerJob, inputs: Inputs, compute: Compute): JobEnvironment {
  const files: ReadCsvFiles = new Map(inputs.csv);
  const weights = inputs.weights;
  return {
    open: () => openSpecInMemory(job.specPath, job.specText, job.policy, files),
    openNetwork: () => validateOpened(job.specPath, { text: job.specText, complete: true }, job.policy),
    signal: {
      get aborted() {
        return aborted;
      },
    },
    snapshots: () => snapshots,
    readWeights: async (sizes) => {
      if (weights.status === 'missing') return 'missing';
      if (weights.status === 'failed') return { ok: false, error: { code: weights.code, message: weights.message } };
      return readWeights(weights.text, sizes);
    },
    saveWeights: async (input) => {
      const text = serializeWeights(input);
      if (!text.ok) return { failure: { code: text.error.code, message: text.error.message } };
      const saved = new Promise<SavedWeights>((resolve) => (weightsSaved = resolve));
      post({ type: 'save-weights', text: text.value });
      return saved;
    },
    compute,
    slicing: { yieldTurn, now: () => performance.now() },
    now: () => performance.now(),
  };
}

async function start(job: WebWorkerJob, kernels: Uint8Array | undefined): Promise<void> {
  // The kernels are a speed-up only: without them (no SIMD here) the TypeScript kernels serve.
  const compiled = kernels ? compileKernels(kernels) : undefined;
  const compute: Compute = compiled?.ok ? { wasm: kernelFactoryOf(compiled.module) } : {};
  const inputs = new Promise<Inputs>((resolve) => (inputsArrived = resolve));
  // An export needs the weights only: its data is not read (nor asked for).
  post({ type: 'need-inputs', csvPaths: job.type === 'export' ? [] : csvPathsOf(job.specText, job.policy) });
  await runJob(job, environment(job, await inputs, compute), post);
}

function fail(error: unknown): void {
  post({ type: 'failed', code: 'internal-error', message: error instanceof Error ? error.message : String(error) });
}

function handle(message: WebHostMessage): void {
  switch (message.type) {
    case 'start':
      if (started) return;
      started = true;
      start(message.job, message.kernels).catch(fail);
      return;
    case 'inputs':
      inputsArrived?.(message);
      inputsArrived = undefined;
      return;
    case 'cancel':
      aborted = true;
      return;
    case 'snapshots':
      snapshots = { wanted: message.wanted === true, example: Number.isInteger(message.example) && message.example >= 0 ? message.example : 0 };
      return;
    case 'weights-saved':
      weightsSaved?.(message.saved);
      weightsSaved = undefined;
      return;
    default: {
      const never: never = message;
      void never;
    }
  }
}

self.addEventListener('message', (event) => {
  const message = event.data as WebHostMessage | null;
  // Only this extension's host talks to its worker; anything else is not a message of ours.
  if (message === null || typeof message !== 'object' || typeof message.type !== 'string') return;
  try {
    handle(message);
  } catch (error) {
    fail(error);
  }
});
self.addEventListener('unhandledrejection', (event) => fail(event.reason));
