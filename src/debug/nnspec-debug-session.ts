/**
 * The nnspec debug adapter: translates the Debug Adapter Protocol to the run of core/debug
 * (which knows nothing of the protocol). Where it runs is a subclass's: the desktop adapter's
 * worker thread (node-debug-session.ts: files on disk, the run holding the thread, a stop
 * serving requests from the WorkerInbox), or a browser's Web Worker (web-debug-session.ts:
 * files sent by the extension, the run in slices, a stop awaiting the next request's event).
 * One thread, "backpropagation"; frames, innermost first:
 * the step at its layer's line, "example i of m" at the input layer, the evaluation at cost:,
 * and (training) the iteration at train:. Every request is checked before it reaches the run,
 * and a failure is a clean error response, never a stack trace.
 */
import {
  Breakpoint, BreakpointEvent, DebugSession, InitializedEvent, InvalidatedEvent, OutputEvent, Scope, Source, StackFrame, StoppedEvent, TerminatedEvent, Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DebugRun, type DebugHost, type ResumeCommand, type RunEnd, type RuntimeBreakpoint, type Stop } from '../core/debug/debug-run';
import type { Compute } from '../core/nn/compute';
import type { WeightsInput } from '../core/weights/serialize';
import { EXCEPTION_FILTERS, isExceptionFilter, type ExceptionFilter } from '../core/debug/run-exception';
import { lineOfStep, resolveBreakpoint, stepLocations, type StepLocations } from '../core/debug/step-locations';
import { describeStep } from '../core/debug/step-point';
import type { StopView } from '../core/debug/stop-view';
import type { OpenedSpec } from '../jobs/opened-spec';
import { trainedWeights } from '../jobs/train-job';
import { conditionHolds } from '../core/debug/expression/condition';
import { evaluateExpression } from '../core/debug/expression/evaluator';
import { formatValue } from '../core/debug/expression/format';
import { parseAssignment } from '../core/debug/expression/assignment';
import { parseLogMessage, renderLogMessage, type LogMessage } from '../core/debug/expression/log-message';
import type { ParsedExpression } from '../core/debug/expression/ast';
import { parseExpression } from '../core/debug/expression/parser';
import { parseHitCondition, type HitCondition } from './hit-condition';
import { checkLaunchArguments, type NnspecLaunchArguments } from './launch-arguments';
import { layerSummaries } from '../core/debug/layer-summaries';
import { debugStop } from '../core/debug/debug-stop';
import { DEBUG_STOP_REQUEST, FLUSH_REQUEST, LAYER_SUMMARIES_REQUEST, SPEC_CHANGED_REQUEST, type DebugStopBody, type LayerSummariesBody } from '../protocol/debug-requests';
import { VariableStore } from './matrix-variables';
import { stopExpressionScope } from './stop-expression-scope';
import { stopScopes } from './stop-scopes';

/** A launch's inputs, read where the session runs: the spec (its text, for the step locations) opened with its data, and θ to start from. */
export interface LaunchInputs {
  readonly specPath: string;
  /** The spec's file name, for messages. */
  readonly specName: string;
  readonly text: string;
  readonly opened: OpenedSpec;
  readonly theta0: Float64Array;
}

export type OpenedLaunch = { readonly ok: true; readonly value: LaunchInputs } | { readonly ok: false; readonly message: string };

/** The kernels and threads of a run's full-speed evaluations, released when the run ends. */
export interface RunCompute {
  readonly compute: Compute;
  dispose(): void | Promise<void>;
}

/** What a breakpoint asks beyond its line: a condition, a hit count, a log message (parsed once). */
interface BreakpointOptions {
  readonly condition?: ParsedExpression;
  readonly hitCondition?: HitCondition;
  readonly logMessage?: LogMessage;
  hits: number;
}

const THREAD_ID = 1;
/** How long a launch waits for configurationDone (breakpoints set) before it starts anyway. */
const CONFIGURATION_WAIT_MS = 2000;

export abstract class NnspecDebugSession extends DebugSession implements DebugHost {
  private run: DebugRun | undefined;
  private locations: StepLocations | undefined;
  private specPath = '';
  private specName = '';
  private lastStop: Stop | undefined;
  /** The console has said the spec was edited (once a session). */
  private toldSpecChanged = false;
  private readonly variables = new VariableStore();
  private pendingBreakpoints: readonly number[] = [];
  /** The options of the breakpoints as requested, in request order (the run's ids follow the same order). */
  private breakpointOptions: BreakpointOptions[] = [];
  /** The run's id of each requested breakpoint, and the id the client knows it by (stable across launch). */
  private breakpointIds: number[] = [];
  private clientIds: number[] = [];
  /** Whether the client was told each breakpoint is verified (a launch may re-resolve them for its mode). */
  private toldVerified: boolean[] = [];
  private nextClientId = 1;
  private breakpointProblems: (string | undefined)[] = [];
  private filters: ExceptionFilter[] = EXCEPTION_FILTERS.filter((f) => f.default).map((f) => f.filter);
  private initialized = false;
  private configured: () => void = () => undefined;
  private readonly configurationDone = new Promise<void>((resolve) => (this.configured = resolve));
  /** Set by a request served at a stop: how the run goes on. */
  private resumeWith: ResumeCommand | undefined;
  private pauseRequested = false;
  private terminating = false;

  constructor() {
    super();
    // The run counts lines and columns from 0; the client's convention is converted here.
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
  }

  // ---- where the session runs --------------------------------------------------------------

  /** Reads and opens what a launch names (the spec, its data, its weights); a failure is the message for the client. */
  protected abstract openLaunch(args: NnspecLaunchArguments & { readonly mode: 'evaluate' | 'train' }): Promise<OpenedLaunch>;
  /** The text of the spec `file` as saved, for breakpoints set before the launch (undefined: unreadable or incomplete). */
  protected abstract specTextOf(file: string): string | undefined;
  /** The kernels and threads for the run's full-speed evaluations. */
  protected abstract openCompute(): RunCompute;
  /** Runs `run` to its end: at once on a thread that may block at a stop, in slices on one that must not. */
  protected abstract drive(run: DebugRun, stopOnEntry: boolean): RunEnd | Promise<RunEnd>;
  /** At a stop: returns once a request served has set how to go on (blocking), or a promise of that moment. */
  protected abstract waitForResume(): void | Promise<void>;
  /** Between steps: hands the requests that arrived to handleMessage (nothing to do where the event loop does it). */
  protected abstract serveArrived(): void;
  /** Saves the trained weights beside the spec; the Debug Console's line about it. */
  protected abstract saveWeights(specPath: string, weights: WeightsInput): Promise<string>;
  /** Whether an internal error shows its stack (NNSPEC_DEBUG=1 where there is an environment). */
  protected abstract readonly showsStacks: boolean;
  /** A request served has set how the run goes on (a subclass waiting for it wakes up). */
  protected resumeDecided(): void {}

  // ---- DebugHost: called by the run -------------------------------------------------------

  /** The run stopped: tell the client, then serve its requests until one resumes the run. */
  stopped(stop: Stop): ResumeCommand | Promise<ResumeCommand> {
    this.lastStop = stop;
    this.variables.clear();
    const text = stop.exception?.description ?? describeStep(stop.step);
    const label = stop.exception ? EXCEPTION_FILTERS.find((f) => f.filter === stop.exception!.filter)!.label : undefined;
    const event = new StoppedEvent(stop.reason, THREAD_ID, label) as DebugProtocol.StoppedEvent;
    event.body.description = text;
    if (stop.breakpoints) event.body.hitBreakpointIds = stop.breakpoints.map((id) => this.clientIds[this.breakpointIds.indexOf(id)] ?? id);
    this.sendEvent(event);
    this.resumeWith = this.terminating ? 'terminate' : undefined;
    const waited = this.resumeWith === undefined ? this.waitForResume() : undefined;
    return waited ? waited.then(() => this.goOn()) : this.goOn();
  }

  private goOn(): ResumeCommand {
    const command = this.resumeWith ?? 'terminate';
    this.resumeWith = undefined;
    this.lastStop = undefined;
    this.variables.clear();
    return command;
  }

  /** Whether a request served at the current stop has said how to go on. */
  protected get resumeKnown(): boolean {
    return this.resumeWith !== undefined;
  }

  /** Between steps: the requests that arrived (Pause, Stop, breakpoints changed) are served. */
  poll(): 'pause' | 'terminate' | undefined {
    this.serveArrived();
    if (this.terminating) return 'terminate';
    if (this.pauseRequested) {
      this.pauseRequested = false;
      return 'pause';
    }
    return undefined;
  }

  // ---- the protocol -----------------------------------------------------------------------

  /** Every request is checked for shape first; any failure is answered, without a stack. */
  protected override dispatchRequest(request: DebugProtocol.Request): void {
    if (typeof request !== 'object' || request === null || typeof request.command !== 'string') return;
    if (request.arguments !== undefined && (typeof request.arguments !== 'object' || request.arguments === null)) {
      this.fail(request, 'The request\'s arguments must be an object.');
      return;
    }
    if (request.command === 'initialize') {
      // The protocol's defaults for what a client may leave out (the library insists on pathFormat).
      const args = ((request as { arguments?: Record<string, unknown> }).arguments ??= {});
      args['pathFormat'] ??= 'path';
      this.initialized = true;
    } else if (!this.initialized && request.command !== 'disconnect') {
      this.fail(request, `"${request.command}" before "initialize": initialize the session first.`);
      return;
    }
    try {
      super.dispatchRequest(request);
    } catch (e) {
      this.fail(request, `nnspec debugger: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      ...response.body,
      supportsConfigurationDoneRequest: true,
      supportsExceptionInfoRequest: true,
      supportsBreakpointLocationsRequest: true,
      supportsTerminateRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetExpression: true,
      exceptionBreakpointFilters: EXCEPTION_FILTERS.map((f) => ({ filter: f.filter, label: f.label, description: f.description, default: f.default })),
    };
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.configured();
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, raw: DebugProtocol.LaunchRequestArguments): Promise<void> {
    if (this.run) return this.error(response, 'A network is already being debugged in this session.');
    const checked = checkLaunchArguments(raw);
    if (!checked.ok) return this.error(response, checked.message);
    const args = checked.value;
    const launch = await this.openLaunch(args);
    if (!launch.ok) return this.error(response, launch.message);
    // Stopped while the inputs were read (the browser's host reads them): nothing to run.
    if (this.terminating) return this.error(response, 'The session was stopped before the network started.');
    const { specPath, specName, text, theta0 } = launch.value;
    const { spec, architecture, data } = launch.value.opened;
    if (data.train.m === 0) return this.error(response, 'The spec has no training examples to step through.');
    const wanted = args.examples ? new Set(args.examples.map((e) => e - 1)) : undefined;
    if (wanted && [...wanted].some((e) => e >= data.train.m)) return this.error(response, `"examples" must lie in 1 … ${data.train.m}.`);
    this.specPath = specPath;
    this.specName = specName;
    this.locations = stepLocations(text);
    const job = this.openCompute();
    this.run = new DebugRun({ architecture, data, theta0, train: spec.train, gradientCheck: spec.gradientCheck }, this.locations, this, {
      mode: args.mode,
      ...(wanted ? { stepped: (row: number) => wanted.has(row) } : {}),
      filters: this.filters,
      compute: job.compute,
    });
    this.reportChangedBreakpoints(this.applyBreakpoints() ?? []);
    // The client sets breakpoints between initialized and configurationDone: wait for them.
    await Promise.race([this.configurationDone, new Promise((resolve) => setTimeout(resolve, CONFIGURATION_WAIT_MS))]);
    this.sendResponse(response);
    if (args.mode === 'train') this.console(`Training ${specName} with ${spec.train.optimizer}, at most ${spec.train.iterations} iterations, under the debugger.\n`);
    let end: RunEnd;
    try {
      end = await this.drive(this.run, args.stopOnEntry ?? false);
    } catch (e) {
      // A defect, not the user's input: one line, the stack only on request.
      const detail = this.showsStacks && e instanceof Error ? `\n${e.stack}` : '';
      this.sendEvent(new OutputEvent(`nnspec debugger: internal error: ${e instanceof Error ? e.message : String(e)} (set NNSPEC_DEBUG=1 for the stack)${detail}\n`, 'stderr'));
      end = { kind: 'terminated' };
    } finally {
      void job.dispose();
    }
    await this.finish(end, args, launch.value.opened);
  }

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    const requested = (Array.isArray(args.breakpoints) ? args.breakpoints : []).filter((b) => typeof b === 'object' && b !== null && Number.isInteger(b.line));
    const lines = requested.map((b) => this.convertClientLineToDebugger(b.line));
    // Conditions and log messages are parsed once, here: a syntax error shows on the breakpoint.
    const problems: (string | undefined)[] = [];
    this.breakpointOptions = requested.map((b) => {
      const options: { condition?: ParsedExpression; hitCondition?: HitCondition; logMessage?: LogMessage; hits: number } = { hits: 0 };
      let problem: string | undefined;
      if (typeof b.condition === 'string' && b.condition.trim() !== '') {
        const parsed = parseExpression(b.condition);
        if (parsed.ok) options.condition = parsed.value;
        else problem = `Condition: ${parsed.error.message}`;
      }
      if (typeof b.hitCondition === 'string' && b.hitCondition.trim() !== '') {
        const hit = parseHitCondition(b.hitCondition);
        if (hit.ok) options.hitCondition = hit.value;
        else problem ??= hit.message;
      }
      if (typeof b.logMessage === 'string' && b.logMessage !== '') {
        const parsed = parseLogMessage(b.logMessage);
        if (parsed.ok) options.logMessage = parsed.value;
        else problem ??= `Log message: ${parsed.error.message}`;
      }
      problems.push(problem);
      return options;
    });
    this.pendingBreakpoints = lines;
    this.clientIds = lines.map(() => this.nextClientId++);
    // Before launch, the lines are resolved against the file itself (as for a training, where
    // train: is valid); the launch resolves them again for its mode.
    const locations = this.locations ?? this.locationsOf(args.source?.path);
    const set = this.applyBreakpoints() ?? (locations ? lines.map((line) => ({ ...resolveBreakpoint(locations, line, 'train'), id: 0 })) : undefined);
    this.breakpointProblems = problems;
    const breakpoints = lines.map((line, k) => this.clientBreakpoint(k, set?.[k], line));
    this.toldVerified = breakpoints.map((b) => b.verified);
    response.body = { breakpoints };
    this.sendResponse(response);
  }

  /** A requested breakpoint as the client sees it: its id, line, and why it is unverified. */
  private clientBreakpoint(k: number, b: RuntimeBreakpoint | undefined, line: number): DebugProtocol.Breakpoint {
    const problem = this.breakpointProblems[k];
    const bp: DebugProtocol.Breakpoint = new Breakpoint(b ? b.verified && problem === undefined : false, this.convertDebuggerLineToClient(b ? b.line : line));
    bp.id = this.clientIds[k]!;
    if (!b) bp.message = 'The spec cannot be read.';
    else if (!b.verified) bp.message = b.message;
    else if (problem !== undefined) bp.message = problem;
    return bp;
  }

  /** Breakpoints set before the launch knew its mode (train: in an evaluation) may change: tell the client. */
  private reportChangedBreakpoints(set: readonly RuntimeBreakpoint[]): void {
    set.forEach((b, k) => {
      const bp = this.clientBreakpoint(k, b, b.line);
      if (bp.verified !== this.toldVerified[k]) this.sendEvent(new BreakpointEvent('changed', bp));
    });
  }

  protected override breakpointLocationsRequest(response: DebugProtocol.BreakpointLocationsResponse, args: DebugProtocol.BreakpointLocationsArguments): void {
    const locations = this.locations ?? this.locationsOf(args.source.path);
    const from = this.convertClientLineToDebugger(args.line), to = this.convertClientLineToDebugger(args.endLine ?? args.line);
    const train = this.run === undefined || this.run.options.mode === 'train';
    const valid = [...(locations?.layerLines ?? []), locations?.costLine, train ? locations?.trainLine : undefined].filter((l): l is number => l !== undefined);
    response.body = { breakpoints: valid.filter((l) => l >= from && l <= to).map((l) => ({ line: this.convertDebuggerLineToClient(l) })) };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    this.filters = Array.isArray(args.filters) ? args.filters.filter(isExceptionFilter) : [];
    this.run?.setFilters(this.filters);
    this.sendResponse(response);
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'backpropagation')] };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse): void {
    const stop = this.lastStop, view = this.run?.view, locations = this.locations;
    if (!stop || !view || !locations) return this.error(response, 'The network is not stopped.');
    const source = new Source(this.specName, this.specPath);
    const frame = (id: number, name: string, line: number | undefined): StackFrame => new StackFrame(id, name, source, this.convertDebuggerLineToClient(line ?? 0), this.convertDebuggerColumnToClient(0));
    const step = stop.step, train = view.mode === 'train';
    const frames = [frame(1, describeStep(step), lineOfStep(locations, step))];
    if (step.kind !== 'iteration') {
      if (step.kind !== 'cost') {
        const ex = view.example!;
        frames.push(frame(2, `example ${ex.index + 1} of ${view.m}${ex.row !== ex.index ? ` (data row ${ex.row + 1})` : ''}`, locations.rowLines[ex.row] ?? locations.dataLine));
        frames.push(frame(3, train ? `evaluation ${view.evaluation}: J(θ) and D` : 'evaluation: J(θ) and D', locations.costLine));
      }
      if (train) frames.push(frame(4, `iteration ${(view.iteration ?? 0) + 1}`, locations.trainLine));
    }
    response.body = { stackFrames: frames, totalFrames: frames.length };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse): void {
    const view = this.stoppedView();
    if (!view) return this.error(response, 'The network is not stopped.');
    response.body = { scopes: stopScopes(view).map((s) => new Scope(s.name, this.variables.scope(s.entries), s.expensive)) };
    this.sendResponse(response);
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    response.body = { variables: this.variables.children(args.variablesReference, args.start, args.count) };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.resume(response, 'continue');
  }

  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.resume(response, 'next');
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
    this.resume(response, 'stepIn');
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.resume(response, 'stepOut');
  }

  /** Pause: the run stops at its next step point (it looks for this request between steps). */
  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    if (!this.lastStop) this.pauseRequested = true;
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const e = this.lastStop?.exception;
    if (!e) return this.error(response, 'The network did not stop on an exception.');
    response.body = { exceptionId: e.filter, description: e.description, breakMode: 'always' };
    this.sendResponse(response);
  }

  /** The Debug Console, Watch and hovers: the expression language of core/debug/expression, at the stop. */
  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    const view = this.stoppedView();
    if (!view) return this.error(response, 'The network is not stopped: expressions are evaluated at a stop.');
    if (typeof args.expression !== 'string') return this.error(response, 'The expression must be a text.');
    const result = evaluateExpression(args.expression, stopExpressionScope(view));
    if (!result.ok) return this.error(response, result.error.message);
    const value = result.value;
    const inline = args.context === 'hover' || args.context === 'watch';
    let variablesReference = 0;
    if (value.kind === 'matrix' && value.rows * value.cols > 1) {
      variablesReference = this.variables.scope([{ matrix: { name: args.expression, evaluateName: args.expression, rows: value.rows, cols: value.cols, values: value.data } }]);
    }
    response.body = { result: formatValue(value, { style: inline ? 'inline' : 'block' }), variablesReference };
    this.sendResponse(response);
  }

  /**
   * Set Value on a Θ entry or λ while stopped: what the next steps compute uses it ("what if
   * this weight were 0?"). Everything else is computed from those, so it is refused.
   */
  protected override setExpressionRequest(response: DebugProtocol.SetExpressionResponse, args: DebugProtocol.SetExpressionArguments): void {
    const view = this.stoppedView(), run = this.run;
    if (!view || !run) return this.error(response, 'The network is not stopped.');
    if (typeof args.expression !== 'string' || typeof args.value !== 'string') return this.error(response, 'Set Value needs a target and a value.');
    const assignment = parseAssignment(args.expression, args.value, stopExpressionScope(view));
    if (!assignment.ok) return this.error(response, assignment.error.message);
    const { target, value } = assignment.value;
    if (target.kind === 'scalar' && target.name === 'lambda') {
      if (!(value >= 0)) return this.error(response, `λ must be ≥ 0, got ${value}.`);
      run.lambda = value;
    } else if (target.kind === 'scalar' && target.name === 'alpha' && run.hasLearningRate) {
      if (!(value > 0)) return this.error(response, `The learning rate α must be > 0, got ${value}.`);
      run.setLearningRate(value);
    } else if (target.kind === 'entry' && target.name === 'Theta' && target.layer !== undefined) {
      view.theta[view.shapes[target.layer - 1]!.offset + target.offset] = value;
    } else {
      return this.error(response, 'Only an entry of Θ (Theta[l][i,j]), λ (lambda) and, when training with gd, momentum or adam, the learning rate (alpha) can be set: everything else is computed from them.');
    }
    this.variables.clear();
    response.body = { value: String(value) };
    this.sendResponse(response);
    this.sendEvent(new InvalidatedEvent(['variables']));
  }

  /**
   * nnspec/layerSummaries: one line of numbers per layer entry of the spec, for inline values
   * and hovers; nnspec/stop: the stop and its example's values, for the inspector.
   */
  protected override customRequest(command: string, response: DebugProtocol.Response): void {
    if (command === FLUSH_REQUEST) return this.sendResponse(response);
    if (command === DEBUG_STOP_REQUEST) {
      const view = this.stoppedView();
      const body: DebugStopBody = view ? { stop: debugStop(view) } : {};
      response.body = body;
      return this.sendResponse(response);
    }
    if (command === SPEC_CHANGED_REQUEST) {
      if (!this.toldSpecChanged) {
        this.toldSpecChanged = true;
        this.console(`${this.specName} was edited: this session goes on with the network it started with. Save the spec and Restart (Ctrl+Shift+F5) to debug the edited one.\n`);
      }
      return this.sendResponse(response);
    }
    if (command !== LAYER_SUMMARIES_REQUEST) return this.error(response, `Unknown request "${command}".`);
    const view = this.stoppedView(), locations = this.locations;
    const body: LayerSummariesBody = {
      layers: view && locations ? layerSummaries(view).flatMap((s) => {
        const line = locations.layerLines[s.layer - 1];
        return line === undefined ? [] : [{ ...s, line: this.convertDebuggerLineToClient(line) }];
      }) : [],
    };
    response.body = body;
    this.sendResponse(response);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.stopRun();
    this.sendResponse(response);
    if (!this.run) this.sendEvent(new TerminatedEvent());
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    // The adapter process ends with this response: a run in the middle of a step goes with it,
    // and weights are only ever written, atomically, after a training that ran to its end.
    this.stopRun();
    this.sendResponse(response);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private stoppedView(): StopView | undefined {
    return this.lastStop ? this.run?.view : undefined;
  }

  private stopRun(): void {
    this.terminating = true;
    if (this.lastStop) {
      this.resumeWith = 'terminate';
      this.resumeDecided();
    }
  }

  /** Hands the requested breakpoints to the run, with what decides whether each hit stops. */
  private applyBreakpoints(): ReturnType<DebugRun['setBreakpoints']> | undefined {
    if (!this.run) return undefined;
    const set = this.run.setBreakpoints(this.pendingBreakpoints, (id, view) => this.breakpointStops(id, view));
    this.breakpointIds = set.map((b) => b.id);
    return set;
  }

  /** A hit stops unless its hit count is not reached, its condition is false, or it is a logpoint (which prints). */
  private breakpointStops(id: number, view: StopView): boolean {
    const options = this.breakpointOptions[this.breakpointIds.indexOf(id)];
    if (!options) return true;
    options.hits++;
    if (options.hitCondition && !options.hitCondition.holds(options.hits)) return false;
    const scope = stopExpressionScope(view);
    if (options.condition) {
      const holds = conditionHolds(options.condition, scope);
      // A quantity this step has not computed yet (δ^(2) while going forward) means "not here";
      // any other failure stops, and says why.
      if (!holds.ok && holds.error.code === 'index-out-of-range') return false;
      if (!holds.ok) {
        this.console(`Breakpoint condition: ${holds.error.message}\n`);
        return true;
      }
      if (!holds.value) return false;
    }
    if (options.logMessage) {
      this.console(`${renderLogMessage(options.logMessage, scope, { style: 'inline' }).text}\n`);
      return false;
    }
    return true;
  }

  private resume(response: DebugProtocol.Response, command: ResumeCommand): void {
    if (!this.run) return this.error(response, 'No network is being debugged.');
    if (!this.lastStop) return this.error(response, 'The network is running.');
    this.resumeWith = command;
    this.sendResponse(response);
    this.resumeDecided();
  }

  /** The run ended: say how, save the weights when asked, and end the session. */
  private async finish(end: RunEnd, args: NnspecLaunchArguments, opened: OpenedSpec): Promise<void> {
    if (end.kind === 'evaluated') {
      this.console(`J(θ) = ${end.cost} over m = ${opened.data.train.m} examples\n`);
    } else if (end.kind === 'trained') {
      const { summary, theta } = end.result;
      this.console(`Trained: J = ${summary.finalCost} after ${summary.iterations} iterations (${summary.reason}), ${summary.evaluations} evaluations.\n`);
      if (args.saveWeights === true) {
        this.console(`${await this.saveWeights(this.specPath, trainedWeights(opened, opened.spec.train, theta, summary))}\n`);
      } else {
        this.console('The weights were not saved (the launch attribute "saveWeights" is false).\n');
      }
    }
    this.run = undefined;
    this.sendEvent(new TerminatedEvent());
  }

  private console(text: string): void {
    this.sendEvent(new OutputEvent(text, 'console'));
  }

  private locationsOf(file: string | undefined): StepLocations | undefined {
    if (!file) return undefined;
    const text = this.specTextOf(file);
    return text === undefined ? undefined : stepLocations(text);
  }

  private error(response: DebugProtocol.Response, message: string): void {
    this.sendErrorResponse(response, { id: 1, format: message.replace(/[{}]/g, ''), showUser: true });
  }

  private fail(request: DebugProtocol.Request, message: string): void {
    this.sendResponse({ type: 'response', seq: 0, request_seq: typeof request.seq === 'number' ? request.seq : 0, command: String(request.command), success: false, message });
  }
}
