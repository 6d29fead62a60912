/**
 * The debug session in the desktop adapter's worker thread (debug-worker.ts): the spec, its
 * data and weights read from disk; the run holds the thread while it computes, and at a stop it
 * serves the client's requests from the WorkerInbox (blocking) until one resumes it.
 */
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugRun, RunEnd } from '../core/debug/debug-run';
import { initialTheta } from '../core/train/architecture-of';
import type { WeightsInput } from '../core/weights/serialize';
import { weightsPathFor } from '../core/weights/weights-path';
import { readWeightsFile, writeWeightsFileSync } from '../data/weights-file';
import { openSpec, readSpecFile } from '../jobs/open-spec';
import { openJobCompute } from '../parallel/job-compute';
import type { NnspecLaunchArguments } from './launch-arguments';
import { NnspecDebugSession, type OpenedLaunch, type RunCompute } from './nnspec-debug-session';
import type { WorkerInbox } from './worker-inbox';

export class NodeDebugSession extends NnspecDebugSession {
  protected readonly showsStacks = process.env['NNSPEC_DEBUG'] === '1';

  /** `inbox`: where the run waits for requests while it holds the thread. */
  constructor(private readonly inbox: WorkerInbox) {
    super();
  }

  protected async openLaunch(args: NnspecLaunchArguments): Promise<OpenedLaunch> {
    const specPath = path.resolve(args.spec);
    const read = readSpecFile(specPath);
    if (!read.ok) return { ok: false, message: read.failure.message };
    const opened = openSpec(specPath, { workspaceRoot: path.resolve(args.workspaceRoot ?? path.dirname(specPath)), allowOutside: args.allowOutside ?? false }, read.value);
    if (!opened.ok) {
      const count = opened.failure.diagnostics?.length;
      return { ok: false, message: `${opened.failure.message}${count ? ' See the Problems view.' : ''}` };
    }
    let theta0 = initialTheta(opened.value.spec).theta;
    if (args.weights !== undefined) {
      const loaded = readWeightsFile(path.resolve(path.dirname(specPath), args.weights), opened.value.architecture.sizes);
      if (!loaded.ok) return { ok: false, message: loaded.error.message };
      theta0 = loaded.value.theta;
    }
    return { ok: true, value: { specPath, specName: path.basename(specPath), text: read.value.text, opened: opened.value, theta0 } };
  }

  protected specTextOf(file: string): string | undefined {
    const read = readSpecFile(file);
    return read.ok && read.value.complete ? read.value.text : undefined;
  }

  protected openCompute(): RunCompute {
    return openJobCompute();
  }

  protected drive(run: DebugRun, stopOnEntry: boolean): RunEnd {
    return run.run(stopOnEntry);
  }

  protected waitForResume(): void {
    while (!this.resumeKnown) this.handleMessage(this.inbox.wait() as DebugProtocol.ProtocolMessage);
  }

  protected serveArrived(): void {
    if (this.inbox.pending) this.inbox.drain((m) => this.handleMessage(m as DebugProtocol.ProtocolMessage));
  }

  protected async saveWeights(specPath: string, weights: WeightsInput): Promise<string> {
    const file = weightsPathFor(specPath);
    const written = writeWeightsFileSync(file, weights);
    return written.ok ? `Weights saved to ${file}.` : `The weights could not be saved: ${written.error.message}`;
  }
}
