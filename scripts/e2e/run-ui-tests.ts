// Runs Playwright-driven mocha suites through the real VS Code workbench (code-server in
// Debian's Chromium), with the packaged .vsix installed, so what is tested is what ships.
// The suites run here in plain Node and use test/e2e/ui/lib/workbench.ts.
//
// With --web the installed extension runs in the browser's web worker extension host (its
// `browser` entry), and the suites default to test/e2e/ui-web.
//
//   npx tsx scripts/e2e/run-ui-tests.ts [--web] --vsix FILE [--suites DIR] [--workspace DIR]
//     [--grep TEXT] [--workspace-trust] [--timeout SECONDS] [--keep-run] [--verbose]
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { CodeServer, installExtension } from './lib/code-server';
import { runHarness } from './lib/harness';
import { repoRoot } from './lib/paths';
import { uiRunEnv, type UiRun } from './lib/ui-run';
import { screenshotOpenWorkbenches } from '../../test/e2e/ui/lib/workbench';

const usage = `usage: run-ui-tests [--web] --vsix FILE [--suites DIR] [--workspace DIR] [--grep TEXT]
  [--workspace-trust] [--timeout SECONDS] [--keep-run] [--verbose]
  --web         run nnspec in the web worker extension host (its browser entry)
  --vsix        the packaged extension to install
  --suites      folder of *.test.ts suites (default: test/e2e/ui, with --web test/e2e/ui-web)
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

const web = process.argv.slice(2).includes('--web');
const suitesOf = (values: Map<string, string>): string[] => findSuites(path.resolve(values.get('suites') ?? path.join(repoRoot, web ? 'test/e2e/ui-web' : 'test/e2e/ui')));

void runHarness({
  name: web ? 'ui-web' : 'ui',
  title: web ? 'UI tests (web worker extension host)' : 'UI tests',
  usage,
  values: ['vsix', 'suites'],
  flags: ['web'],
  check: ({ values }) => {
    const vsix = values.get('vsix');
    if (!vsix || !fs.existsSync(vsix)) return `[e2e] --vsix ${vsix ?? '(missing)'}: no such file (run the packaging step first)\n${usage}`;
    return suitesOf(values).length === 0 ? '[e2e] no *.test.ts suites found' : undefined;
  },
  body: async ({ args, dirs, workspace, useServer }) => {
    const vsix = args.values.get('vsix')!;
    const t = Date.now();
    installExtension(dirs, vsix);
    console.log(`[e2e] installed ${path.basename(vsix)} in ${Date.now() - t} ms`);
    const server = await CodeServer.start(dirs, {
      workspaceTrust: args.flags.has('workspace-trust'),
      smokeTestDriver: false,
      verbose: args.flags.has('verbose'),
      ...(web ? { webHost: ['nnspec.nnspec'] } : {}),
    });
    useServer(server);
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
    for (const file of suitesOf(args.values)) mocha.addFile(file);
    await mocha.loadFilesAsync();
    const stats = await new Promise<Mocha.Stats>((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats!));
    });
    const exitCode = stats.failures > 0 || stats.passes === 0 ? 1 : 0;
    if (exitCode !== 0) console.error(`[e2e] server log: ${server.logFile}`);
    return { exitCode, summary: `${web ? 'ui-web' : 'ui'}: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped` };
  },
}).then((code) => process.exit(code));
