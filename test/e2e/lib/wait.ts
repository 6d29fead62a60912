// Waits of the suites in either extension host (Node or web worker): VS Code's events only,
// never fixed sleeps, each with a deadline so a broken build fails instead of hanging.
import * as vscode from 'vscode';

/** Resolves with `value()` once `ready(value)` holds, re-checking whenever `event` fires. */
export function waitFor<T>(event: vscode.Event<unknown>, value: () => T, ready: (v: T) => boolean, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = value();
      if (!ready(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = event(() => void check());
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** The diagnostics of `uri` once `ready` holds for them (default: there is at least one). */
export function waitForDiagnostics(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(uri), ready, timeoutMs, `diagnostics on ${uri.path}`);
}

