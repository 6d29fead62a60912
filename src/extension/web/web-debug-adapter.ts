/**
 * The network debugger where the extension host is a browser's Web Worker: an inline debug
 * adapter (vscode.DebugAdapterInlineImplementation) that relays the Debug Adapter Protocol to
 * a debug worker of its own (dist/web/debug-worker.js, protocol/web-debug-protocol.ts), so a
 * stepped network never holds the extension host. The adapter is the worker's way to the
 * workspace: it reads the spec when the session starts, the CSV files and weights the launch
 * asks for (by the data files' rules), and saves the trained weights, all through
 * vscode.workspace.fs. A worker that cannot start or fails ends the session with the reason.
 */
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { weightsPathFor } from '../../core/weights/weights-path';
import type { JobPolicy } from '../../protocol/job-policy';
import type { DebuggedSpec, WebDebugHostMessage, WebDebugWorkerMessage } from '../../protocol/web-debug-protocol';
import { readWeightsText } from '../read-weights-text';
import { fileNameOf, folderOf } from '../uri-names';
import type { BrowserWorker } from './browser-worker';
import { saveWeightsText } from './save-weights-text';
import { readCsvInputs, type WebJobHost } from './web-worker-job';

export class WebDebugAdapter implements vscode.DebugAdapter {
  private readonly sent = new vscode.EventEmitter<vscode.DebugProtocolMessage>();
  readonly onDidSendMessage = this.sent.event;
  private worker: BrowserWorker<WebDebugHostMessage> | undefined;
  /** VS Code's messages until the worker has started. */
  private queued: DebugProtocol.ProtocolMessage[] = [];
  /** Why the session cannot go on (every later request is answered with it). */
  private failure: string | undefined;
  /** The requests relayed to the worker and not yet answered: a worker that fails answers them through `fail`. */
  private readonly unanswered = new Map<number, DebugProtocol.Request>();
  private disposed = false;
  private seq = 1;

  constructor(private readonly host: WebJobHost, private readonly spec: vscode.Uri, private readonly policy: JobPolicy) {
    void this.start().catch((error: unknown) => this.fail(error instanceof Error ? error.message : String(error)));
  }

  handleMessage(message: vscode.DebugProtocolMessage): void {
    const m = message as DebugProtocol.ProtocolMessage;
    if (this.failure !== undefined) return this.refuse(m);
    if (this.worker) this.relay(m);
    else this.queued.push(m);
  }

  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = undefined;
    this.sent.dispose();
  }

  private relay(m: DebugProtocol.ProtocolMessage): void {
    if (m.type === 'request') this.unanswered.set((m as DebugProtocol.Request).seq, m as DebugProtocol.Request);
    this.worker?.postMessage({ type: 'dap', message: m });
  }

  private async start(): Promise<void> {
    const started = await this.host.startWorker<WebDebugHostMessage, WebDebugWorkerMessage>(vscode.Uri.joinPath(this.host.extensionUri, 'dist', 'web', 'debug-worker.js'), {
      onMessage: (message) => this.fromWorker(message),
      onError: (reason) => this.fail(`The debug worker failed: ${reason}`),
    }, 'nnspec debugger');
    if (!started.ok) return this.fail(`The debug worker could not start: ${started.reason}`);
    if (this.disposed || this.failure !== undefined) return started.worker.terminate();
    const [text, kernels] = await Promise.all([this.specText(), this.host.kernels()]);
    // Ended, or the worker failed to load, while the spec was read.
    if (this.disposed || this.failure !== undefined) return started.worker.terminate();
    const spec: DebuggedSpec = {
      path: this.spec.fsPath,
      sourcePath: this.spec.scheme === 'file' ? this.spec.fsPath : this.spec.toString(),
      name: fileNameOf(this.spec),
      text,
    };
    started.worker.postMessage({ type: 'start', spec, policy: this.policy, ...(kernels ? { kernels } : {}) });
    this.worker = started.worker;
    for (const m of this.queued.splice(0)) this.relay(m);
  }

  /** The spec as saved (the desktop's adapter reads the file too). */
  private async specText(): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.spec));
    } catch {
      return undefined;
    }
  }

  private fromWorker(message: WebDebugWorkerMessage): void {
    if (this.disposed || this.failure !== undefined) return;
    switch (message.type) {
      case 'dap':
        if (message.message?.type === 'response') this.unanswered.delete((message.message as DebugProtocol.Response).request_seq);
        this.sent.fire(message.message);
        return;
      case 'need-inputs':
        this.inputs(message.csvPaths, message.weightsPath).then((inputs) => this.worker?.postMessage(inputs), (error: unknown) => this.fail(`The launch's files could not be read: ${String(error)}`));
        return;
      case 'save-weights':
        saveWeightsText(this.weightsUri(), message.text).then((saved) => this.worker?.postMessage({ type: 'weights-saved', saved }), (error: unknown) => this.fail(`The weights could not be saved: ${String(error)}`));
        return;
      case 'failed':
        return this.fail(message.message);
      default: {
        const never: never = message;
        void never;
      }
    }
  }

  private async inputs(csvPaths: readonly string[], weightsPath: string | undefined): Promise<WebDebugHostMessage> {
    const csv = await readCsvInputs(this.host, this.spec, this.policy, Array.isArray(csvPaths) ? csvPaths.filter((p) => typeof p === 'string') : []);
    if (typeof weightsPath !== 'string') return { type: 'inputs', csv, weights: { status: 'missing' } };
    // As on the desktop: relative to the spec's folder (an absolute path stays on the spec's file system).
    const weights = weightsPath.startsWith('/') ? this.spec.with({ path: weightsPath, query: '', fragment: '' }) : vscode.Uri.joinPath(folderOf(this.spec), weightsPath);
    return { type: 'inputs', csv, weights: await readWeightsText(weights) };
  }

  private weightsUri(): vscode.Uri {
    return this.spec.with({ path: weightsPathFor(this.spec.path) });
  }

  /** Ends the session with `reason`: in the Debug Console, as an answer to every request waiting, and a terminated event. */
  private fail(reason: string): void {
    if (this.failure !== undefined || this.disposed) return;
    this.failure = reason;
    this.worker?.terminate();
    this.worker = undefined;
    this.event('output', { category: 'stderr', output: `nnspec: ${reason}\n` });
    for (const m of [...this.unanswered.values(), ...this.queued.splice(0)]) this.refuse(m);
    this.unanswered.clear();
    this.event('terminated', {});
  }

  private refuse(m: DebugProtocol.ProtocolMessage): void {
    if (m.type !== 'request') return;
    const request = m as DebugProtocol.Request;
    const response: DebugProtocol.Response = { type: 'response', seq: this.seq++, request_seq: request.seq, command: request.command, success: request.command === 'disconnect', message: this.failure };
    this.sent.fire(response);
  }

  private event(event: string, body: object): void {
    this.sent.fire({ type: 'event', seq: this.seq++, event, body } as DebugProtocol.Event);
  }
}
