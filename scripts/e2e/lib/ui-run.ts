// What run-ui-tests hands to the UI suites (through the environment, so a suite can also
// be pointed at a server started by hand).
import type { RunDirs } from './code-server';

export interface UiRun {
  /** code-server's base URL, e.g. http://127.0.0.1:PORT */
  url: string;
  /** The folder the workbench opens by default. */
  workspace: string;
  /** The run's folders (browser profile, XDG, TMPDIR). */
  dirs: RunDirs;
}

const key = 'NNSPEC_E2E_UI_RUN';

export function uiRunEnv(run: UiRun): Record<string, string> {
  return { [key]: JSON.stringify(run) };
}

/** The run this process belongs to; throws when not started by run-ui-tests. */
export function currentUiRun(): UiRun {
  const json = process.env[key];
  if (!json) throw new Error(`${key} is not set: run UI suites with scripts/e2e/run-ui-tests.ts`);
  return JSON.parse(json) as UiRun;
}
