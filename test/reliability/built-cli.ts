/**
 * The CLI as users run it: bin/nnspec.js over a bundle of src/cli/main.ts, built with the
 * project's esbuild settings into a temporary folder (so the tests never depend on a stale
 * or half-written dist/), and spawned as a real process.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.join(__dirname, '..', '..');
let built: string | undefined;

/** Builds once per test process; returns the path of the bin script to run with node. */
export function builtCli(): string {
  if (built) return built;
  const dir = mkdtempSync(path.join(tmpdir(), 'nnspec-built-cli-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'bin'));
  // As dist/ holds them: the CLI, the pool's evaluation worker beside it, and the kernels.
  for (const [entry, out] of [['src/cli/main.ts', 'cli.js'], ['src/parallel/evaluation-worker.ts', 'evaluation-worker.js']] as const) {
    buildSync({
      entryPoints: [path.join(ROOT, entry)],
      outfile: path.join(dir, 'dist', out),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      logLevel: 'error',
    });
  }
  const wasm = path.join(ROOT, 'dist', 'nn-kernels.wasm');
  if (!existsSync(wasm)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-kernels.mjs')], { stdio: 'inherit' });
  copyFileSync(wasm, path.join(dir, 'dist', 'nn-kernels.wasm'));
  copyFileSync(path.join(ROOT, 'bin', 'nnspec.js'), path.join(dir, 'bin', 'nnspec.js'));
  built = path.join(dir, 'bin', 'nnspec.js');
  return built;
}

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `nnspec args…` in `cwd`; `extraEnv` is added to the environment. */
export function startCli(args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [builtCli(), ...args], { cwd, env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Waits for a started CLI to end, collecting its output. */
export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `nnspec args…` in `cwd` to the end. */
export function runCli(args: readonly string[], cwd: string): Promise<Finished> {
  return finished(startCli(args, cwd));
}

/** A JavaScript stack trace in output: "    at f (file:1:2)" lines or a bare Error dump. */
export const STACK_TRACE = /^\s+at .+(?:\(.*:\d+:\d+\)|:\d+:\d+)$|^(?:Type|Range|Reference|Syntax)?Error: |node:internal/m;
