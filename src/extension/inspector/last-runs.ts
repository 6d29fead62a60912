/**
 * The latest training of each spec, kept for the inspector: its curves are gathered from the
 * job's progress whether or not an inspector is open, and stored (thinned) in the workspace
 * state when the run ends, so that an inspector opened later, or after a reload, shows them.
 */
import * as vscode from 'vscode';
import { TrainingSeries } from '../../core/inspect/training-series';
import type { LastRun } from '../../protocol/inspector-protocol';
import type { JobEvents } from '../training/job-runner';

/** Points of a run kept (as the webview keeps in its own state). */
export const LAST_RUN_POINTS = 500;
const KEY_PREFIX = 'nnspec.lastRun:';

export class LastRuns implements vscode.Disposable {
  /** The runs in progress, by spec URI: their series and the spec's key when they started. */
  private readonly running = new Map<string, { series: TrainingSeries; specKey: string }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a spec's latest run has been stored. */
  readonly onDidStore = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    jobs: JobEvents,
    private readonly state: vscode.Memento,
    /** The key of the spec as it is now (undefined while it does not validate). */
    private readonly specKeyOf: (uri: vscode.Uri) => string | undefined,
  ) {
    this.disposables.push(
      jobs.onProgress(({ uri, progress }) => {
        const key = uri.toString();
        let run = this.running.get(key);
        if (!run) this.running.set(key, (run = { series: new TrainingSeries(), specKey: this.specKeyOf(uri) ?? '' }));
        run.series.add(progress);
      }),
      jobs.onFinished(({ uri, kind, event }) => {
        if (kind !== 'train') return;
        const key = uri.toString();
        const run = this.running.get(key);
        this.running.delete(key);
        if (event.type !== 'trained') return;
        const series = run?.series ?? new TrainingSeries();
        series.finish(event.summary.costHistory);
        const last: LastRun = {
          specKey: run?.specKey ?? this.specKeyOf(uri) ?? '',
          finishedAt: new Date().toISOString(),
          partial: event.partial,
          reason: event.summary.reason,
          finalCost: event.summary.finalCost,
          history: series.saved(LAST_RUN_POINTS),
        };
        void Promise.resolve(this.state.update(KEY_PREFIX + key, last)).then(() => this.changed.fire(uri));
      }),
    );
  }

  /** The spec's latest finished run, if one was kept. */
  of(uri: vscode.Uri): LastRun | undefined {
    return this.state.get<LastRun>(KEY_PREFIX + uri.toString());
  }

  /** Whether a run of the spec is in progress (its curves are live, not the stored ones). */
  isRunning(uri: vscode.Uri): boolean {
    return this.running.has(uri.toString());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
