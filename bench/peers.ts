/**
 * The peers of `npm run bench -- --compare`, run on the same workloads in the same run:
 * PyTorch (Debian's python3-torch through /usr/bin/python3, 1 thread) and the limit, OpenBLAS
 * dgemm on the products of one evaluation (bench/peers/openblas-limit.c, compiled here against
 * Debian's libopenblas-dev). Each answers a median time per evaluation, or why it cannot.
 * For T1, scikit-learn (Debian's python3-sklearn) trains the digits network.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const PEERS = path.join(ROOT, 'bench', 'peers');
const OUT = path.join(ROOT, 'bench', 'out');

/** A peer's median time per evaluation, or the reason it could not run. */
export type PeerTime = { readonly medianMs: number; readonly detail?: string } | { readonly unavailable: string };

let limitBinary: string | { unavailable: string } | undefined;

/** Compiles the OpenBLAS program once per run. */
function openblasBinary(): string | { unavailable: string } {
  if (limitBinary !== undefined) return limitBinary;
  const header = ['/usr/include/x86_64-linux-gnu/cblas.h', '/usr/include/cblas.h', '/usr/include/aarch64-linux-gnu/cblas.h'].some((f) => existsSync(f));
  if (!header) {
    limitBinary = { unavailable: 'OpenBLAS is not installed: apt-get install -y libopenblas-dev (the limit is then measured)' };
    return limitBinary;
  }
  mkdirSync(OUT, { recursive: true });
  const bin = path.join(OUT, 'openblas-limit');
  try {
    execFileSync('cc', ['-O2', path.join(PEERS, 'openblas-limit.c'), '-o', bin, '-lopenblas'], { stdio: ['ignore', 'ignore', 'pipe'] });
    limitBinary = bin;
  } catch (e) {
    limitBinary = { unavailable: `cc could not build the OpenBLAS program: ${String((e as { stderr?: Buffer }).stderr ?? e).trim()}` };
  }
  return limitBinary;
}

/** Runs a peer program and parses the JSON line it prints. */
function runJson<T>(cmd: string, args: string[], env: NodeJS.ProcessEnv): T {
  return JSON.parse(execFileSync(cmd, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 })) as T;
}

/** The limit: OpenBLAS dgemm on the products of one evaluation, `threads` threads (1 for the targets). */
export function openblasLimit(sizes: readonly number[], m: number, rounds = 5, threads = 1): PeerTime {
  const bin = openblasBinary();
  if (typeof bin !== 'string') return bin;
  const env = { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) };
  const r = runJson<{ medianMs: number; core?: string }>(bin, [String(rounds), ...sizes.map(String), String(m)], env);
  return { medianMs: r.medianMs, detail: `OpenBLAS ${r.core ?? ''} kernel, ${threads} thread${threads > 1 ? 's' : ''}` };
}

/** PyTorch autograd, float64, 1 thread. */
export function torchEvaluation(sizes: readonly number[], m: number, rounds = 5): PeerTime {
  const env = { ...process.env, OMP_NUM_THREADS: '1', OMP_WAIT_POLICY: 'PASSIVE' };
  const r = pythonPeer<{ medianMs: number; torch?: string }>('PyTorch', 'python3-torch', 'torch-eval.py', [String(rounds), ...sizes.map(String), String(m)], env);
  return 'unavailable' in r ? r : { medianMs: r.medianMs, detail: `PyTorch ${r.torch ?? ''}, 1 thread` };
}

/** scikit-learn's digits training (T1): median wall time of `rounds` fits, its accuracy and loss. */
export type SklearnTraining = { readonly medianMs: number; readonly wallsMs: number[]; readonly trainAccuracy: number; readonly finalLoss: number; readonly iterations: number; readonly sklearn: string } | { readonly unavailable: string };

/**
 * Trains scikit-learn's MLPClassifier on `csv` from the initial weights Θ^(1), Θ^(2) (rows =
 * units, bias in column 0), with the default threads of its BLAS, as a user would run it.
 */
export function sklearnDigits(csv: string, theta1: number[][], theta2: number[][], rounds = 5): SklearnTraining {
  mkdirSync(OUT, { recursive: true });
  const thetaFile = path.join(OUT, 't1-initial-theta.json');
  writeFileSync(thetaFile, JSON.stringify({ Theta1: theta1, Theta2: theta2 }));
  return pythonPeer<SklearnTraining>('scikit-learn', 'python3-sklearn', 'sklearn-digits.py', [String(rounds), csv, thetaFile], process.env);
}

/**
 * Runs bench/peers/SCRIPT through Debian's /usr/bin/python3 (the `python3` first on PATH may be
 * another interpreter without the packages) and parses the JSON it prints; says why it could not.
 */
function pythonPeer<T extends object>(peer: string, debianPackage: string, script: string, args: string[], env: NodeJS.ProcessEnv): T | { unavailable: string } {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return { unavailable: `/usr/bin/python3 is missing (apt-get install -y ${debianPackage})` };
  try {
    return runJson<T>(python, [path.join(PEERS, script), ...args], env);
  } catch (e) {
    const msg = String((e as { stderr?: Buffer }).stderr ?? e);
    return { unavailable: msg.includes('No module named') ? `${peer} is not installed: apt-get install -y ${debianPackage}` : `${peer} failed: ${msg.trim().split('\n').pop()}` };
  }
}
