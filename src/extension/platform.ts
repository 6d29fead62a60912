import type * as vscode from 'vscode';
import type { DistributiveOmit } from '../protocol/distributive-omit';
import type { WorkerEvent, WorkerJob } from '../protocol/worker-protocol';
import type { Ctx } from './ctx';
import type { ThreadedJob } from './jobs/running-job';
import type { CsvAnswerer } from './validation/csv-probe-answers';

/** Starts a job on the spec `spec` in a thread of its own; `onEvent` sees each non-final event. */
export type JobStarter = (job: DistributiveOmit<WorkerJob, 'cancelFlag'>, onEvent: (event: WorkerEvent) => void, spec: vscode.Uri) => ThreadedJob;

/** How a host reaches a spec's data files, in its own terms (folder paths on a disk, URIs in the browser). */
export interface DataFiles extends CsvAnswerer {
  /** The folder a spec's relative `csv:` path is resolved against. */
  specDirOf(spec: vscode.Uri): string;
  /** The workspace folder the spec belongs to (its own folder when it is outside every one). */
  workspaceRootOf(spec: vscode.Uri): string;
  /** The file a changed `uri` is, as `fileOf` names it (its answers are then forgotten). */
  fileKeyOf(uri: vscode.Uri): string;
  /** The file a `csv:` path names, as a URI (the document link). */
  uriOf(specDir: string, csvPath: string): vscode.Uri;
}

/**
 * The thin edge that differs between the desktop (Node extension host: worker_threads, the
 * disk) and the browser (web worker extension host: Web Workers, vscode.workspace.fs). Each
 * entry point (extension.ts, extension-web.ts) builds one; everything else is shared.
 */
export interface Platform {
  /** 'node' for the Node extension host, 'web' for the browser's. */
  readonly kind: 'node' | 'web';
  readonly dataFiles: DataFiles;
  readonly startJob: JobStarter;
  /** Registers what only this platform has (the debugger, which needs a process, on the desktop). */
  registerExtras(ctx: Ctx): void;
}
