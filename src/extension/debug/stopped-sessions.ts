/**
 * Which nnspec debug sessions are stopped right now, seen from the messages between VS Code
 * and the adapter: a `stopped` event stops a session; a resume request, `continued` or the
 * end of the session starts it again. Inline values, the layer hovers and the spec watch ask it.
 */
import * as vscode from 'vscode';
import { DEBUG_TYPE, specArgumentOf } from './debug-configurations';

interface DapMessage {
  readonly type?: string;
  readonly event?: string;
  readonly command?: string;
}

const RESUMING = new Set(['continue', 'next', 'stepIn', 'stepOut', 'stepBack', 'reverseContinue', 'restart', 'disconnect', 'terminate']);

export class StoppedSessions implements vscode.Disposable {
  private readonly stopped = new Map<string, vscode.DebugSession>();
  private readonly changed = new vscode.EventEmitter<vscode.DebugSession>();
  /** Fires when a session stops or resumes. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    this.disposables.push(
      vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, {
        createDebugAdapterTracker: (session) => ({
          onDidSendMessage: (m: DapMessage) => {
            if (m.type !== 'event') return;
            if (m.event === 'stopped') this.set(session, true);
            else if (m.event === 'continued' || m.event === 'terminated' || m.event === 'exited') this.set(session, false);
          },
          onWillReceiveMessage: (m: DapMessage) => {
            if (m.type === 'request' && m.command !== undefined && RESUMING.has(m.command)) this.set(session, false);
          },
          onExit: () => this.set(session, false),
        }),
      }),
      vscode.debug.onDidTerminateDebugSession((session) => this.set(session, false)),
    );
  }

  /** The stopped nnspec session debugging this spec, if any. */
  stoppedOn(uri: vscode.Uri): vscode.DebugSession | undefined {
    for (const session of this.stopped.values()) if (specOf(session) === specArgumentOf(uri)) return session;
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private set(session: vscode.DebugSession, stopped: boolean): void {
    if (stopped === this.stopped.has(session.id)) return;
    if (stopped) this.stopped.set(session.id, session);
    else this.stopped.delete(session.id);
    this.changed.fire(session);
  }
}

/** The spec a session debugs (its launch configuration's `spec`: an absolute path once resolved, or a URI off disk; see specArgumentOf). */
export function specOf(session: vscode.DebugSession): string | undefined {
  const spec: unknown = session.configuration['spec'];
  return typeof spec === 'string' ? spec : undefined;
}
