// Starts and stops code-server (the VS Code server build) for one test run, with every
// folder it writes to inside the run's own folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerEntry, node24 } from './paths';

export interface RunDirs {
  root: string;
  userData: string;
  extensions: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
  /** Short, outside the run folder: Chromium and VS Code put Unix sockets here (108-byte path limit). */
  tmp: string;
  browserProfile: string;
}

/** Makes `.vscode-test/runs/<id>/…` for one run. */
export function makeRunDirs(root: string): RunDirs {
  const dirs: RunDirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdgConfig: path.join(root, 'xdg', 'config'),
    xdgData: path.join(root, 'xdg', 'data'),
    xdgCache: path.join(root, 'xdg', 'cache'),
    tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-e2e-')),
    browserProfile: path.join(root, 'browser-profile'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(dirs.tmp, path.join(root, 'tmp'));
  return dirs;
}

/** The environment for code-server and Chromium: nothing lands in $HOME or /tmp. */
export function runEnv(dirs: RunDirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    TMPDIR: dirs.tmp,
  };
}

/**
 * User settings that keep the first-run UI quiet: no welcome page, tips, walkthroughs,
 * telemetry, update checks, chat panel or trust prompts; plus the extension host each
 * extension of `webHost` must run in.
 */
export function writeUserSettings(dirs: RunDirs, options: Pick<StartOptions, 'workspaceTrust' | 'webHost' | 'settings'>): void {
  const { workspaceTrust, webHost = [] } = options;
  const settings: Record<string, unknown> = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
    'editor.accessibilitySupport': 'off',
    'security.workspace.trust.enabled': workspaceTrust,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
  };
  // An extension with both `main` and `browser` runs on Node unless told otherwise.
  if (webHost.length) settings['remote.extensionKind'] = Object.fromEntries(webHost.map((id) => [id, ['web']]));
  Object.assign(settings, options.settings);
  const userDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** A free TCP port on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Fails with a hint when scripts/e2e/setup.sh has not been run. */
export function assertInstalled(): void {
  for (const file of [node24, codeServerEntry]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run scripts/e2e/setup.sh first`);
  }
}

function serverArgs(dirs: RunDirs): string[] {
  return [codeServerEntry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Installs a packaged extension (.vsix) into the run's extensions folder. */
export function installExtension(dirs: RunDirs, vsix: string): void {
  const result = spawnSync(node24, [...serverArgs(dirs), '--install-extension', path.resolve(vsix)], {
    env: runEnv(dirs),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}

export interface StartOptions {
  /** Keep VS Code's workspace trust on (the folder then opens in restricted mode). */
  workspaceTrust: boolean;
  /**
   * Turn on VS Code's smoke-test driver: needed for the extensionTestsPath payload (host
   * tests), and wrong for UI tests, since with it the workbench shows no notification toasts.
   */
  smokeTestDriver: boolean;
  /** Forward code-server's own output to this process's stderr (it always goes to the run's log). */
  verbose: boolean;
  /** Ids (publisher.name) of extensions to run in the browser's web worker extension host. */
  webHost?: readonly string[];
  /** More user settings: how a runner hands options to tests in a web worker, which has no environment. */
  settings?: Readonly<Record<string, unknown>>;
}

export class CodeServer {
  private exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Starts code-server on a free loopback port and waits until /healthz answers. */
  static async start(dirs: RunDirs, options: StartOptions): Promise<CodeServer> {
    assertInstalled();
    writeUserSettings(dirs, options);
    const port = await freePort();
    const config = path.join(dirs.root, 'config.yaml');
    fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const args = [
      ...serverArgs(dirs),
      '--config', config,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
    ];
    if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    if (!options.workspaceTrust) args.push('--disable-workspace-trust');
    const logFile = path.join(dirs.root, 'code-server.log');
    const log = fs.openSync(logFile, 'a');
    // detached: its own process group, so stop() can end its children (a file watcher) too.
    const child = spawn(node24, args, {
      // The extension host inherits this environment; suites can read the trust mode from it.
      env: { ...runEnv(dirs), NNSPEC_E2E_WORKSPACE_TRUST: options.workspaceTrust ? '1' : '0' },
      detached: true,
      stdio: ['ignore', options.verbose ? 'inherit' : log, options.verbose ? 'inherit' : log],
    });
    fs.closeSync(log);
    const server = new CodeServer(child, `http://127.0.0.1:${port}`, logFile);
    liveServers.add(server);
    try {
      await server.waitHealthy(60_000);
    } catch (error) {
      server.stop();
      throw error;
    }
    return server;
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited) throw new Error(`code-server exited early; see ${this.logFile}`);
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms; see ${this.logFile}`);
  }

  /**
   * The remote authority the workbench uses for `vscode-remote://` URIs of this server.
   * code-server's page says "remote", but its workbench replaces that with `location.host`;
   * extension folders carry the host, and VS Code runs the tests module in the extension
   * host of the extension whose folder holds it only if the two URIs agree.
   */
  remoteAuthority(): string {
    return new URL(this.url).host;
  }

  /** Ends code-server's whole process group; synchronous so it can run in an exit handler. */
  stop(): void {
    liveServers.delete(this);
    if (this.child.exitCode !== null || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /** Waits until the server process has exited (after stop()). */
  async waitExit(): Promise<void> {
    await this.exited;
  }
}

const liveServers = new Set<CodeServer>();
/** Whatever happens to the runner (an exit, Ctrl+C, CI's SIGTERM), no server outlives it. */
process.once('exit', () => {
  for (const server of liveServers) server.stop();
});
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => process.exit(code));
}
