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
import { AwaitedAnswer, listenToHost, type MessageWorkerScope } from '../parallel/host-messages';
import { eventLoopTurns } from '../parallel/event-loop-turn';
import { runJob, type JobEnvironment } from './run-job';

declare const self: MessageWorkerScope<WebWorkerMessage>;

/** The inputs the host answers `need-inputs` with. */
type Inputs = Extract<WebHostMessage, { type: 'inputs' }>;

let started = false;
let aborted = false;
let snapshots = { wanted: false, example: 0 };
const inputsArrived = new AwaitedAnswer<Inputs>();
const weightsSaved = new AwaitedAnswer<SavedWeights>();

const post = (message: WebWorkerMessage): void => self.postMessage(message);

/** A turn of this worker's event loop between slices, so that a cancel is heard (event-loop-turn.ts). */
const yieldTurn = eventLoopTurns();

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
      const saved = weightsSaved.wait();
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
  const inputs = inputsArrived.wait();
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
      return inputsArrived.arrive(message);
    case 'cancel':
      aborted = true;
      return;
    case 'snapshots':
      snapshots = { wanted: message.wanted === true, example: Number.isInteger(message.example) && message.example >= 0 ? message.example : 0 };
      return;
    case 'weights-saved':
      return weightsSaved.arrive(message.saved);
    default: {
      const never: never = message;
      void never;
    }
  }
}

listenToHost<WebHostMessage>(self, handle, fail);
