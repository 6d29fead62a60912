/**
 * The browser's message worker (dist/web/worker.js) in a Node extension host's worker thread,
 * for a spec that is not on disk (a virtual workspace on the desktop: a remote repository
 * opened without a clone). Such a spec's files are reachable through vscode.workspace.fs only,
 * so its jobs take the browser's way: the host reads and writes, the worker is sent bytes.
 * The script is the browser's very bundle; a small shim gives it the `self` it expects.
 */
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { BrowserWorkerHandlers } from '../web/browser-worker';
import type { MessageWorkerStarter } from '../web/web-worker-job';

/** A dedicated worker's global scope over the thread's port: what web-worker.ts uses of `self`. */
const SELF_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: (type, listener) => {
    if (type === 'message') parentPort.on('message', (data) => listener({ data }));
    if (type === 'unhandledrejection') process.on('unhandledRejection', (reason) => listener({ reason }));
  },
};
require(workerData);
`;

export const startMessageWorkerThread: MessageWorkerStarter = async <H, W>(script: vscode.Uri, handlers: BrowserWorkerHandlers<W>, name?: string) => {
  if (script.scheme !== 'file') return { ok: false, reason: `its script ${script.toString()} is not on this machine's disk` };
  let worker: Worker;
  try {
    worker = new Worker(SELF_SHIM, { eval: true, workerData: script.fsPath, ...(name ? { name } : {}) });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  let ended = false;
  worker.on('message', (message: W) => handlers.onMessage(message));
  worker.on('error', (error) => handlers.onError(error.message));
  worker.on('exit', (code) => ended || handlers.onError(`it stopped unexpectedly (exit code ${code})`));
  return {
    ok: true,
    worker: {
      postMessage: (message: H) => worker.postMessage(message),
      terminate: () => {
        ended = true;
        void worker.terminate();
      },
    },
  };
};
