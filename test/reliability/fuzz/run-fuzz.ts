/**
 * Runs a fuzz target in a worker thread under a watchdog. The worker counts cases in
 * shared memory; when the count stops moving for `hangMs`, the case under way hangs: the
 * worker is terminated (a synchronous loop cannot be interrupted any other way) and the
 * input is read from shared memory, then reduced by deleting ever smaller spans while it
 * still hangs, each attempt in a fresh worker under the same watchdog. Exceptions and
 * slow cases are shrunk by fast-check inside the worker.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, FuzzFailure, WorkerJob } from './protocol';

const BOOT = path.join(__dirname, 'worker-boot.js');
/** Room for the input under way: longer inputs are cut (a hang report then says so). */
const SHARED_BYTES = 1 << 20;
/** Loading TypeScript in a fresh worker may take a while on a busy machine. */
const STARTUP_MS = 60_000;

export interface FuzzOptions {
  readonly numRuns: number;
  readonly seed: number;
  /** No new case for this long means a hang. */
  readonly hangMs: number;
  /** A case slower than this fails like an exception. */
  readonly caseBudgetMs: number;
  /** Replays allowed to reduce a hanging input (default 40). */
  readonly reduceAttempts?: number;
}

export interface FuzzReport {
  readonly target: string;
  readonly cases: number;
  readonly ms: number;
  /** fast-check's shrunk counterexample. */
  readonly failure?: FuzzFailure;
  /** An input on which a case never finished, reduced while it still hangs. */
  readonly hang?: { readonly input: string; readonly original: string; readonly truncated: boolean };
  /** The worker itself failed (could not load, crashed). */
  readonly crash?: string;
}

function start(target: string, mode: WorkerJob['mode'], options: FuzzOptions): { worker: Worker; counter: Int32Array; shared: SharedArrayBuffer } {
  const shared = new SharedArrayBuffer(8 + SHARED_BYTES);
  const job: WorkerJob = { target, mode, numRuns: options.numRuns, seed: options.seed, caseBudgetMs: options.caseBudgetMs, shared };
  return { worker: new Worker(BOOT, { workerData: job }), counter: new Int32Array(shared, 0, 2), shared };
}

function currentInput(shared: SharedArrayBuffer): { text: string; truncated: boolean } {
  const length = new Int32Array(shared, 0, 2)[1]!;
  return { text: new TextDecoder().decode(new Uint8Array(shared, 8, length)), truncated: length >= SHARED_BYTES - 4 };
}

/** Fuzzes `target` for options.numRuns cases. */
export async function fuzzTarget(target: string, options: FuzzOptions): Promise<FuzzReport> {
  const { worker, counter, shared } = start(target, 'fuzz', options);
  const t0 = Date.now();
  const outcome = await new Promise<FromWorker | { kind: 'hang' } | { kind: 'crash'; message: string }>((resolve) => {
    let seen = -1;
    let since = Date.now();
    const watchdog = setInterval(() => {
      const now = Atomics.load(counter, 0);
      if (now !== seen) {
        seen = now;
        since = Date.now();
      } else if (Date.now() - since > (now === 0 ? STARTUP_MS : options.hangMs)) {
        clearInterval(watchdog);
        resolve({ kind: 'hang' });
      }
    }, Math.min(250, options.hangMs / 4));
    worker.once('message', (m: FromWorker) => {
      clearInterval(watchdog);
      resolve(m);
    });
    worker.once('error', (e) => {
      clearInterval(watchdog);
      resolve({ kind: 'crash', message: e.stack ?? String(e) });
    });
  });
  const cases = Atomics.load(counter, 0);
  if (outcome.kind === 'hang') {
    const { text, truncated } = currentInput(shared);
    await worker.terminate();
    const reduced = truncated ? text : await reduceHang(target, text, options, options.reduceAttempts ?? 40);
    return { target, cases, ms: Date.now() - t0, hang: { input: reduced, original: text, truncated } };
  }
  await worker.terminate();
  if (outcome.kind === 'crash') return { target, cases, ms: Date.now() - t0, crash: outcome.message };
  if (outcome.kind === 'error') return { target, cases, ms: Date.now() - t0, crash: outcome.message };
  if (outcome.kind !== 'done') return { target, cases, ms: Date.now() - t0, crash: `unexpected message ${outcome.kind}` };
  return { target, cases: outcome.cases, ms: outcome.ms, ...(outcome.failure && { failure: outcome.failure }) };
}

/** Whether `input` still hangs: replayed in a worker that must answer within hangMs. */
async function hangs(target: string, input: string, options: FuzzOptions): Promise<boolean> {
  const { worker } = start(target, 'replay', options);
  try {
    return await new Promise<boolean>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const startup = setTimeout(() => resolve(true), STARTUP_MS);
      worker.on('message', (m: FromWorker) => {
        if (m.kind === 'ready') {
          clearTimeout(startup);
          timer = setTimeout(() => resolve(true), options.hangMs);
          worker.postMessage(input);
        } else if (m.kind === 'replayed') {
          clearTimeout(timer);
          resolve(false);
        }
      });
      worker.once('error', () => resolve(false));
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * Deletes spans of input while it still hangs: halves, then quarters, … down to single
 * characters, at most `budget` attempts (each may cost hangMs).
 */
async function reduceHang(target: string, input: string, options: FuzzOptions, budget: number): Promise<string> {
  let current = input;
  let attempts = 0;
  for (let span = Math.ceil(current.length / 2); span >= 1 && attempts < budget; span = Math.floor(span / 2)) {
    for (let at = 0; at < current.length && attempts < budget; ) {
      const candidate = current.slice(0, at) + current.slice(at + span);
      attempts++;
      // Inputs that are not text (JSON records) stay as they are when a cut breaks them.
      let parsable = true;
      try {
        JSON.parse(candidate);
      } catch {
        parsable = !current.startsWith('{');
      }
      if (parsable && (await hangs(target, candidate, options))) current = candidate;
      else at += span;
    }
  }
  return current;
}

/** One line per report: cases, cases/second and the verdict. */
export function describeReport(r: FuzzReport): string {
  const rate = r.ms > 0 ? Math.round((r.cases / r.ms) * 1000) : 0;
  const verdict = r.failure
    ? `FAILED (seed ${r.failure.seed}, path ${r.failure.path}, ${r.failure.shrinks} shrinks)\n  minimal input: ${JSON.stringify(r.failure.input)}\n  ${r.failure.error.split('\n').slice(0, 6).join('\n  ')}`
    : r.hang
      ? `HANG\n  reduced input: ${JSON.stringify(r.hang.input)}${r.hang.truncated ? ' (cut to the shared buffer)' : ''}\n  original input: ${JSON.stringify(r.hang.original.slice(0, 2000))}`
      : r.crash
        ? `CRASH\n  ${r.crash}`
        : 'ok';
  return `${r.target.padEnd(28)} ${String(r.cases).padStart(8)} cases in ${(r.ms / 1000).toFixed(1).padStart(6)} s, ${String(rate).padStart(6)} cases/s: ${verdict}`;
}
