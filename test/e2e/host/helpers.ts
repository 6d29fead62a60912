// Helpers for suites that run inside the extension host. They wait on VS Code's events,
// never on fixed sleeps; every wait has a deadline so a broken build fails instead of hanging.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread, threadId } from 'node:worker_threads';
import * as vscode from 'vscode';

export { waitFor, waitForDiagnostics } from '../lib/wait';

/** A file of the opened workspace folder. */
export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Opens a workspace file in an editor. */
export async function openFile(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(...segments));
  return vscode.window.showTextDocument(document);
}

/** The extension `id`, activated. */
export async function activateExtension<T = unknown>(id: string): Promise<vscode.Extension<T>> {
  const extension = vscode.extensions.getExtension<T>(id);
  if (!extension) throw new Error(`extension ${id} is not installed`);
  await extension.activate();
  return extension;
}

/** The sampling interval of measureEventLoopDelay, in milliseconds. */
const DELAY_RESOLUTION_MS = 10;

/** What measureEventLoopDelay measured, beside the work's result. */
export interface EventLoopDelay<T> {
  readonly result: T;
  /** Delays in milliseconds (to report, not to assert on). */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** How many delays the histogram recorded: one per turn of its timer. */
  readonly samples: number;
  /** The thread whose event loop was measured (these suites run in the extension host: its main thread). */
  readonly threadId: number;
  readonly mainThread: boolean;
}

/**
 * Event-loop delay of the extension host while `work` runs, in milliseconds: how late a timer
 * due every 10 ms ran (p50, p99, max; to report, not to assert on). `work` may read how many
 * samples have been recorded so far, to tell which of them fell within a part of it.
 */
export async function measureEventLoopDelay<T>(work: (samplesSoFar: () => number) => PromiseLike<T>): Promise<EventLoopDelay<T>> {
  const histogram = monitorEventLoopDelay({ resolution: DELAY_RESOLUTION_MS });
  histogram.enable();
  try {
    const result = await work(() => histogram.count);
    // The histogram records whole intervals between its timer's runs (10 ms when idle): the
    // delay is what exceeds the resolution.
    const delay = (ns: number): number => Math.max(0, ns / 1e6 - DELAY_RESOLUTION_MS);
    return {
      result,
      p50: delay(histogram.percentile(50)),
      p99: delay(histogram.percentile(99)),
      max: delay(histogram.max),
      samples: histogram.count,
      threadId,
      mainThread: isMainThread,
    };
  } finally {
    histogram.disable();
  }
}
