import * as vscode from 'vscode';
import { fileNameOf } from '../uri-names';
import { modelSummary } from '../../core/spec/model-summary';
import { specHash } from '../../core/weights/spec-hash';
import { weightsPathFor } from '../../core/weights/weights-path';
import { DEBUG_STOP_REQUEST, type DebugStopBody } from '../../protocol/debug-requests';
import type { InspectorMessage } from '../../protocol/inspector-protocol';
import type { FinalWorkerEvent } from '../../protocol/worker-protocol';
import type { Ctx } from '../ctx';
import { specArgumentOf } from '../debug/debug-configurations';
import { specOf } from '../debug/stopped-sessions';
import type { JobKind } from '../jobs/job-registry';
import type { SnapshotSubscription } from '../jobs/snapshot-followers';

/** Wait this long after the spec's network changes before taking a new snapshot. */
const SNAPSHOT_DEBOUNCE_MS = 300;

/**
 * What the inspector is told about the spec it follows: the spec after each validation, a
 * snapshot (weights file or initial weights) when the network changes or another example is
 * picked, every job's progress and results, forwarded as they come from the worker, and where
 * a debug session of the spec is stopped.
 */
export class InspectorFeed implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private specKey: string | undefined;
  private snapshotKey: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private training = false;
  /** The latest results, sent again when the webview reloads (it is not retained when hidden). */
  private results = new Map<'check' | 'compare' | 'trained', InspectorMessage>();
  /** The training example traced (0-based). */
  private example = 0;
  /** While the feed follows a spec, its trainings send snapshots tracing `example`. */
  private snapshots: SnapshotSubscription | undefined;
  /** Counts the debug stops and resumes seen, so that an answer to an older one is dropped. */
  private debugChange = 0;
  /** Whether the webview was last told of a stop (so a resume is told once). */
  private debugShown = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly followed: () => vscode.Uri | undefined,
    private readonly post: (message: InspectorMessage) => void,
  ) {
    this.disposables.push(
      ctx.diagnostics.onDidValidate((document) => this.isFollowed(document.uri) && this.postSpec(document)),
      ctx.jobs.onProgress(({ uri, progress, snapshot }) => {
        if (!this.isFollowed(uri)) return;
        if (!this.training) {
          this.training = true;
          this.post({ type: 'training-started', specKey: this.specKey ?? '' });
        }
        this.post({ type: 'progress', progress, ...(snapshot ? { snapshot } : {}) });
      }),
      ctx.jobs.onFinished(({ uri, kind, event }) => this.isFollowed(uri) && this.finished(kind, event)),
      ctx.debugStops.onDidChange((session) => this.followsSpec(specOf(session)) && void this.postDebugStop()),
    );
    this.followSnapshots();
  }

  /** Sends everything about the followed spec again (after `ready`, or on following another spec). */
  refresh(): void {
    this.snapshotKey = undefined;
    const uri = this.followed();
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) this.postSpec(document);
    for (const message of this.results.values()) this.post(message);
    // A run the panel did not see (it ran before the panel opened, or before a reload).
    const last = uri && !this.results.has('trained') && !this.ctx.lastRuns.isRunning(uri) ? this.ctx.lastRuns.of(uri) : undefined;
    if (last) this.post({ type: 'last-run', run: last });
    // Told either way: the webview may still show a stop of the spec it followed before.
    this.debugShown = true;
    void this.postDebugStop();
  }

  /** Following another spec: the results and the example of the last one no longer apply. */
  followedChanged(): void {
    this.results.clear();
    // Whether a run is live is a property of the spec followed now, not of the last one.
    const uri = this.followed();
    this.training = uri !== undefined && this.ctx.jobs.isRunning(uri, 'train');
    this.example = 0;
    this.followSnapshots();
    this.refresh();
  }

  selectExample(example: number): void {
    this.example = example;
    // A running training traces the new example in its next snapshots.
    this.snapshots?.select(example);
    this.snapshotKey = undefined;
    this.scheduleSnapshot(0);
  }

  private followSnapshots(): void {
    this.snapshots?.dispose();
    const uri = this.followed();
    this.snapshots = uri && this.ctx.jobs.followSnapshots(uri, this.example);
  }

  /** Whether a debug session's `spec` is the followed spec. */
  private followsSpec(spec: string | undefined): boolean {
    const uri = this.followed();
    return uri !== undefined && spec === specArgumentOf(uri);
  }

  private isFollowed(uri: vscode.Uri): boolean {
    return this.followed()?.toString() === uri.toString();
  }

  private postSpec(document: vscode.TextDocument): void {
    const validation = this.ctx.diagnostics.validationOf(document);
    const errors = validation.diagnostics.filter((d) => d.severity === 'error').length;
    const base = { type: 'spec' as const, uri: document.uri.toString(), file: fileNameOf(document.uri), errors };
    if (!validation.spec) {
      this.post({ ...base, valid: false });
      return;
    }
    this.specKey = specHash(validation.spec);
    const summary = modelSummary(validation.spec.layers);
    this.post({ ...base, valid: true, specKey: this.specKey, task: validation.spec.task, layers: summary.layers, total: summary.total });
    if (this.snapshotKey !== this.specKey && !this.training) this.scheduleSnapshot(SNAPSHOT_DEBOUNCE_MS);
  }

  private scheduleSnapshot(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.snapshot(), delayMs);
  }

  /** Asks a worker for a snapshot of the followed spec; the host only forwards the answer. */
  private async snapshot(): Promise<void> {
    const uri = this.followed();
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document || document.isUntitled) return;
    if (!vscode.workspace.isTrusted) {
      this.post({ type: 'snapshot-failed', message: 'Trust this workspace to see weights, δ values and the decision boundary (they read the data).' });
      return;
    }
    const key = this.specKey;
    if (key === undefined) return;
    this.snapshotKey = key;
    const final = await this.ctx.jobs.inspect(document, weightsPathFor(document.uri.fsPath), this.example);
    if (final.type === 'inspected') this.post({ type: 'snapshot', specKey: key, snapshot: final.snapshot, ...(final.weightsNote ? { note: final.weightsNote } : {}) });
    else if (final.type === 'failed' && final.code !== 'worker-terminated') this.post({ type: 'snapshot-failed', message: final.message });
  }

  /** Asks the stopped session of the followed spec where it is, and tells the webview; or that nothing is stopped. */
  private async postDebugStop(): Promise<void> {
    const change = ++this.debugChange;
    const uri = this.followed();
    const session = uri && this.ctx.debugStops.stoppedOn(uri);
    let body: DebugStopBody = {};
    if (session) {
      try {
        body = (await session.customRequest(DEBUG_STOP_REQUEST)) as DebugStopBody;
      } catch {
        // The session ended or resumed while asked: nothing is stopped.
      }
    }
    if (change !== this.debugChange) return;
    if (body.stop) {
      this.debugShown = true;
      this.post({ type: 'debug-stop', stop: body.stop });
    } else if (this.debugShown) {
      this.debugShown = false;
      this.post({ type: 'debug-running' });
    }
  }

  private finished(kind: JobKind, event: FinalWorkerEvent): void {
    const specKey = this.specKey ?? '';
    switch (event.type) {
      case 'trained':
        this.training = false;
        this.keep('trained', { type: 'training-finished', reason: event.summary.reason, finalCost: event.summary.finalCost, costHistory: event.summary.costHistory });
        if (event.inspection) {
          this.snapshotKey = specKey;
          this.post({ type: 'snapshot', specKey, snapshot: event.inspection });
        } else {
          this.selectExample(this.example);
        }
        return;
      case 'checked':
        this.keep('check', { type: 'gradient-check', specKey, report: event.report });
        return;
      case 'compared':
        this.keep('compare', { type: 'init-comparison', specKey, runs: event.runs });
        return;
      case 'inspected':
      case 'exported':
        return;
      case 'failed':
        if (kind === 'train') this.training = false;
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  }

  private keep(kind: 'check' | 'compare' | 'trained', message: InspectorMessage): void {
    this.results.set(kind, message);
    this.post(message);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.snapshots?.dispose();
    this.snapshots = undefined;
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}
