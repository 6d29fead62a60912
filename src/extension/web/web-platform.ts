import * as vscode from 'vscode';
import { DEBUG_TYPE, SpecDebugAdapters, SpecDebugConfigurations } from '../debug/debug-configurations';
import type { Platform } from '../platform';
import { startBrowserWorker } from './browser-worker';
import { webJobHost } from './web-job-host';
import { startWebWorkerJob } from './web-worker-job';
import { WorkspaceDataFiles } from './workspace-data-files';

/**
 * The browser's edge (the web worker extension host: vscode.dev, github.dev, code-server's
 * web host): files through vscode.workspace.fs, jobs and the debugger in Web Workers (one
 * thread each: the browser shares no memory with them).
 */
export function webPlatform(context: vscode.ExtensionContext): Platform {
  const dataFiles = new WorkspaceDataFiles();
  const host = webJobHost(context.extensionUri, dataFiles, startBrowserWorker);
  return {
    kind: 'web',
    dataFiles,
    startJob: (job, onEvent, spec) => startWebWorkerJob(host, job, onEvent, spec),
    registerExtras: (ctx) => {
      // The debugger: an inline adapter relaying to a Web Worker of its own (web-debug-adapter.ts).
      ctx.own(vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new SpecDebugConfigurations(ctx)));
      ctx.own(vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new SpecDebugAdapters(ctx, host, false)));
    },
  };
}
