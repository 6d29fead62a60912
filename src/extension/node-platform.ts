import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { DEBUG_TYPE, SpecDebugAdapters, SpecDebugConfigurations } from './debug/debug-configurations';
import { DebuggedSpecWatch } from './debug/debugged-spec-watch';
import { DiskDataFiles } from './disk-data-files';
import type { Platform } from './platform';
import { startMessageWorkerThread } from './training/message-worker-thread';
import { startWorkerJob } from './training/worker-job';
import { webJobHost } from './web/web-job-host';
import { startWebWorkerJob } from './web/web-worker-job';
import { WorkspaceDataFiles } from './web/workspace-data-files';

/** The Node extension host's edge (the desktop, code-server, a remote): files on disk, CSV probes and jobs in worker_threads, the debug adapter as a process (the browser's way for a spec on a virtual file system). */
export function nodePlatform(context: vscode.ExtensionContext): Platform {
  const virtualHost = webJobHost(context.extensionUri, new WorkspaceDataFiles(), startMessageWorkerThread);
  return {
    kind: 'node',
    dataFiles: new DiskDataFiles(path.join(context.extensionPath, 'dist', 'csv-probe-worker.js')),
    // A spec on a virtual file system is reachable through vscode.workspace.fs only: its jobs take the browser's way.
    startJob: (job, onEvent, spec) => (spec.scheme === 'file' ? startWorkerJob(context.extensionPath, job, onEvent) : startWebWorkerJob(virtualHost, job, onEvent, spec)),
    registerExtras: (ctx: Ctx) => {
      ctx.own(vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new SpecDebugConfigurations(ctx)));
      ctx.own(vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new SpecDebugAdapters(ctx, virtualHost, true)));
      ctx.own(new DebuggedSpecWatch());
    },
  };
}
