/**
 * The browser's debug worker (a Web Worker the inline debug adapter starts; bundled as
 * dist/web/debug-worker.js): one debug session (web-debug-session.ts) per worker, speaking
 * the Debug Adapter Protocol in `dap` messages (protocol/web-debug-protocol.ts). Anything that
 * is not a message of ours is ignored; a defect ends the session with one line, never a
 * stack, and the host then ends the worker.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { Compute } from '../core/nn/compute';
import { compileKernels, kernelFactoryOf } from '../kernels/wasm-kernels';
import type { WebDebugHostMessage, WebDebugWorkerMessage } from '../protocol/web-debug-protocol';
import type { WeightsSavedMessage } from '../protocol/web-worker-protocol';
import { AwaitedAnswer, listenToHost, type MessageWorkerScope } from '../parallel/host-messages';
import { eventLoopTurns } from '../parallel/event-loop-turn';
import { WebDebugSession, type DebugInputs } from './web-debug-session';

declare const self: MessageWorkerScope<WebDebugWorkerMessage>;

const post = (message: WebDebugWorkerMessage): void => self.postMessage(message);

let session: WebDebugSession | undefined;
let failed = false;
const inputs = new AwaitedAnswer<DebugInputs>();
const weightsSaved = new AwaitedAnswer<WeightsSavedMessage>();

function start(message: Extract<WebDebugHostMessage, { type: 'start' }>): void {
  // The kernels are a speed-up only: without them the TypeScript kernels serve.
  const compiled = message.kernels ? compileKernels(message.kernels) : undefined;
  const compute: Compute = compiled?.ok ? { wasm: kernelFactoryOf(compiled.module) } : {};
  session = new WebDebugSession({
    spec: message.spec,
    policy: message.policy,
    compute,
    slicing: { yieldTurn: eventLoopTurns(), now: () => performance.now() },
    requestInputs: (csvPaths, weightsPath) => {
      const arrived = inputs.wait();
      post({ type: 'need-inputs', csvPaths, ...(weightsPath !== undefined ? { weightsPath } : {}) });
      return arrived;
    },
    saveWeights: (text) => {
      const saved = weightsSaved.wait();
      post({ type: 'save-weights', text });
      return saved;
    },
  });
  session.onDidSendMessage((m) => post({ type: 'dap', message: m as DebugProtocol.ProtocolMessage }));
}

function handle(message: WebDebugHostMessage): void {
  switch (message.type) {
    case 'start':
      if (!session) start(message);
      return;
    case 'dap':
      if (typeof message.message === 'object' && message.message !== null) session?.handleMessage(message.message);
      return;
    case 'inputs':
      return inputs.arrive(message);
    case 'weights-saved':
      return weightsSaved.arrive(message.saved);
    default: {
      const never: never = message;
      void never;
    }
  }
}

function fail(error: unknown): void {
  if (failed) return;
  failed = true;
  post({ type: 'failed', message: `nnspec debugger: internal error: ${error instanceof Error ? error.message : String(error)}` });
}

listenToHost<WebDebugHostMessage>(self, handle, fail);
