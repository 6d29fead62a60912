import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CsvProbeResult, CsvRowsBound, DataProbe } from '../../core/spec/data-probe';
import type { Config } from '../config';
import { CsvProbeAnswers } from './csv-probe-answers';
import { workspaceRootOf } from './workspace-root';

/** The probe of an untrusted workspace: every question waits. */
const UNTRUSTED: DataProbe = Object.assign((): CsvProbeResult => ({ status: 'pending' }), { rowsBound: (): CsvRowsBound => ({ status: 'pending' }) });

/**
 * CSV rows bounds and summaries for the validator, read off the main thread (CsvProbeAnswers,
 * dist/csv-probe-worker.js): a question answers `pending` first, and `onDidLoad` fires when
 * its answer lands so the specs that use the file are validated again. A change to the file
 * on disk forgets its answers.
 */
export class CsvProbeCache implements vscode.Disposable {
  private readonly loaded = new vscode.EventEmitter<void>();
  private readonly answers: CsvProbeAnswers;
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidLoad = this.loaded.event;

  constructor(
    private readonly config: Config,
    extensionPath: string,
  ) {
    this.answers = new CsvProbeAnswers(path.join(extensionPath, 'dist', 'csv-probe-worker.js'), () => this.loaded.fire());
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.csv');
    const forget = (uri: vscode.Uri): void => this.forget(uri.fsPath);
    this.disposables.push(watcher, watcher.onDidChange(forget), watcher.onDidCreate(forget), watcher.onDidDelete(forget), this.loaded);
  }

  /** The validator's probe for the spec at `specUri`, in `specDir`, with this window's trust and settings. */
  probeFor(specUri: vscode.Uri, specDir: string): DataProbe {
    // Reading data files needs trust: untrusted, the CSV checks wait (the trust grant re-validates).
    if (!vscode.workspace.isTrusted) return UNTRUSTED;
    const options = { workspaceRoot: workspaceRootOf(specUri), allowOutside: this.config.allowOutsideWorkspace, maxBytes: this.config.maxCsvBytes };
    return this.answers.probeFor(specDir, options);
  }

  /** Forget every answer about a file (it changed on disk) and of settings that changed. */
  forget(fsPath?: string): void {
    this.answers.forget(fsPath);
    this.loaded.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}
