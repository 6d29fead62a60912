// Runs Playwright-driven mocha suites through the real VS Code workbench (code-server in
// Debian's Chromium), with the packaged .vsix installed, so what is tested is what ships.
// The suites run here in plain Node and use test/e2e/ui/lib/workbench.ts.
//
//   npx tsx scripts/e2e/run-ui-tests.ts --vsix FILE [--suites DIR] [--workspace DIR]
//     [--grep TEXT] [--workspace-trust] [--timeout SECONDS] [--keep-run] [--verbose]
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { parseArgs } from './lib/args';
import { closeBrowsers } from './lib/browser';
import { CodeServer, installExtension } from './lib/code-server';
import { repoRoot } from './lib/paths';
import { cleanupRun, globalTimeout, newRun, prepareWorkspace } from './lib/run-dir';
import { uiRunEnv, type UiRun } from './lib/ui-run';
import { screenshotOpenWorkbenches } from '../../test/e2e/ui/lib/workbench';

const usage = `usage: run-ui-tests --vsix FILE [--suites DIR] [--workspace DIR] [--grep TEXT]
  [--workspace-trust] [--timeout SECONDS] [--keep-run] [--verbose]
  --vsix        the packaged extension to install
  --suites      folder of *.test.ts suites (default: test/e2e/ui)
  --workspace   folder to copy and open (default: an empty folder)
  --grep        run only tests whose title matches
  --workspace-trust  keep workspace trust on (the folder opens in restricted mode)
  --timeout     global timeout in seconds (default: 600)
  --keep-run    keep .vscode-test/runs/<id>/ after the run
  --verbose     also print code-server's own output`;

function findSuites(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), ['vsix', 'suites', 'workspace', 'grep', 'timeout'], ['workspace-trust', 'keep-run', 'verbose', 'help']);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (args.flags.has('help')) {
    console.log(usage);
    return 0;
  }
  const vsix = args.values.get('vsix');
  if (!vsix || !fs.existsSync(vsix)) {
    console.error(`[e2e] --vsix ${vsix ?? '(missing)'}: no such file (run the packaging step first)\n${usage}`);
    return 2;
  }
  const suites = findSuites(path.resolve(args.values.get('suites') ?? path.join(repoRoot, 'test/e2e/ui')));
  if (suites.length === 0) {
    console.error('[e2e] no *.test.ts suites found');
    return 2;
  }

  const dirs = newRun('ui');
  let server: CodeServer | undefined;
  const timer = globalTimeout(Number(args.values.get('timeout') ?? 600) * 1000, async () => {
    await closeBrowsers();
    server?.stop();
    cleanupRun(dirs, true);
  });
  const started = Date.now();
  let exitCode = 1;
  /** The plain closing line CI reads, printed last. */
  let summary: string | undefined;
  try {
    const workspace = prepareWorkspace(dirs, args.values.get('workspace'));
    const t = Date.now();
    installExtension(dirs, vsix);
    console.log(`[e2e] installed ${path.basename(vsix)} in ${Date.now() - t} ms`);
    server = await CodeServer.start(dirs, { workspaceTrust: args.flags.has('workspace-trust'), smokeTestDriver: false, verbose: args.flags.has('verbose') });
    const run: UiRun = { url: server.url, workspace, dirs };
    Object.assign(process.env, uiRunEnv(run));

    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, slow: 5_000 });
    mocha.rootHooks({
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state !== 'failed') return;
        const files = await screenshotOpenWorkbenches(`FAILED-${test.fullTitle()}`).catch(() => []);
        for (const file of files) console.error(`      screenshot: ${path.relative(repoRoot, file)}`);
      },
    });
    const grep = args.values.get('grep');
    if (grep) mocha.grep(grep);
    for (const file of suites) mocha.addFile(file);
    await mocha.loadFilesAsync();
    const stats = await new Promise<Mocha.Stats>((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats!));
    });
    summary = `ui: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`;
    exitCode = stats.failures > 0 || stats.passes === 0 ? 1 : 0;
    if (exitCode !== 0) console.error(`[e2e] server log: ${server.logFile}`);
  } catch (error) {
    console.error(`[e2e] ${(error as Error).stack ?? error}`);
    exitCode = 1;
  } finally {
    clearTimeout(timer);
    await closeBrowsers();
    server?.stop();
    await server?.waitExit();
    cleanupRun(dirs, args.flags.has('keep-run') || exitCode !== 0);
  }
  console.log(`[e2e] UI tests ${exitCode === 0 ? 'passed' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (summary) console.log(summary);
  return exitCode;
}

void main().then((code) => process.exit(code));
