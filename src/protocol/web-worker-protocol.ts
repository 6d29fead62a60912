/**
 * The messages between the browser's extension host (web/web-worker-job.ts) and its training
 * worker (worker/web-worker.ts), a Web Worker. The browser shares no memory between them, so
 * what the desktop's worker reads from shared words (a cancel, the inspector's wishes) and
 * from disk (the CSV files, the weights) arrives as messages here; the worker's own events
 * are the desktop's WorkerEvents, plus two requests to its host.
 *
 * One job a worker: `start`, the worker asks for its inputs (`need-inputs`: the CSV paths
 * its spec's validation asks about), the host answers (`inputs`), the job runs; a train job
 * asks its host to save the weights (`save-weights`) and hears where they went
 * (`weights-saved`) before its final event.
 */
import type { DataResult } from '../core/data/data-error';
import type { WeightsErrorCode } from '../core/weights/format';
import type { WorkerEvent, WorkerJob } from './worker-protocol';

/**
 * A job as the browser's worker is given it: the desktop's WorkerJob without the words the
 * desktop shares through memory (`cancelFlag`, `snapshotControl`), which travel as messages.
 */
export type WebWorkerJob = WorkerJob extends infer J ? (J extends WorkerJob ? Omit<J, 'cancelFlag' | 'snapshotControl'> : never) : never;

/** A CSV file as the host read it for the job: its name as messages show it and its bytes, or why not. */
export type ReadCsvMessage = DataResult<{ readonly file: string; readonly bytes: Uint8Array }>;

/** The job's weights file as the host read it: absent, its text, or why it could not be read. */
export type WeightsTextMessage =
  | { readonly status: 'missing' }
  | { readonly status: 'read'; readonly text: string }
  | { readonly status: 'failed'; readonly code: WeightsErrorCode; readonly message: string };

/** Where the host saved the weights, or why it could not. */
export type WeightsSavedMessage = { readonly path: string } | { readonly failure: { readonly code: WeightsErrorCode | 'write-failed'; readonly message: string } };

/** What the host sends its web worker. */
export type WebHostMessage =
  /** The job, and the WebAssembly kernels' bytes when the host could read them. */
  | { readonly type: 'start'; readonly job: WebWorkerJob; readonly kernels?: Uint8Array }
  /** The answer to `need-inputs`: each CSV path asked about, read (or refused) by the desktop's rules. */
  | { readonly type: 'inputs'; readonly csv: readonly (readonly [string, ReadCsvMessage])[]; readonly weights: WeightsTextMessage }
  /** Stop at the next point between evaluations (training, comparisons). */
  | { readonly type: 'cancel' }
  /** An inspector opened, closed or picked another example (what SNAPSHOT_WANTED/SNAPSHOT_EXAMPLE hold on the desktop). */
  | { readonly type: 'snapshots'; readonly wanted: boolean; readonly example: number }
  | { readonly type: 'weights-saved'; readonly saved: WeightsSavedMessage };

/** What the web worker sends its host: the desktop's events, and its requests. */
export type WebWorkerMessage =
  | WorkerEvent
  | { readonly type: 'need-inputs'; readonly csvPaths: readonly string[] }
  | { readonly type: 'save-weights'; readonly text: string };
