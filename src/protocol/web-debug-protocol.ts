/**
 * The messages between the browser's inline debug adapter (extension/web/web-debug-adapter.ts)
 * and the debug worker it starts (debug/web-debug-worker.ts, a Web Worker). The Debug Adapter
 * Protocol's own messages travel whole inside `dap`; the rest is what the worker cannot do
 * itself: it reaches no workspace file, so the host sends the spec with `start`, reads the CSV
 * files and the weights its launch names (`need-inputs`, answered by `inputs`), and saves the
 * weights a training under the debugger asks it to (`save-weights`, `weights-saved`).
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { JobPolicy } from './job-policy';
import type { ReadCsvMessage, WeightsSavedMessage, WeightsTextMessage } from './web-worker-protocol';

/** The spec being debugged, as the host read it when the session started. */
export interface DebuggedSpec {
  /** Its path as messages and the data files' rules know it (the URI's fsPath). */
  readonly path: string;
  /** Its path in the protocol's stack frames and breakpoints: the fsPath for a file, else the URI. */
  readonly sourcePath: string;
  readonly name: string;
  /** Its saved text; undefined when it could not be read. */
  readonly text: string | undefined;
}

/** What the host sends its debug worker. */
export type WebDebugHostMessage =
  /** First, once: the spec, the workspace's rules for its data, the WebAssembly kernels' bytes when the host could read them. */
  | { readonly type: 'start'; readonly spec: DebuggedSpec; readonly policy: JobPolicy; readonly kernels?: Uint8Array }
  /** A message from VS Code to the adapter. */
  | { readonly type: 'dap'; readonly message: DebugProtocol.ProtocolMessage }
  /** The answer to `need-inputs`. */
  | { readonly type: 'inputs'; readonly csv: readonly (readonly [string, ReadCsvMessage])[]; readonly weights: WeightsTextMessage }
  | { readonly type: 'weights-saved'; readonly saved: WeightsSavedMessage };

/** What the debug worker sends its host. */
export type WebDebugWorkerMessage =
  /** A message from the adapter to VS Code. */
  | { readonly type: 'dap'; readonly message: DebugProtocol.ProtocolMessage }
  /** The launch's CSV paths (as the spec writes them) and its weights file (relative to the spec's folder), to be read. */
  | { readonly type: 'need-inputs'; readonly csvPaths: readonly string[]; readonly weightsPath?: string }
  | { readonly type: 'save-weights'; readonly text: string }
  /** The worker cannot go on (a defect): the host ends the session with this message. */
  | { readonly type: 'failed'; readonly message: string };
