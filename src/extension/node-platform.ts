import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { DEBUG_TYPE, SpecDebugAdapters, SpecDebugConfigurations } from './debug/debug-configurations';
import { DebuggedSpecWatch } from './debug/debugged-spec-watch';
import { DiskDataFiles } from './disk-data-files';
import type { Platform } from './platform';
import { startWorkerJob } from './training/worker-job';

/** The Node extension host's edge (the desktop, code-server, a remote): files on disk, CSV probes and jobs in worker_threads, the debug adapter as a process. */
export function nodePlatform(context: vscode.ExtensionContext): Platform {
  return {
    kind: 'node',
    dataFiles: new DiskDataFiles(path.join(context.extensionPath, 'dist', 'csv-probe-worker.js')),
    startJob: (job, onEvent) => startWorkerJob(context.extensionPath, job, onEvent),
    registerExtras: (ctx: Ctx) => {
      ctx.own(vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new SpecDebugConfigurations(ctx)));
      ctx.own(vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new SpecDebugAdapters(context.extensionUri)));
      ctx.own(new DebuggedSpecWatch());
    },
  };
}
