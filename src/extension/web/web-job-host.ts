/**
 * The host of message-worker jobs (web-worker-job.ts): the browser's for every spec, a Node
 * host's for a spec on a virtual file system. Reads the WebAssembly kernels once, through
 * vscode.workspace.fs; without them (a file system that cannot serve them) the TypeScript
 * kernels serve.
 */
import * as vscode from 'vscode';
import type { MessageWorkerStarter, WebJobHost } from './web-worker-job';
import type { WorkspaceDataFiles } from './workspace-data-files';

/** The WebAssembly kernels beside the bundles (kernels/wasm-kernels.ts's KERNELS_FILE; the extension does not import the kernels' room). */
const KERNELS_FILE = 'nn-kernels.wasm';

export function webJobHost(extensionUri: vscode.Uri, dataFiles: WorkspaceDataFiles, startWorker: MessageWorkerStarter): WebJobHost {
  let kernels: Promise<Uint8Array | undefined> | undefined;
  return {
    extensionUri,
    startWorker,
    dataFiles,
    kernels: () => (kernels ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', KERNELS_FILE))).catch(() => undefined)),
  };
}
