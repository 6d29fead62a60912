import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InspectionSnapshot } from '../../core/inspect/snapshot';
import type { GradientCheckReport } from '../../core/nn/gradient-check';
import { INIT_STRATEGIES } from '../../core/spec/schema';
import type { TrainingProgress } from '../../core/train/progress';
import { weightsPathFor } from '../../data/weights-file';
import type { JobPolicy } from '../../jobs/open-spec';
import type { DistributiveOmit } from '../../protocol/distributive-omit';
import { SNAPSHOT_EXAMPLE, SNAPSHOT_WANTED, type FinalWorkerEvent, type InitComparisonRun, type WorkerEvent, type WorkerJob } from '../../protocol/worker-protocol';
import type { Config } from '../config';
import { workspaceRootOf } from '../validation/workspace-root';
import { startWorkerJob, type RunningJob } from './worker-job';

export type JobKind = 'train' | 'check' | 'compare-init';

/** A training progress event, with a snapshot for the inspector now and then. */
export interface JobProgress {
  readonly uri: vscode.Uri;
  readonly progress: TrainingProgress;
  readonly snapshot?: InspectionSnapshot;
}

/** What the rest of the extension hears about jobs (the inspector, lenses, tests). */
export interface JobEvents {
  readonly onProgress: vscode.Event<JobProgress>;
  readonly onFinished: vscode.Event<{ uri: vscode.Uri; kind: JobKind; event: FinalWorkerEvent }>;
}

/** Training progress messages at most this often from the worker (≤ 20 a second). */
export const PROGRESS_INTERVAL_MS = 50;
/** Inspection snapshots (θ, trace, decision boundary) during training at most this often. */
export const SNAPSHOT_INTERVAL_MS = 200;

/**
 * Runs jobs on specs in worker threads: at most one job of each kind per spec, each with a
 * cancellable progress notification. The extension host only forwards messages.
 */
export class JobRunner implements vscode.Disposable, JobEvents {
  private readonly running = new Map<string, RunningJob>();
  private readonly progressEmitter = new vscode.EventEmitter<JobProgress>();
  private readonly inspections = new Map<string, RunningJob>();
  /**
   * Which example to trace in training snapshots of a spec; undefined: no snapshots (no
   * inspector on it). Call refreshSnapshots() when its answer changes.
   */
  snapshotExample: (uri: vscode.Uri) => number | undefined = () => undefined;
  /** The snapshot control words of running trainings (see WorkerJob), by job key. */
  private readonly snapshotControls = new Map<string, { readonly uri: vscode.Uri; readonly words: Int32Array }>();
  private readonly finishedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; kind: JobKind; event: FinalWorkerEvent }>();
  readonly onProgress = this.progressEmitter.event;
  readonly onFinished = this.finishedEmitter.event;

  constructor(
    private readonly extensionPath: string,
    private readonly config: Config,
  ) {}

  /** The running job of a kind on a spec (tests use it to crash a worker on purpose). */
  jobOf(uri: vscode.Uri, kind: JobKind): RunningJob | undefined {
    return this.running.get(key(uri, kind));
  }

  /**
   * A spec deleted while a job runs on it: the job is ended at once, so nothing is written
   * beside a file that no longer exists.
   */
  specDeleted(uri: vscode.Uri): void {
    for (const kind of ['train', 'check', 'compare-init'] as const) {
      this.running.get(key(uri, kind))?.terminate(`${path.basename(uri.fsPath)} was deleted, so its ${kind === 'train' ? 'training' : kind} was stopped.`);
    }
  }

  isRunning(uri: vscode.Uri, kind: JobKind): boolean {
    return this.running.has(key(uri, kind));
  }

  /** Whether any training runs (for the `nnspec.training` context key). */
  get anyTraining(): boolean {
    return [...this.running.keys()].some((k) => k.startsWith('train:'));
  }

  /** Asks the job to stop; resolves once it has. */
  async stop(uri: vscode.Uri, kind: JobKind): Promise<void> {
    const job = this.running.get(key(uri, kind));
    if (!job) return;
    job.cancel();
    await job.done;
  }

  /** Every training (for "Stop training" without an editor). */
  trainingUris(): string[] {
    return [...this.running.keys()].filter((k) => k.startsWith('train:')).map((k) => k.slice('train:'.length));
  }

  async stopByKey(uriString: string, kind: JobKind): Promise<void> {
    await this.stop(vscode.Uri.parse(uriString), kind);
  }

  train(document: vscode.TextDocument, title: string, onProgress: (p: TrainingProgress) => void): Promise<FinalWorkerEvent> {
    const words = new Int32Array(new SharedArrayBuffer(8));
    const k = key(document.uri, 'train');
    const control = { uri: document.uri, words };
    this.snapshotControls.set(k, control);
    this.writeSnapshotControl(control);
    let lastIteration = 0;
    const job = { type: 'train' as const, weightsPath: weightsPathFor(document.uri.fsPath), progressIntervalMs: PROGRESS_INTERVAL_MS, snapshotIntervalMs: SNAPSHOT_INTERVAL_MS, snapshotControl: words.buffer as SharedArrayBuffer };
    const done = this.run(document, job, title, (event, report) => {
      if (event.type !== 'progress') return;
      const p = event.progress;
      // Reports are throttled: advance the bar by every iteration since the last one seen.
      report(`iteration ${p.iteration}/${p.maxIterations}, J = ${p.cost.toPrecision(5)}`, ((p.iteration - lastIteration) * 100) / p.maxIterations);
      lastIteration = p.iteration;
      this.progressEmitter.fire({ uri: document.uri, progress: p, ...(event.snapshot ? { snapshot: event.snapshot } : {}) });
      onProgress(p);
    });
    return done.finally(() => {
      if (this.snapshotControls.get(k) === control) this.snapshotControls.delete(k);
    });
  }

  /** Tells running trainings whether, and for which example, snapshots are wanted now (see snapshotExample). */
  refreshSnapshots(): void {
    for (const control of this.snapshotControls.values()) this.writeSnapshotControl(control);
  }

  private writeSnapshotControl({ uri, words }: { readonly uri: vscode.Uri; readonly words: Int32Array }): void {
    const example = this.snapshotExample(uri);
    Atomics.store(words, SNAPSHOT_EXAMPLE, example ?? 0);
    Atomics.store(words, SNAPSHOT_WANTED, example === undefined ? 0 : 1);
  }

  check(document: vscode.TextDocument, weightsPath: string | undefined): Promise<FinalWorkerEvent> {
    let lastFraction = 0;
    return this.run(document, { type: 'check', ...(weightsPath ? { weightsPath } : {}) }, `Checking gradients of ${path.basename(document.uri.fsPath)}`, (event, report) => {
      if (event.type !== 'check-progress') return;
      report(`${Math.round(event.fraction * 100)} %`, (event.fraction - lastFraction) * 100);
      lastFraction = event.fraction;
    });
  }

  compareInit(document: vscode.TextDocument, iterations: number): Promise<FinalWorkerEvent> {
    return this.run(
      document,
      { type: 'compare-init', strategies: INIT_STRATEGIES, iterations },
      `Comparing initialisations of ${path.basename(document.uri.fsPath)}`,
      (event, report) => {
        // `done` strategies have finished as this one starts: the bar shows finished runs.
        if (event.type === 'compare-progress') report(`${event.strategy} (${event.done + 1}/${event.total})`, event.done === 0 ? 0 : 100 / event.total);
      },
    );
  }

  /**
   * A snapshot of the spec for the inspector, quietly (no notification): at its weights file
   * when `weightsPath` is given. A newer request for the same spec cancels the older one.
   */
  inspect(document: vscode.TextDocument, weightsPath: string | undefined, example: number): Promise<FinalWorkerEvent> {
    const k = document.uri.toString();
    this.inspections.get(k)?.terminate();
    const job = { type: 'inspect' as const, example, ...(weightsPath ? { weightsPath } : {}), specPath: document.uri.fsPath, specText: document.getText(), policy: this.policyFor(document.uri), threads: this.config.trainingThreads };
    const running = startWorkerJob(this.extensionPath, job, () => undefined);
    this.inspections.set(k, running);
    return running.done.finally(() => {
      if (this.inspections.get(k) === running) this.inspections.delete(k);
    });
  }

  private run(
    document: vscode.TextDocument,
    job: DistributiveOmit<Exclude<WorkerJob, { type: 'inspect' }>, 'cancelFlag' | 'specPath' | 'specText' | 'policy'>,
    title: string,
    onEvent: (event: WorkerEvent, report: (message: string, increment: number) => void) => void,
  ): Promise<FinalWorkerEvent> {
    const k = key(document.uri, job.type);
    const full = { ...job, specPath: document.uri.fsPath, specText: document.getText(), policy: this.policyFor(document.uri), threads: this.config.trainingThreads } as DistributiveOmit<WorkerJob, 'cancelFlag'>;
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        const report = (message: string, increment: number): void => progress.report({ message, increment });
        const running = startWorkerJob(this.extensionPath, full, (event) => onEvent(event, report));
        this.running.set(k, running);
        void vscode.commands.executeCommand('setContext', 'nnspec.training', this.anyTraining);
        const cancel = token.onCancellationRequested(() => running.cancel());
        try {
          const final = await running.done;
          this.finishedEmitter.fire({ uri: document.uri, kind: job.type, event: final });
          return final;
        } finally {
          cancel.dispose();
          this.running.delete(k);
          void vscode.commands.executeCommand('setContext', 'nnspec.training', this.anyTraining);
        }
      }),
    );
  }

  private policyFor(uri: vscode.Uri): JobPolicy {
    return {
      workspaceRoot: workspaceRootOf(uri),
      allowOutside: this.config.allowOutsideWorkspace,
      maxParameters: this.config.maxParameters,
      maxCsvBytes: this.config.maxCsvBytes,
      maxMemoryMB: this.config.maxMemoryMB,
    };
  }

  dispose(): void {
    for (const job of [...this.running.values(), ...this.inspections.values()]) job.terminate();
    this.running.clear();
    this.inspections.clear();
    this.progressEmitter.dispose();
    this.finishedEmitter.dispose();
  }
}

function key(uri: vscode.Uri, kind: JobKind): string {
  return `${kind}:${uri.toString()}`;
}

export type { GradientCheckReport, InitComparisonRun };
