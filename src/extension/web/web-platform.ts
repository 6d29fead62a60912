import * as vscode from 'vscode';
import { DEBUG_TYPE } from '../debug/debug-configurations';
import type { Platform } from '../platform';
import { startBrowserWorker } from './browser-worker';
import { NO_DEBUGGER_MESSAGE } from './no-debugger';
import { webJobHost } from './web-job-host';
import { startWebWorkerJob } from './web-worker-job';
import { WorkspaceDataFiles } from './workspace-data-files';

/**
 * The browser's edge (the web worker extension host: vscode.dev, github.dev, code-server's
 * web host): files through vscode.workspace.fs, jobs in a Web Worker (one thread: the
 * browser shares no memory with it).
 */
export function webPlatform(context: vscode.ExtensionContext): Platform {
  const dataFiles = new WorkspaceDataFiles();
  const host = webJobHost(context.extensionUri, dataFiles, startBrowserWorker);
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
