// The messages nnspec's debug adapter sends in a real session, seen by a tracker of VS Code's
// own (the host suites', desktop and web): promises of the next stop, output or end.
import * as vscode from 'vscode';

export interface SeenMessage {
  readonly type: string;
  readonly event?: string;
  readonly body?: { readonly reason?: string; readonly output?: string };
}

/** Every message the adapter sends in nnspec sessions, and promises of the next stop or output. */
export class AdapterMessages implements vscode.Disposable {
  readonly seen: SeenMessage[] = [];
  private waiters: { test: (m: SeenMessage) => boolean; resolve: (m: SeenMessage) => void }[] = [];
  private readonly tracker = vscode.debug.registerDebugAdapterTrackerFactory('nnspec', {
    createDebugAdapterTracker: () => ({
      onDidSendMessage: (m: SeenMessage) => {
        this.seen.push(m);
        this.waiters = this.waiters.filter((w) => !(w.test(m) && (w.resolve(m), true)));
      },
    }),
  });

  /** The next message (from now on) that passes `test`. */
  next(test: (m: SeenMessage) => boolean): Promise<SeenMessage> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  nextStop(): Promise<SeenMessage> {
    return this.next((m) => m.type === 'event' && m.event === 'stopped');
  }

  dispose(): void {
    this.tracker.dispose();
  }
}

export const sessionEnded = (): Promise<void> =>
  new Promise<void>((resolve) => {
    const sub = vscode.debug.onDidTerminateDebugSession((s) => s.type === 'nnspec' && (sub.dispose(), resolve()));
  });

