// Runs mocha suites inside the real VS Code extension host (code-server), as
// @vscode/test-electron does on a desktop: the workbench loads the extension from its
// folder (extensionDevelopmentPath) and calls run() of the compiled tests module
// (extensionTestsPath). The extension host's console reaches this process's stdout, and the
// process exits with the tests' exit code.
//
//   npx tsx scripts/e2e/run-extension-tests.ts [--extension DIR] [--tests FILE]
//     [--workspace DIR] [--grep TEXT] [--workspace-trust] [--timeout SECONDS] [--keep-run] [--verbose]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from './lib/args';
import { closeBrowsers, launchBrowser } from './lib/browser';
import { CodeServer } from './lib/code-server';
import { repoRoot, resultsDir } from './lib/paths';
import { cleanupRun, globalTimeout, newRun, prepareWorkspace } from './lib/run-dir';

const usage = `usage: run-extension-tests [--extension DIR] [--tests FILE] [--workspace DIR] [--grep TEXT]
  [--workspace-trust] [--timeout SECONDS] [--keep-run] [--verbose]
  --extension   the extension's folder (default: the repo root)
  --tests       compiled tests module exporting run() (default: out/test/e2e/host/index.js)
  --workspace   folder to copy and open (default: an empty folder)
  --grep        run only tests whose title matches (passed to the host as MOCHA_GREP)
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

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), ['extension', 'tests', 'workspace', 'grep', 'timeout'], ['workspace-trust', 'keep-run', 'verbose', 'help']);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (args.flags.has('help')) {
    console.log(usage);
    return 0;
  }
  const extensionPath = path.resolve(args.values.get('extension') ?? repoRoot);
  const testsPath = path.resolve(args.values.get('tests') ?? path.join(repoRoot, 'out/test/e2e/host/index.js'));
  for (const [what, file] of [['extension manifest', path.join(extensionPath, 'package.json')], ['tests module', testsPath]] as const) {
    if (!fs.existsSync(file)) {
      console.error(`[e2e] ${what} not found: ${file} (build it first)`);
      return 2;
    }
  }
  const grep = args.values.get('grep');
  if (grep) process.env.MOCHA_GREP = grep; // the extension host inherits code-server's environment
  const keep = args.flags.has('keep-run');
  const verbose = args.flags.has('verbose');
  const dirs = newRun('host');
  let server: CodeServer | undefined;
  const timer = globalTimeout(Number(args.values.get('timeout') ?? 600) * 1000, async () => {
    await closeBrowsers();
    server?.stop();
    cleanupRun(dirs, true);
  });
  const started = Date.now();
  let exitCode = 1;
  /** The suite's plain closing line, printed again last so CI's reader finds it at the end. */
  let summary: string | undefined;
  try {
    const workspace = prepareWorkspace(dirs, args.values.get('workspace'));
    server = await CodeServer.start(dirs, { workspaceTrust: args.flags.has('workspace-trust'), smokeTestDriver: true, verbose });
    const authority = await server.remoteAuthority();
    const context = await launchBrowser(dirs);
    const page = context.pages()[0] ?? (await context.newPage());

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
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    exitCode = await finished;
    if (exitCode !== 0) {
      const shot = path.join(resultsDir, 'screenshots', 'host-tests-failed.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.error(`[e2e] screenshot: ${shot}; server log: ${server.logFile}`);
    }
  } catch (error) {
    console.error(`[e2e] ${(error as Error).stack ?? error}`);
    exitCode = 1;
  } finally {
    clearTimeout(timer);
    await closeBrowsers();
    server?.stop();
    await server?.waitExit();
    cleanupRun(dirs, keep || exitCode !== 0);
  }
  console.log(`[e2e] extension-host tests ${exitCode === 0 ? 'passed' : `failed (exit ${exitCode})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (summary) console.log(summary);
  return exitCode;
}

void main().then((code) => process.exit(code));
