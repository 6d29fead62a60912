/**
 * Starts a Web Worker from a script among the extension's files. The script is read through
 * vscode.workspace.fs and started from a blob: URL of the host's own origin, since the
 * extension's files may live where a worker cannot be started from (code-server serves a
 * remote extension under vscode-remote:, which VS Code's web host refuses as a worker URL).
 */
import * as vscode from 'vscode';
import type { WebHostMessage, WebWorkerMessage } from '../../protocol/web-worker-protocol';

/** A started worker, as the job (or the debug adapter) sees it; H: what its host sends it. */
export interface BrowserWorker<H = WebHostMessage> {
  postMessage(message: H): void;
  terminate(): void;
}

/** W: what the worker sends its host. */
export interface BrowserWorkerHandlers<W = WebWorkerMessage> {
  readonly onMessage: (message: W) => void;
  /** The worker failed (its script threw, or did not load): why, in words. */
  readonly onError: (reason: string) => void;
}

/** The browser APIs used here (this project's lib settings have no DOM). */
interface WorkerApi {
  new (url: string, options?: { name?: string }): {
    onmessage: ((event: { data: unknown }) => void) | null;
    onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
    onmessageerror: (() => void) | null;
    postMessage(message: unknown): void;
    terminate(): void;
  };
}
interface BlobUrls {
  createObjectURL(blob: unknown): string;
  revokeObjectURL(url: string): void;
}
type BrowserGlobals = { Worker?: WorkerApi; Blob?: new (parts: unknown[], options: { type: string }) => unknown; URL: BlobUrls };

export async function startBrowserWorker<H, W>(script: vscode.Uri, handlers: BrowserWorkerHandlers<W>, name = 'nnspec training'): Promise<{ ok: true; worker: BrowserWorker<H> } | { ok: false; reason: string }> {
  const { Worker, Blob, URL } = globalThis as unknown as BrowserGlobals;
  if (typeof Worker !== 'function' || typeof Blob !== 'function') return { ok: false, reason: 'this extension host cannot start Web Workers' };
  let source: Uint8Array;
  try {
    source = await vscode.workspace.fs.readFile(script);
  } catch (error) {
    return { ok: false, reason: `its script ${script.path} cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    const worker = new Worker(url, { name });
    worker.onmessage = (event) => handlers.onMessage(event.data as W);
    worker.onerror = (event) => {
      event.preventDefault?.();
      handlers.onError(event.message || `its script ${script.path} did not load`);
    };
    worker.onmessageerror = () => handlers.onError('a message from it could not be read');
    return {
      ok: true,
      worker: {
        postMessage: (message) => worker.postMessage(message),
        terminate: () => {
          worker.terminate();
          URL.revokeObjectURL(url);
        },
      },
    };
  } catch (error) {
    URL.revokeObjectURL(url);
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
