/**
 * The fuzz worker: runs one target's property with fast-check (or replays given inputs)
 * and reports back. Before each case it writes the case number and the input into shared
 * memory, so the parent can tell a hang from slow progress and name the input that hangs
 * even after it has to terminate this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { fuzzTargets } from './targets';
import type { FromWorker, WorkerJob } from './protocol';

const job = workerData as WorkerJob;
const target = fuzzTargets().find((t) => t.name === job.target);
const counter = new Int32Array(job.shared, 0, 2);
const body = new Uint8Array(job.shared, 8);
const encoder = new TextEncoder();

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

/** Marks the start of a case: its number, and its text (cut to the buffer) for the watchdog. */
function started(text: string): void {
  const { written } = encoder.encodeInto(text, body);
  Atomics.store(counter, 1, written);
  Atomics.add(counter, 0, 1);
}

/** Runs a check, failing a case that takes longer than the budget (a hang is caught by the parent). */
function timedCheck(input: unknown): void {
  started(target!.show(input));
  const t0 = performance.now();
  target!.check(input);
  const ms = performance.now() - t0;
  if (ms > job.caseBudgetMs) throw new Error(`one case took ${ms.toFixed(0)} ms, over the budget of ${job.caseBudgetMs} ms`);
}

if (!target) {
  post({ kind: 'error', message: `no fuzz target named ${job.target}` });
} else if (job.mode === 'replay') {
  parentPort?.on('message', (shown: string) => {
    try {
      timedCheck(target.parse(shown));
      post({ kind: 'replayed', failed: false });
    } catch (error) {
      post({ kind: 'replayed', failed: true, error: String(error) });
    }
  });
  post({ kind: 'ready' });
} else {
  const t0 = performance.now();
  const details = fc.check(fc.property(target.arbitrary, timedCheck), { numRuns: job.numRuns, seed: job.seed });
  const ms = performance.now() - t0;
  const counterexample = details.counterexample?.[0];
  post({
    kind: 'done',
    cases: details.numRuns,
    ms,
    ...(details.failed && {
      failure: {
        input: counterexample === undefined ? '' : target.show(counterexample),
        error: details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance),
        seed: details.seed,
        path: details.counterexamplePath ?? '',
        shrinks: details.numShrinks,
      },
    }),
  });
}
