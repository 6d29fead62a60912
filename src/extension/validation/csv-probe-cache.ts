import * as vscode from 'vscode';
import type { CsvProbeResult, CsvRowsBound, DataProbe } from '../../core/spec/data-probe';
import type { Config } from '../config';
import type { DataFiles } from '../platform';
import { CsvProbeAnswers } from './csv-probe-answers';

/** The probe of an untrusted workspace: every question waits. */
const UNTRUSTED: DataProbe = Object.assign((): CsvProbeResult => ({ status: 'pending' }), { rowsBound: (): CsvRowsBound => ({ status: 'pending' }) });

/**
 * CSV rows bounds and summaries for the validator, read off the extension host's critical
 * path by the platform (a probe thread on the desktop, vscode.workspace.fs in the browser):
 * a question answers `pending` first, and `onDidLoad` fires when its answer lands so the
 * specs that use the file are validated again. A change to the file forgets its answers.
 */
export class CsvProbeCache implements vscode.Disposable {
  private readonly loaded = new vscode.EventEmitter<void>();
  private readonly answers: CsvProbeAnswers;
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidLoad = this.loaded.event;

  constructor(
    private readonly config: Config,
    private readonly files: DataFiles,
  ) {
    this.answers = new CsvProbeAnswers(files, () => this.loaded.fire());
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.csv');
    const forget = (uri: vscode.Uri): void => this.forget(files.fileKeyOf(uri));
    this.disposables.push(watcher, watcher.onDidChange(forget), watcher.onDidCreate(forget), watcher.onDidDelete(forget), this.loaded);
  }

  /** The validator's probe for the spec at `specUri`, with this window's trust and settings. */
  probeFor(specUri: vscode.Uri): DataProbe {
    // Reading data files needs trust: untrusted, the CSV checks wait (the trust grant re-validates).
    if (!vscode.workspace.isTrusted) return UNTRUSTED;
    const options = { workspaceRoot: this.files.workspaceRootOf(specUri), allowOutside: this.config.allowOutsideWorkspace, maxBytes: this.config.maxCsvBytes };
    return this.answers.probeFor(this.files.specDirOf(specUri), options);
  }

  /** Forget every answer about a file (it changed) and, with no file, every answer (the settings changed). */
  forget(file?: string): void {
    this.answers.forget(file);
    this.loaded.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}
