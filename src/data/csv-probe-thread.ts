/**
 * probeCsvAsync and csvRowsBoundAsync in a thread of their own: the caller (the extension
 * host) only waits for the answer. A thread is started per question and ends with its
 * answer; the answers are the in-process probe's (the same functions run there).
 */
import { Worker } from 'node:worker_threads';
import type { CsvProbeResult, CsvRowsBound } from '../core/spec/data-probe';
import { csvRowsBoundAsync, probeCsvAsync, type CsvProbeOptions } from './csv-probe';

/** What the thread is given (workerData). */
export interface CsvProbeRequest {
  readonly specDir: string;
  readonly csvPath: string;
  readonly options: CsvProbeOptions;
  readonly target?: string;
}

/** Each question a thread answers about a file, and its answer: the summary, or only the rows bound (`target` unused). */
export interface CsvThreadAnswers {
  readonly summary: CsvProbeResult;
  readonly 'rows-bound': CsvRowsBound;
}

/** What the thread is given (workerData): the file and the question. */
export type CsvThreadRequest<A extends keyof CsvThreadAnswers = keyof CsvThreadAnswers> = CsvProbeRequest & { readonly ask: A };

/** The answer to a request, in whichever thread it runs. Never rejects. */
export function answerCsvRequest(request: CsvThreadRequest): Promise<CsvThreadAnswers[keyof CsvThreadAnswers]> {
  const { specDir, csvPath, options, target } = request;
  switch (request.ask) {
    case 'summary':
      return probeCsvAsync(specDir, csvPath, options, target);
    case 'rows-bound':
      return csvRowsBoundAsync(specDir, csvPath, options);
    default: {
      const never: never = request.ask;
      return Promise.resolve({ status: 'failed', error: { code: 'csv-unreadable', message: `Unknown CSV probe request ${String(never)}.` } });
    }
  }
}

/**
 * Probes in a worker thread running `workerFile` (dist/csv-probe-worker.js, or its source
 * with `execArgv` that loads TypeScript). If the thread cannot start or dies, the probe runs
 * here instead (asynchronously, as before), so an answer always comes. Never rejects.
 */
export async function probeCsvInThread(workerFile: string, request: CsvProbeRequest, execArgv: string[] = []): Promise<CsvProbeResult> {
  return (await inTurn(() => probeInThreadOnly(workerFile, request, execArgv))) ?? probeCsvAsync(request.specDir, request.csvPath, request.options, request.target);
}

/** csvRowsBoundAsync as probeCsvInThread runs probeCsvAsync: in a thread in turn, or here when the thread fails. Never rejects. */
export async function boundCsvRowsInThread(workerFile: string, request: CsvProbeRequest, execArgv: string[] = []): Promise<CsvRowsBound> {
  return (await inTurn(() => answerInThreadOnly(workerFile, { ...request, ask: 'rows-bound' }, execArgv))) ?? csvRowsBoundAsync(request.specDir, request.csvPath, request.options);
}

/**
 * Probe threads running at once: opening a folder of specs must not start a thread (an
 * isolate of ~10 MB) per CSV at the same moment; the rest wait their turn.
 */
export const MAX_PROBE_THREADS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `task` when fewer than MAX_PROBE_THREADS others are running. */
async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  // A finishing task hands its slot to the first waiter, so none is taken twice.
  if (running >= MAX_PROBE_THREADS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Probe threads running now (for tests). */
export function probeThreadsRunning(): number {
  return running;
}

/**
 * A probe thread that has not answered in this time is stopped (a file on a stalled network
 * share): it would otherwise hold its turn for ever. The largest CSV allowed takes seconds.
 */
export const PROBE_TIMEOUT_MS = 120_000;

/**
 * The thread's answer, or undefined when the thread could not start, died without one, or did
 * not answer within `timeoutMs`.
 */
export function probeInThreadOnly(workerFile: string, request: CsvProbeRequest, execArgv: string[] = [], timeoutMs = PROBE_TIMEOUT_MS): Promise<CsvProbeResult | undefined> {
  return answerInThreadOnly(workerFile, { ...request, ask: 'summary' }, execArgv, timeoutMs);
}

/** The thread's answer to `request`, or undefined as for probeInThreadOnly. */
export function answerInThreadOnly<A extends keyof CsvThreadAnswers>(
  workerFile: string,
  request: CsvThreadRequest<A>,
  execArgv: string[] = [],
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<CsvThreadAnswers[A] | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(workerFile, { workerData: request, execArgv });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: CsvThreadAnswers[A] | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(undefined), timeoutMs);
    worker.once('message', (result: CsvThreadAnswers[A]) => settle(result));
    worker.once('error', () => settle(undefined));
    worker.once('exit', () => settle(undefined));
  });
}
