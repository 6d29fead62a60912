// Mocha inside VS Code's web worker extension host. A web tests module (bundled by
// scripts/e2e/build-host-tests.mjs) exports run() = runSuites(its suites); VS Code runs it
// in the host of the extension whose folder holds it, and reports run()'s outcome as the
// exit code. Console lines reach the runner through VS Code's own console forwarding.
import 'mocha/mocha.js'; // mocha's browser build: defines the globals `mocha` and `Mocha`
import * as vscode from 'vscode';
import { format } from './printf';
import { webTestSettings } from './settings';
import { inWebWorker } from './where';

/** A suite file of the bundle: its name, and what evaluates it (its describe() calls). */
export type Suite = readonly [name: string, load: () => unknown];

export async function runSuites(suites: readonly Suite[]): Promise<void> {
  if (!inWebWorker()) {
    // VS Code runs a tests module in the host of the extension whose folder holds it, and on
    // Node when that extension cannot run in the browser.
    throw new Error('the web tests module is not running in the web worker extension host: does the extension whose folder holds it have a `browser` entry, and is it set to run there (remote.extensionKind "web")?');
  }
  // A bundle without suites is a broken build, not a pass.
  if (suites.length === 0) throw new Error('no suites in this web tests bundle');
  const settings = vscode.workspace.getConfiguration(webTestSettings.section);
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: settings.get<number>(webTestSettings.timeoutMs) ?? 60_000 });
  const grep = settings.get<string>(webTestSettings.grep);
  if (grep) mocha.grep(grep);
  for (const [name, load] of suites) {
    try {
      load();
    } catch (error) {
      throw new Error(`loading ${name} failed: ${(error as Error).stack ?? String(error)}`, { cause: error });
    }
  }
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  // The plain closing line the runner reads, as the Node suites print it.
  console.log(`extension-host: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} test(s) failed`);
  if (stats.passes === 0) throw new Error('no test ran');
}
