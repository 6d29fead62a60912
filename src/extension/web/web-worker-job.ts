/**
 * A job in the browser's training worker (a Web Worker running dist/web/worker.js). The host
 * is the worker's only way to the workspace: it reads the CSV files its spec names (by the
 * desktop's rules, web/workspace-data-files.ts) and its weights file, and saves the trained
 * weights, all through vscode.workspace.fs. With no shared memory, a cancel and the
 * inspector's wishes go by message (protocol/web-worker-protocol.ts).
 */
import * as vscode from 'vscode';
import { weightsPathFor } from '../../core/weights/weights-path';
import type { ReadCsvMessage, WebHostMessage, WebWorkerJob, WebWorkerMessage } from '../../protocol/web-worker-protocol';
import { isFinal, SNAPSHOT_EXAMPLE, SNAPSHOT_WANTED, type FinalWorkerEvent, type WorkerEvent, type WorkerJob } from '../../protocol/worker-protocol';
import type { DistributiveOmit } from '../../protocol/distributive-omit';
import type { JobPolicy } from '../../protocol/job-policy';
import { finalEvent } from '../jobs/final-event';
import type { ThreadedJob } from '../jobs/running-job';
import { saveWeightsText } from './save-weights-text';
import { readWeightsText } from '../read-weights-text';
import type { WorkspaceDataFiles } from './workspace-data-files';
import type { BrowserWorker, BrowserWorkerHandlers } from './browser-worker';

/** Starts the message worker (dist/web/worker.js): a Web Worker in the browser, a worker thread in a Node host. */
export type MessageWorkerStarter = <H = WebHostMessage, W = WebWorkerMessage>(script: vscode.Uri, handlers: BrowserWorkerHandlers<W>, name?: string) => Promise<{ ok: true; worker: BrowserWorker<H> } | { ok: false; reason: string }>;

/** What the host gives every web job: the extension's files (the worker script, the kernels) and the data files' rules. */
export interface WebJobHost {
  readonly extensionUri: vscode.Uri;
  readonly startWorker: MessageWorkerStarter;
  readonly dataFiles: WorkspaceDataFiles;
  /** The WebAssembly kernels' bytes, read once (undefined: the TypeScript kernels serve). */
  kernels(): Promise<Uint8Array | undefined>;
}

/** Starts `job` on `spec` in a new Web Worker; `onEvent` sees each non-final event. */
export function startWebWorkerJob(host: WebJobHost, job: DistributiveOmit<WorkerJob, 'cancelFlag'>, onEvent: (event: WorkerEvent) => void, spec: vscode.Uri): ThreadedJob {
  let worker: BrowserWorker | undefined;
  let cancelled = false;
  const final = finalEvent(() => worker?.terminate());
  const finish = (event: FinalWorkerEvent): void => final.finish(event);
  const send = (message: WebHostMessage): void => {
    if (!final.finished) worker?.postMessage(message);
  };
  // The snapshot words the inspector writes (JobRegistry): passed on when they change, checked at each progress event.
  const words = job.type === 'train' ? new Int32Array(job.snapshotControl) : undefined;
  let sentWords = '';
  const sendSnapshotWords = (): void => {
    if (!words) return;
    const wanted = Atomics.load(words, SNAPSHOT_WANTED) === 1;
    const example = Atomics.load(words, SNAPSHOT_EXAMPLE);
    if (`${wanted}:${example}` === sentWords) return;
    sentWords = `${wanted}:${example}`;
    send({ type: 'snapshots', wanted, example });
  };
  const weightsUri = spec.with({ path: weightsPathFor(spec.path) });

  const onMessage = (message: WebWorkerMessage): void => {
    if (final.finished) return;
    switch (message.type) {
      case 'need-inputs':
        void inputsFor(host, job, spec, weightsUri, message.csvPaths).then((inputs) => send(inputs));
        return;
      case 'save-weights':
        void saveWeightsText(weightsUri, message.text).then((saved) => send({ type: 'weights-saved', saved }));
        return;
      default:
        if (isFinal(message)) finish(message);
        else {
          if (message.type === 'progress') sendSnapshotWords();
          onEvent(message);
        }
    }
  };

  void (async () => {
    const started = await host.startWorker(vscode.Uri.joinPath(host.extensionUri, 'dist', 'web', 'worker.js'), {
      onMessage,
      onError: (reason) => finish({ type: 'failed', code: 'worker-crashed', message: `The training worker failed: ${reason}` }),
    });
    if (!started.ok) return finish({ type: 'failed', code: 'worker-unavailable', message: `The training worker could not start: ${started.reason}` });
    worker = started.worker;
    if (final.finished) return worker.terminate();
    const kernels = await host.kernels();
    send({ type: 'start', job: withoutSharedWords(job), ...(kernels ? { kernels } : {}) });
    sendSnapshotWords();
    if (cancelled) send({ type: 'cancel' });
  })().catch((error: unknown) => finish({ type: 'failed', code: 'internal-error', message: error instanceof Error ? error.message : String(error) }));

  return {
    done: final.done,
    cancel: () => {
      cancelled = true;
      // A gradient check, an inspection and an export run in one go (they hear no message until they end): stop the worker.
      if (job.type !== 'train' && job.type !== 'compare-init') finish({ type: 'failed', code: 'worker-terminated', message: 'The job was cancelled.' });
      else send({ type: 'cancel' });
    },
    terminate: (reason = 'The job was stopped.') => finish({ type: 'failed', code: 'worker-terminated', message: reason }),
    worker: { terminate: () => worker?.terminate() },
  };
}

/** Each CSV path a spec's worker asked about, read by the data files' rules (the job's and the debugger's). */
export function readCsvInputs(host: WebJobHost, spec: vscode.Uri, policy: JobPolicy, csvPaths: readonly string[]): Promise<(readonly [string, ReadCsvMessage])[]> {
  const options = {
    workspaceRoot: host.dataFiles.workspaceRootOf(spec),
    allowOutside: policy.allowOutside,
    ...(policy.maxCsvBytes !== undefined ? { maxBytes: policy.maxCsvBytes } : {}),
  };
  const specDir = host.dataFiles.specDirOf(spec);
  return Promise.all(csvPaths.map(async (csvPath): Promise<readonly [string, ReadCsvMessage]> => [csvPath, await host.dataFiles.bytesOf({ specDir, csvPath, options })]));
}

/** The `inputs` message: each CSV path read by the data files' rules, and the job's weights file when it has one. */
async function inputsFor(host: WebJobHost, job: DistributiveOmit<WorkerJob, 'cancelFlag'>, spec: vscode.Uri, weightsUri: vscode.Uri, csvPaths: readonly string[]): Promise<WebHostMessage> {
  const csv = await readCsvInputs(host, spec, job.policy, csvPaths);
  const wantsWeights = (job.type === 'check' || job.type === 'inspect' || job.type === 'export') && job.weightsPath !== undefined;
  return { type: 'inputs', csv, weights: wantsWeights ? await readWeightsText(weightsUri) : { status: 'missing' } };
}

/** The job without the snapshot words (they go by message, and an ArrayBuffer is no part of a job). */
function withoutSharedWords(job: DistributiveOmit<WorkerJob, 'cancelFlag'>): WebWorkerJob {
  if (job.type !== 'train') return job;
  const { snapshotControl: _words, ...rest } = job;
  return rest;
}
