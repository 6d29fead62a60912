/**
 * The spec under a debug session, watched: an edit while the session runs is said once in the
 * Debug Console (the session keeps the network it started with; Restart applies the edit), and
 * a spec deleted or renamed away ends its session, since breakpoints and frames point into it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SPEC_CHANGED_REQUEST } from '../../protocol/debug-requests';
import { DEBUG_TYPE } from './debug-configurations';
import { specOf } from './stopped-sessions';

export class DebuggedSpecWatch implements vscode.Disposable {
  /** Per session id: the session and the watcher of its spec file. */
  private readonly watched = new Map<string, { readonly session: vscode.DebugSession; readonly spec: string; readonly watcher: vscode.Disposable }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      vscode.debug.onDidStartDebugSession((session) => this.watch(session)),
      vscode.debug.onDidTerminateDebugSession((session) => this.unwatch(session)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        for (const session of this.sessionsOf(e.document.uri.fsPath)) void Promise.resolve(session.customRequest(SPEC_CHANGED_REQUEST)).catch(() => undefined);
      }),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.gone(uri.fsPath))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri }) => this.gone(oldUri.fsPath))),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const { watcher } of this.watched.values()) watcher.dispose();
    this.watched.clear();
  }

  private watch(session: vscode.DebugSession): void {
    const spec = session.type === DEBUG_TYPE ? specOf(session) : undefined;
    if (!spec || this.watched.has(session.id)) return;
    // Deletions outside the editor (a terminal, git) reach only a file system watcher.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(spec)), path.basename(spec)), true, true, false);
    watcher.onDidDelete(() => this.gone(spec));
    this.watched.set(session.id, { session, spec, watcher });
  }

  private unwatch(session: vscode.DebugSession): void {
    this.watched.get(session.id)?.watcher.dispose();
    this.watched.delete(session.id);
  }

  private sessionsOf(spec: string): vscode.DebugSession[] {
    return [...this.watched.values()].filter((w) => w.spec === spec).map((w) => w.session);
  }

  private gone(spec: string): void {
    for (const session of this.sessionsOf(spec)) {
      this.unwatch(session); // the watcher and the explorer may both report it
      void vscode.window.showWarningMessage(`nnspec: ${path.basename(spec)} was deleted, so its debug session has ended.`);
      void vscode.debug.stopDebugging(session);
    }
  }
}
