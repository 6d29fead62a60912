import * as vscode from 'vscode';
import { fileNameOf } from '../uri-names';
import type { InspectionSnapshot } from '../../core/inspect/snapshot';
import type { GradientCheckReport } from '../../core/nn/gradient-check';
import { INIT_STRATEGIES } from '../../core/spec/schema';
import type { TrainingProgress } from '../../core/train/progress';
import { weightsPathFor } from '../../core/weights/weights-path';
import type { DistributiveOmit } from '../../protocol/distributive-omit';
import type { ExportTarget } from '../../protocol/export-target';
import type { JobPolicy } from '../../protocol/job-policy';
import type { FinalWorkerEvent, InitComparisonRun, WorkerEvent, WorkerJob } from '../../protocol/worker-protocol';
import type { Config } from '../config';
import { JobRegistry, type JobKey, type JobKind } from '../jobs/job-registry';
import { createSnapshotWords, type SnapshotSubscription } from '../jobs/snapshot-followers';
import { workspaceRootOf } from '../validation/workspace-root';
import type { ThreadedJob } from '../jobs/running-job';
import type { JobStarter } from '../platform';

/** A training progress event, with a snapshot for the inspector now and then. */
export interface JobProgress {
  readonly uri: vscode.Uri;
  readonly progress: TrainingProgress;
  readonly snapshot?: InspectionSnapshot;
}

/** A job as the runner's callers give it: the spec, its text and the policy are added. */
type StartableJob = DistributiveOmit<Exclude<WorkerJob, { type: 'inspect' }>, 'cancelFlag' | 'specPath' | 'specText' | 'policy'>;

/** What the rest of the extension hears about jobs (the inspector, lenses, tests). */
export interface JobEvents {
  readonly onProgress: vscode.Event<JobProgress>;
  readonly onFinished: vscode.Event<{ uri: vscode.Uri; kind: JobKind; event: FinalWorkerEvent }>;
}

/** Training progress messages at most this often from the worker (≤ 20 a second). */
export const PROGRESS_INTERVAL_MS = 50;
/** Inspection snapshots (θ, trace, decision boundary) during training at most this often. */
export const SNAPSHOT_INTERVAL_MS = 200;

/** What each kind of job is called in messages. */
const JOB_NAMES: Record<JobKind, string> = { train: 'training', check: 'gradient check', 'compare-init': 'comparison', inspect: 'inspection', export: 'export' };

type Report = (message: string, increment: number) => void;

/**
 * Runs jobs on specs in worker threads, each (but inspections) with a cancellable progress
 * notification, and keeps the `nnspec.training` context key. Which job may run when is the
 * registry's call; the extension host only forwards messages.
 */
export class JobRunner implements vscode.Disposable, JobEvents {
  private readonly registry = new JobRegistry<ThreadedJob>((key) => {
    if (key.kind === 'train') void vscode.commands.executeCommand('setContext', 'nnspec.training', this.anyTraining);
  });
  private readonly progressEmitter = new vscode.EventEmitter<JobProgress>();
  private readonly finishedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; kind: JobKind; event: FinalWorkerEvent }>();
  readonly onProgress = this.progressEmitter.event;
  readonly onFinished = this.finishedEmitter.event;

  constructor(
    private readonly startJob: JobStarter,
    private readonly config: Config,
  ) {}

  /** The running job of a kind on a spec (tests use it to crash a worker on purpose). */
  jobOf(uri: vscode.Uri, kind: JobKind): ThreadedJob | undefined {
    return this.registry.jobOf(keyOf(uri, kind));
  }

  /**
   * A spec deleted while a job runs on it: the job is ended at once, so nothing is written
   * beside a file that no longer exists.
   */
  specDeleted(uri: vscode.Uri): void {
    this.registry.terminateSpec(uri.toString(), (kind) => `${fileNameOf(uri)} was deleted, so its ${JOB_NAMES[kind]} was stopped.`);
  }

  isRunning(uri: vscode.Uri, kind: JobKind): boolean {
    return this.registry.isRunning(keyOf(uri, kind));
  }

  /** Whether any training runs (for the `nnspec.training` context key). */
  get anyTraining(): boolean {
    return this.registry.anyRunning('train');
  }

  /** Every spec that trains (for "Stop training" without an editor). */
  trainings(): vscode.Uri[] {
    return this.registry.specsRunning('train').map((spec) => vscode.Uri.parse(spec));
  }

  /** Asks the job to stop; resolves once it has. */
  stop(uri: vscode.Uri, kind: JobKind): Promise<void> {
    return this.registry.stop(keyOf(uri, kind));
  }

  /**
   * Training snapshots of `uri` tracing `example`, wanted until the subscription is disposed
   * (an inspector follows the spec); a training already running gets them from now on.
   */
  followSnapshots(uri: vscode.Uri, example: number): SnapshotSubscription {
    return this.registry.followSnapshots(uri.toString(), example);
  }

  /** Trains the spec; undefined when it trains already (restarting is the caller's question). */
  train(document: vscode.TextDocument, title: string, onProgress: (p: TrainingProgress) => void): Promise<FinalWorkerEvent | undefined> {
    const snapshotWords = createSnapshotWords();
    let lastIteration = 0;
    const job = {
      type: 'train' as const,
      weightsPath: weightsPathFor(document.uri.fsPath),
      progressIntervalMs: PROGRESS_INTERVAL_MS,
      snapshotIntervalMs: SNAPSHOT_INTERVAL_MS,
      snapshotControl: snapshotWords.buffer as SharedArrayBuffer,
    };
    const onEvent = (event: WorkerEvent, report: Report): void => {
      if (event.type !== 'progress') return;
      const p = event.progress;
      // Reports are throttled: advance the bar by every iteration since the last one seen.
      report(`iteration ${p.iteration}/${p.maxIterations}, J = ${p.cost.toPrecision(5)}`, ((p.iteration - lastIteration) * 100) / p.maxIterations);
      lastIteration = p.iteration;
      this.progressEmitter.fire({ uri: document.uri, progress: p, ...(event.snapshot ? { snapshot: event.snapshot } : {}) });
      onProgress(p);
    };
    return this.run(document, job, title, onEvent, snapshotWords);
  }

  /** Checks the spec's gradients; undefined when they are being checked already. */
  check(document: vscode.TextDocument, weightsPath: string | undefined): Promise<FinalWorkerEvent | undefined> {
    let lastFraction = 0;
    return this.run(document, { type: 'check', ...(weightsPath ? { weightsPath } : {}) }, `Checking gradients of ${fileNameOf(document.uri)}`, (event, report) => {
      if (event.type !== 'check-progress') return;
      report(`${Math.round(event.fraction * 100)} %`, (event.fraction - lastFraction) * 100);
      lastFraction = event.fraction;
    });
  }

  /**
   * Checks the spec's gradients with no notification of its own (the Test Explorer shows the
   * run): `token` cancels it. Undefined when they are being checked already.
   */
  checkQuietly(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<FinalWorkerEvent | undefined> {
    const started = this.start(document, { type: 'check' }, () => undefined);
    return started.status === 'busy' ? Promise.resolve(undefined) : this.follow(document.uri, 'check', started, token);
  }

  /** Compares the initialisation strategies on the spec; undefined when a comparison runs already. */
  compareInit(document: vscode.TextDocument, iterations: number): Promise<FinalWorkerEvent | undefined> {
    return this.run(
      document,
      { type: 'compare-init', strategies: INIT_STRATEGIES, iterations },
      `Comparing initialisations of ${fileNameOf(document.uri)}`,
      (event, report) => {
        // `done` strategies have finished as this one starts: the bar shows finished runs.
        if (event.type === 'compare-progress') report(`${event.strategy} (${event.done + 1}/${event.total})`, event.done === 0 ? 0 : 100 / event.total);
      },
    );
  }

  /**
   * A snapshot of the spec for the inspector, quietly (no notification): at its weights file
   * when `weightsPath` is given. A newer request for the same spec ends the older one.
   */
  inspect(document: vscode.TextDocument, weightsPath: string | undefined, example: number): Promise<FinalWorkerEvent> {
    const job = { type: 'inspect' as const, example, ...(weightsPath ? { weightsPath } : {}), ...this.specOf(document) };
    const started = this.registry.start(keyOf(document.uri, 'inspect'), () => this.startJob(job, () => undefined, document.uri));
    // Inspections replace each other, so one always starts; a kept one would answer as well.
    return started.status === 'started' ? started.done : started.job.done;
  }

  /**
   * The spec's trained network (its weights file) as an ONNX model or a PyTorch script, in
   * a worker (a large network's encoding would hold up the editor); the status bar shows it.
   * Undefined when the spec is being exported already.
   */
  exportNetwork(document: vscode.TextDocument, target: ExportTarget): Promise<FinalWorkerEvent | undefined> {
    const started = this.start(document, { type: 'export', weightsPath: weightsPathFor(document.uri.fsPath), target }, () => undefined);
    if (started.status === 'busy') return Promise.resolve(undefined);
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Exporting ${fileNameOf(document.uri)}` }, () => this.follow(document.uri, 'export', started)),
    );
  }

  private run(
    document: vscode.TextDocument,
    job: StartableJob,
    title: string,
    onEvent: (event: WorkerEvent, report: Report) => void,
    snapshotWords?: Int32Array,
  ): Promise<FinalWorkerEvent | undefined> {
    // Events that come before the notification shows have no bar to move (it shows at once).
    let report: Report = () => undefined;
    const started = this.start(document, job, (event) => onEvent(event, report), snapshotWords);
    if (started.status === 'busy') return Promise.resolve(undefined);
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        report = (message, increment) => progress.report({ message, increment });
        return this.follow(document.uri, job.type, started, token);
      }),
    );
  }

  /** Starts a job on the spec in a worker, unless one of its kind runs on it already ('busy'). */
  private start(document: vscode.TextDocument, job: StartableJob, onEvent: (event: WorkerEvent) => void, snapshotWords?: Int32Array) {
    const full = { ...job, ...this.specOf(document) } as DistributiveOmit<WorkerJob, 'cancelFlag'>;
    return this.registry.start(keyOf(document.uri, job.type), () => this.startJob(full, onEvent, document.uri), snapshotWords ? { snapshotWords } : {});
  }

  /** Waits for a started job, `token` (if any) cancelling it, and tells onFinished its end. */
  private async follow(uri: vscode.Uri, kind: JobKind, started: { readonly job: { cancel(): void }; readonly done: Promise<FinalWorkerEvent> }, token?: vscode.CancellationToken): Promise<FinalWorkerEvent> {
    const cancel = token?.onCancellationRequested(() => started.job.cancel());
    try {
      const final = await started.done;
      this.finishedEmitter.fire({ uri, kind, event: final });
      return final;
    } finally {
      cancel?.dispose();
    }
  }

  /** What every job is told about its spec: where it is, its text as the editor has it, the policy. */
  private specOf(document: vscode.TextDocument): { specPath: string; specText: string; policy: JobPolicy; threads: number } {
    return { specPath: document.uri.fsPath, specText: document.getText(), policy: this.policyFor(document.uri), threads: this.config.trainingThreads };
  }

  /** The rules a job on the spec at `uri` obeys: its workspace folder, the settings' limits. */
  policyFor(uri: vscode.Uri): JobPolicy {
    return {
      workspaceRoot: workspaceRootOf(uri),
      allowOutside: this.config.allowOutsideWorkspace,
      maxParameters: this.config.maxParameters,
      maxCsvBytes: this.config.maxCsvBytes,
      maxMemoryMB: this.config.maxMemoryMB,
    };
  }

  dispose(): void {
    this.registry.terminateAll();
    this.progressEmitter.dispose();
    this.finishedEmitter.dispose();
  }
}

function keyOf(uri: vscode.Uri, kind: JobKind): JobKey {
  return { spec: uri.toString(), kind };
}

export type { GradientCheckReport, InitComparisonRun };
