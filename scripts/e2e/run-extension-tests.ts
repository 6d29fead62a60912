// Runs mocha suites inside the real VS Code extension host (code-server), as
// @vscode/test-electron does on a desktop: the workbench loads the extension from its
// folder (extensionDevelopmentPath) and calls run() of the compiled tests module
// (extensionTestsPath). The extension host's console reaches this process's stdout, and the
// process exits with the tests' exit code. With --web the extension runs in the browser's
// web worker extension host instead, and so does the tests module (lib/web-run.ts says why).
//
//   npx tsx scripts/e2e/run-extension-tests.ts [--web] [--extension DIR] [--tests FILE]
//     [--workspace DIR] [--grep TEXT] [--workspace-trust] [--timeout SECONDS] [--keep-run] [--verbose]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from './lib/browser';
import { CodeServer } from './lib/code-server';
import { runHarness } from './lib/harness';
import { repoRoot, resultsDir } from './lib/paths';
import { readExtension, webRunProblem, webSuiteSettings } from './lib/web-run';

const usage = `usage: run-extension-tests [--web] [--extension DIR] [--tests FILE] [--workspace DIR] [--grep TEXT]
  [--workspace-trust] [--timeout SECONDS] [--keep-run] [--verbose]
  --web         run the extension's browser entry in the web worker extension host, and the
                tests there too (the tests module must lie inside the extension's folder)
  --extension   the extension's folder (default: the repo root)
  --tests       compiled tests module exporting run() (default: out/test/e2e/host/index.js;
                with --web, out/test/e2e/web/index.js)
  --workspace   folder to copy and open (default: an empty folder)
  --grep        run only tests whose title matches (MOCHA_GREP on Node; a user setting on the web)
  --workspace-trust  keep workspace trust on (the folder opens in restricted mode)
  --timeout     global timeout in seconds (default: 600)
  --keep-run    keep .vscode-test/runs/<id>/ (logs, profile) after the run
  --verbose     also print code-server's own output`;

/** Lines the offline workbench logs on every start that say nothing about the tests (shown with --verbose). */
const noise = [
  /ENOTFOUND/, /marketplace|gallery/i, /Failed to fetch/,
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/, /^\[Service Worker\]/, /^\[AgentHost/, /^\[AccountPolicyGate\]/,
];

/** Read before parsing, since it names the run folder and the final line. */
const web = process.argv.slice(2).includes('--web');
const extensionPathOf = (values: Map<string, string>): string => path.resolve(values.get('extension') ?? repoRoot);
const testsPathOf = (values: Map<string, string>): string =>
  path.resolve(values.get('tests') ?? path.join(repoRoot, web ? 'out/test/e2e/web/index.js' : 'out/test/e2e/host/index.js'));

void runHarness({
  name: web ? 'web' : 'host',
  title: web ? 'web extension-host tests' : 'extension-host tests',
  usage,
  values: ['extension', 'tests'],
  flags: ['web'],
  check: ({ values }) => {
    for (const [what, file] of [['extension manifest', path.join(extensionPathOf(values), 'package.json')], ['tests module', testsPathOf(values)]] as const) {
      if (!fs.existsSync(file)) return `[e2e] ${what} not found: ${file} (build it first)`;
    }
    return web ? webRunProblem(extensionPathOf(values), testsPathOf(values)) : undefined;
  },
  body: async ({ args, dirs, workspace, useServer }) => {
    const grep = args.values.get('grep');
    if (grep) process.env.MOCHA_GREP = grep; // the extension host inherits code-server's environment
    const verbose = args.flags.has('verbose');
    const server = await CodeServer.start(dirs, {
      workspaceTrust: args.flags.has('workspace-trust'),
      smokeTestDriver: true,
      verbose,
      ...(web ? { webHost: [readExtension(extensionPathOf(args.values)).id], settings: webSuiteSettings(grep, process.env.MOCHA_TIMEOUT) } : {}),
    });
    useServer(server);
    const authority = server.remoteAuthority();
    const context = await launchBrowser(dirs);
    const page = context.pages()[0] ?? (await context.newPage());

    /** The suite's plain closing line, printed again last so CI's reader finds it at the end. */
    let summary: string | undefined;
    let settle: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (_level: string, message: string) => {
      const text = String(message);
      if (/^extension-host: \d+ passed, \d+ failed/.test(text)) summary = text;
      if (verbose || !noise.some((pattern) => pattern.test(text))) console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    page.on('crash', () => {
      console.error('[e2e] the workbench page crashed');
      settle(1);
    });
    page.on('pageerror', (error) => console.error(`[e2e] page error: ${error.message}`));

    const remote = (file: string) => `vscode-remote://${authority}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPathOf(args.values))],
      ['extensionTestsPath', remote(testsPathOf(args.values))],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const exitCode = await finished;
    if (exitCode !== 0) {
      const shot = path.join(resultsDir, 'screenshots', web ? 'web-tests-failed.png' : 'host-tests-failed.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.error(`[e2e] screenshot: ${shot}; server log: ${server.logFile}`);
    }
    return { exitCode, ...(summary ? { summary } : {}) };
  },
}).then((code) => process.exit(code));
