import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CsvProbeResult } from '../../core/spec/data-probe';
import { probeCsvInThread } from '../../data/csv-probe-thread';
import type { Config } from '../config';
import { workspaceRootOf } from './workspace-root';

/**
 * CSV summaries for the validator, read off the main thread: the first request for a file
 * answers `pending` and starts the read in a worker thread (dist/csv-probe-worker.js); when
 * it lands, `onDidLoad` fires so the specs that use it are validated again. A change to the
 * file on disk forgets its entry.
 */
export class CsvProbeCache implements vscode.Disposable {
  private readonly entries = new Map<string, CsvProbeResult>();
  private readonly loaded = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidLoad = this.loaded.event;

  constructor(
    private readonly config: Config,
    private readonly extensionPath: string,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.csv');
    const forget = (uri: vscode.Uri): void => this.forget(uri.fsPath);
    this.disposables.push(watcher, watcher.onDidChange(forget), watcher.onDidCreate(forget), watcher.onDidDelete(forget), this.loaded);
  }

  probe(specUri: vscode.Uri, specDir: string, csvPath: string, target?: string): CsvProbeResult {
    // Reading data files needs trust: untrusted, the CSV checks wait (the trust grant re-validates).
    if (!vscode.workspace.isTrusted) return { status: 'pending' };
    const root = workspaceRootOf(specUri);
    const allowOutside = this.config.allowOutsideWorkspace;
    const maxBytes = this.config.maxCsvBytes;
    const key = JSON.stringify([path.resolve(specDir, csvPath), root, allowOutside, maxBytes, target ?? null]);
    const known = this.entries.get(key);
    if (known) return known;
    const pending: CsvProbeResult = { status: 'pending' };
    this.entries.set(key, pending);
    const request = { specDir, csvPath, options: { workspaceRoot: root, allowOutside, maxBytes }, ...(target !== undefined ? { target } : {}) };
    void probeCsvInThread(path.join(this.extensionPath, 'dist', 'csv-probe-worker.js'), request).then((result) => {
      if (this.entries.get(key) !== pending) return;
      this.entries.set(key, result);
      this.loaded.fire();
    });
    return pending;
  }

  /** Forget every summary of a file (it changed on disk) and of settings that changed. */
  forget(fsPath?: string): void {
    if (fsPath === undefined) this.entries.clear();
    else for (const key of [...this.entries.keys()]) if ((JSON.parse(key) as string[])[0] === fsPath) this.entries.delete(key);
    this.loaded.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}
