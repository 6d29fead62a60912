/**
 * The debug session in a browser's Web Worker (web-debug-worker.ts), which can neither block
 * nor reach a workspace file: the spec comes from the host with the session's start, the CSV
 * files and weights by one round trip at launch, and the trained weights go back to it to be
 * saved. The run goes in slices (DebugRun.runSliced), so the client's requests are handled as
 * message events between them; a stop awaits the request that resumes it.
 */
import type { DebugRun, RunEnd } from '../core/debug/debug-run';
import type { Compute } from '../core/nn/compute';
import type { Slicing } from '../core/nn/optimizers/steps';
import { initialTheta } from '../core/train/architecture-of';
import { readWeights } from '../core/weights/parse';
import { serializeWeights, type WeightsInput } from '../core/weights/serialize';
import { csvPathsOf, openSpecInMemory } from '../jobs/open-spec-in-memory';
import type { JobPolicy } from '../protocol/job-policy';
import type { DebuggedSpec, WebDebugHostMessage } from '../protocol/web-debug-protocol';
import type { WeightsSavedMessage } from '../protocol/web-worker-protocol';
import type { NnspecLaunchArguments } from './launch-arguments';
import { NnspecDebugSession, type OpenedLaunch, type RunCompute } from './nnspec-debug-session';

/** The launch's inputs as the host read them. */
export type DebugInputs = Extract<WebDebugHostMessage, { type: 'inputs' }>;

/** What the worker gives its session: the spec, the rules, the kernels, and its host's services. */
export interface WebDebugEdge {
  readonly spec: DebuggedSpec;
  readonly policy: JobPolicy;
  readonly compute: Compute;
  readonly slicing: Slicing;
  /** Asks the host for the CSV files and the weights file of a launch. */
  requestInputs(csvPaths: readonly string[], weightsPath: string | undefined): Promise<DebugInputs>;
  /** Asks the host to save a weights file's text beside the spec. */
  saveWeights(text: string): Promise<WeightsSavedMessage>;
}

export class WebDebugSession extends NnspecDebugSession {
  // No environment to ask for stacks: a defect is one line.
  protected readonly showsStacks = false;
  private wake: (() => void) | undefined;

  constructor(private readonly edge: WebDebugEdge) {
    super();
  }

  protected async openLaunch(args: NnspecLaunchArguments): Promise<OpenedLaunch> {
    const { spec, policy } = this.edge;
    if (spec.text === undefined) return { ok: false, message: `${spec.name} could not be read.` };
    const inputs = await this.edge.requestInputs(csvPathsOf(spec.text, policy), args.weights);
    const opened = openSpecInMemory(spec.path, spec.text, policy, new Map(inputs.csv));
    if (!opened.ok) {
      const count = opened.failure.diagnostics?.length;
      return { ok: false, message: `${opened.failure.message}${count ? ' See the Problems view.' : ''}` };
    }
    let theta0 = initialTheta(opened.value.spec).theta;
    if (args.weights !== undefined) {
      const weights = inputs.weights;
      if (weights.status === 'missing') return { ok: false, message: `The weights file ${args.weights} does not exist.` };
      if (weights.status === 'failed') return { ok: false, message: weights.message };
      const loaded = readWeights(weights.text, opened.value.architecture.sizes);
      if (!loaded.ok) return { ok: false, message: `${args.weights}: ${loaded.error.message}` };
      theta0 = loaded.value.theta;
    }
    return { ok: true, value: { specPath: spec.sourcePath, specName: spec.name, text: spec.text, opened: opened.value, theta0 } };
  }

  /** Only the session's spec is known here (by either of its paths). */
  protected specTextOf(file: string): string | undefined {
    const { spec } = this.edge;
    return file === spec.sourcePath || file === spec.path ? spec.text : undefined;
  }

  protected openCompute(): RunCompute {
    return { compute: this.edge.compute, dispose: () => undefined };
  }

  protected drive(run: DebugRun, stopOnEntry: boolean): Promise<RunEnd> {
    return run.runSliced(stopOnEntry, this.edge.slicing);
  }

  protected waitForResume(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  protected override resumeDecided(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  // The worker's event loop hands each request to handleMessage as it arrives.
  protected serveArrived(): void {}

  protected async saveWeights(_specPath: string, weights: WeightsInput): Promise<string> {
    const text = serializeWeights(weights);
    if (!text.ok) return `The weights could not be saved: ${text.error.message}`;
    const saved = await this.edge.saveWeights(text.value);
    return 'path' in saved ? `Weights saved to ${saved.path}.` : `The weights could not be saved: ${saved.failure.message}`;
  }
}
