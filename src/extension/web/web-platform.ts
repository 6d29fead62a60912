import * as vscode from 'vscode';
import { DEBUG_TYPE } from '../debug/debug-configurations';
import type { Platform } from '../platform';
import { NO_DEBUGGER_MESSAGE } from './no-debugger';
import { startWebWorkerJob, type WebJobHost } from './web-worker-job';
import { WorkspaceDataFiles } from './workspace-data-files';

/** The WebAssembly kernels beside the bundles (kernels/wasm-kernels.ts's KERNELS_FILE; the extension does not import the kernels' room). */
const KERNELS_FILE = 'nn-kernels.wasm';

/**
 * The browser's edge (the web worker extension host: vscode.dev, github.dev, code-server's
 * web host): files through vscode.workspace.fs, jobs in a Web Worker (one thread: the
 * browser shares no memory with it).
 */
export function webPlatform(context: vscode.ExtensionContext): Platform {
  const dataFiles = new WorkspaceDataFiles();
  let kernels: Promise<Uint8Array | undefined> | undefined;
  const host: WebJobHost = {
    extensionUri: context.extensionUri,
    dataFiles,
    // Read once; without them (a file system that cannot serve them) the TypeScript kernels serve.
    kernels: () => (kernels ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', KERNELS_FILE))).catch(() => undefined)),
  };
  return {
    kind: 'web',
    dataFiles,
    startJob: (job, onEvent, spec) => startWebWorkerJob(host, job, onEvent, spec),
    registerExtras: (ctx) => {
      // F5 on a spec would otherwise end in VS Code's "no debug adapter": say why instead.
      ctx.own(
        vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, {
          resolveDebugConfiguration: () => {
            void vscode.window.showErrorMessage(`nnspec: ${NO_DEBUGGER_MESSAGE}`);
            return undefined;
          },
        }),
      );
    },
  };
}
