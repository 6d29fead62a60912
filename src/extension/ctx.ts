import * as vscode from 'vscode';
import { Config } from './config';
import { StoppedSessions } from './debug/stopped-sessions';
import { specHash } from '../core/weights/spec-hash';
import { CheckResults } from './gradient-check/check-results';
import { LastRuns } from './inspector/last-runs';
import { JobRunner } from './training/job-runner';
import { RunDiagnostics } from './training/run-diagnostics';
import { TrainingStatus } from './training/training-status';
import { CsvProbeCache } from './validation/csv-probe-cache';
import { DiagnosticsController } from './validation/diagnostics-controller';
import type { Platform } from './platform';

/**
 * The extension's one owner of long-lived parts: everything created here is disposed with
 * the extension (and so every worker is terminated on deactivation).
 */
export class Ctx implements vscode.Disposable {
  readonly config = new Config();
  readonly output: vscode.LogOutputChannel;
  readonly csvCache: CsvProbeCache;
  readonly diagnostics: DiagnosticsController;
  readonly jobs: JobRunner;
  readonly checkResults: CheckResults;
  readonly runDiagnostics: RunDiagnostics;
  readonly status: TrainingStatus;
  /** Which debug sessions are stopped: inline values, hovers and the inspector follow them. */
  readonly debugStops: StoppedSessions;
  /** Each spec's latest training, for an inspector opened later. */
  readonly lastRuns: LastRuns;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly platform: Platform,
  ) {
    this.output = this.own(vscode.window.createOutputChannel('nnspec', { log: true }));
    this.csvCache = this.own(new CsvProbeCache(this.config, platform.dataFiles));
    const docs = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'format.md');
    this.diagnostics = this.own(new DiagnosticsController(this.config, this.csvCache, docs));
    this.jobs = this.own(new JobRunner(platform.startJob, this.config));
    this.checkResults = this.own(new CheckResults());
    this.runDiagnostics = this.own(new RunDiagnostics());
    this.status = this.own(new TrainingStatus());
    this.debugStops = this.own(new StoppedSessions());
    this.lastRuns = this.own(new LastRuns(this.jobs, extension.workspaceState, (uri) => this.specKeyOf(uri)));
    // A spec deleted (in the editor or on disk) takes its running jobs with it.
    const specs = this.own(vscode.workspace.createFileSystemWatcher('**/*.nnspec', true, true, false));
    this.own(specs.onDidDelete((uri) => this.jobs.specDeleted(uri)));
  }

  /** The key (hash of task, layers and data) of an open spec as it validates now. */
  private specKeyOf(uri: vscode.Uri): string | undefined {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const spec = document && this.diagnostics.validationOf(document).spec;
    return spec ? specHash(spec) : undefined;
  }

  /** Registers a disposable to live as long as the extension. */
  own<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) d.dispose();
    this.disposables.length = 0;
  }
}
