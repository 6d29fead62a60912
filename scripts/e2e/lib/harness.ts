// The lifecycle both runners share: parse the arguments (usage and --help), make a run
// folder and its workspace, guard everything with a global timeout, and whatever happens
// close the browsers, stop code-server and clean up; then print the timing and the suite's
// plain closing line last, where CI's reader finds it.
import { parseArgs } from './args';
import { closeBrowsers } from './browser';
import type { CodeServer } from './code-server';
import { cleanupRun, globalTimeout, newRun, prepareWorkspace } from './run-dir';

type Args = ReturnType<typeof parseArgs>;
type Dirs = ReturnType<typeof newRun>;

/** What a runner's body gets, and reports back through. */
export interface HarnessRun {
  readonly args: Args;
  readonly dirs: Dirs;
  readonly workspace: string;
  /** Give the harness the server as soon as it runs, so a timeout or failure stops it. */
  useServer(server: CodeServer): void;
}

export interface HarnessOutcome {
  readonly exitCode: number;
  /** The plain `N passed, N failed` line, when the suites got that far. */
  readonly summary?: string;
}

export interface HarnessSpec {
  /** Names the run folder and the final line ("host", "ui"). */
  readonly name: string;
  /** Printed in the final line: "extension-host tests", "UI tests". */
  readonly title: string;
  readonly usage: string;
  readonly values: readonly string[];
  /** Options of this runner that take no value, beside the shared ones. */
  readonly flags?: readonly string[];
  /** Checks the arguments before anything starts: a message means exit 2 with it. */
  readonly check?: (args: Args) => string | undefined;
  readonly body: (run: HarnessRun) => Promise<HarnessOutcome>;
}

/** Runs a harness and resolves to the process exit code. */
export async function runHarness(spec: HarnessSpec): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2), [...spec.values, 'workspace', 'grep', 'timeout'], [...(spec.flags ?? []), 'workspace-trust', 'keep-run', 'verbose', 'help']);
  } catch (error) {
    console.error(`${(error as Error).message}\n${spec.usage}`);
    return 2;
  }
  if (args.flags.has('help')) {
    console.log(spec.usage);
    return 0;
  }
  const problem = spec.check?.(args);
  if (problem) {
    console.error(problem);
    return 2;
  }
  const dirs = newRun(spec.name);
  let server: CodeServer | undefined;
  const timer = globalTimeout(Number(args.values.get('timeout') ?? 600) * 1000, async () => {
    await closeBrowsers();
    server?.stop();
    cleanupRun(dirs, true);
  });
  const started = Date.now();
  let outcome: HarnessOutcome = { exitCode: 1 };
  try {
    const workspace = prepareWorkspace(dirs, args.values.get('workspace'));
    outcome = await spec.body({ args, dirs, workspace, useServer: (s) => (server = s) });
  } catch (error) {
    console.error(`[e2e] ${(error as Error).stack ?? error}`);
    outcome = { exitCode: 1 };
  } finally {
    clearTimeout(timer);
    await closeBrowsers();
    server?.stop();
    await server?.waitExit();
    cleanupRun(dirs, args.flags.has('keep-run') || outcome.exitCode !== 0);
  }
  const { exitCode, summary } = outcome;
  console.log(`[e2e] ${spec.title} ${exitCode === 0 ? 'passed' : `failed (exit ${exitCode})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (summary) console.log(summary);
  return exitCode;
}
