// One folder per run under .vscode-test/runs/, with an optional copy of a workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir } from './paths';
import { makeRunDirs, type RunDirs } from './code-server';

/** How many kept run folders (failed or --keep-run) survive; older ones are deleted. */
const keptRuns = 10;

/** Makes a new run folder; `prefix` tells host runs from UI runs. */
export function newRun(prefix: string): RunDirs {
  const runs = path.join(cacheDir, 'runs');
  if (fs.existsSync(runs)) {
    const old = fs.readdirSync(runs).map((name) => path.join(runs, name))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
      .slice(keptRuns - 1);
    for (const dir of old) fs.rmSync(dir, { recursive: true, force: true });
  }
  const id = `${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  return makeRunDirs(path.join(runs, id));
}

/**
 * The folder the workbench opens: a copy of `source` (so tests may edit files freely),
 * or an empty folder.
 */
export function prepareWorkspace(dirs: RunDirs, source: string | undefined): string {
  const target = path.join(dirs.root, 'workspace');
  if (source) fs.cpSync(path.resolve(source), target, { recursive: true });
  else fs.mkdirSync(target, { recursive: true });
  return target;
}

/** Deletes the run's temporary folder, and the run folder unless asked to keep it. */
export function cleanupRun(dirs: RunDirs, keep: boolean): void {
  fs.rmSync(dirs.tmp, { recursive: true, force: true });
  if (!keep) fs.rmSync(dirs.root, { recursive: true, force: true });
}

/**
 * Ends the process with exit code 124 after `ms` whatever is running, so CI never hangs;
 * `onTimeout` gets 10 s to close the browser and the server first.
 */
export function globalTimeout(ms: number, onTimeout: () => Promise<void>): NodeJS.Timeout {
  return setTimeout(() => {
    console.error(`[e2e] global timeout of ${Math.round(ms / 1000)} s reached; stopping`);
    const deadline = new Promise((resolve) => setTimeout(resolve, 10_000));
    void Promise.race([onTimeout().catch(() => undefined), deadline]).then(() => process.exit(124));
  }, ms);
}
