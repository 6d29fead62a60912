/**
 * The nnspec debug adapter: translates the Debug Adapter Protocol to the runtime of
 * core/debug (which knows nothing of the protocol). One thread, "backpropagation"; frames,
 * innermost first: the step at its layer's line, "example i of m" at the data, "evaluation" at
 * cost:. Every request is checked before it reaches the runtime, and a failure is a clean
 * error response, never a stack trace.
 */
import * as path from 'node:path';
import {
  Breakpoint, DebugSession, InitializedEvent, InvalidatedEvent, OutputEvent, Scope, Source, StackFrame, StoppedEvent, TerminatedEvent, Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { readFileSync } from 'node:fs';
import { DebugRuntime, type RunResult, type Stop } from '../core/debug/debug-runtime';
import { lineOfStep, resolveBreakpoint, stepLocations, type StepLocations } from '../core/debug/step-locations';
import { describeStep } from '../core/debug/step-point';
import { initialTheta } from '../core/train/architecture-of';
import { readWeightsFile } from '../data/weights-file';
import { openSpec } from '../jobs/open-spec';
import { conditionHolds } from '../core/debug/expression/condition';
import { evaluateExpression } from '../core/debug/expression/evaluator';
import { formatValue } from '../core/debug/expression/format';
import { parseAssignment } from '../core/debug/expression/assignment';
import { parseLogMessage, renderLogMessage, type LogMessage } from '../core/debug/expression/log-message';
import type { ParsedExpression } from '../core/debug/expression/ast';
import { parseExpression } from '../core/debug/expression/parser';
import type { StepPoint } from '../core/debug/step-point';
import { parseHitCondition, type HitCondition } from './hit-condition';
import { checkLaunchArguments } from './launch-arguments';
import { VariableStore } from './matrix-variables';
import { stopExpressionScope } from './stop-expression-scope';
import { stopScopes } from './stop-scopes';

/** What a breakpoint asks beyond its line: a condition, a hit count, a log message (parsed once). */
interface BreakpointOptions {
  readonly condition?: ParsedExpression;
  readonly hitCondition?: HitCondition;
  readonly logMessage?: LogMessage;
  hits: number;
}

const THREAD_ID = 1;
/** The exception filter: stop where the first NaN or ±Inf appears. */
export const NON_FINITE_FILTER = 'nonFinite';
/** How long a launch waits for configurationDone (breakpoints set) before it starts anyway. */
const CONFIGURATION_WAIT_MS = 2000;

export class NnspecDebugSession extends DebugSession {
  private runtime: DebugRuntime | undefined;
  private locations: StepLocations | undefined;
  private specPath = '';
  private lastStop: Stop | undefined;
  private readonly variables = new VariableStore();
  private pendingBreakpoints: readonly number[] = [];
  /** The options of the breakpoints as requested, in request order (the runtime's ids follow the same order). */
  private breakpointOptions: BreakpointOptions[] = [];
  private breakpointIds: number[] = [];
  private stopOnNonFinite = true;
  private initialized = false;
  private configured: () => void = () => undefined;
  private readonly configurationDone = new Promise<void>((resolve) => (this.configured = resolve));

  constructor() {
    super();
    // The runtime counts lines and columns from 0; the client's convention is converted here.
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
  }

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
      exceptionBreakpointFilters: [{ filter: NON_FINITE_FILTER, label: 'NaN or Inf', description: 'Stop where the first non-finite value appears.', default: true }],
    };
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.configured();
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, raw: DebugProtocol.LaunchRequestArguments): Promise<void> {
    const checked = checkLaunchArguments(raw);
    if (!checked.ok) return this.error(response, checked.message);
    const args = checked.value;
    const specPath = path.resolve(args.spec);
    let text: string;
    try {
      text = readFileSync(specPath, 'utf8');
    } catch (e) {
      return this.error(response, `Cannot read ${specPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const opened = openSpec(specPath, { workspaceRoot: path.resolve(args.workspaceRoot ?? path.dirname(specPath)), allowOutside: args.allowOutside ?? false }, text);
    if (!opened.ok) {
      const count = opened.failure.diagnostics?.length;
      return this.error(response, `${opened.failure.message}${count ? ' See the Problems view.' : ''}`);
    }
    const { spec, architecture, data } = opened.value;
    let theta = initialTheta(spec).theta;
    if (args.weights !== undefined) {
      const loaded = readWeightsFile(path.resolve(path.dirname(specPath), args.weights), architecture.sizes);
      if (!loaded.ok) return this.error(response, loaded.error.message);
      theta = loaded.value.theta;
    }
    if (data.train.m === 0) return this.error(response, 'The spec has no training examples to step through.');
    const wanted = args.examples ? new Set(args.examples.map((e) => e - 1)) : undefined;
    if (wanted && [...wanted].some((e) => e >= data.train.m)) return this.error(response, `"examples" must lie in 1 … ${data.train.m}.`);
    this.specPath = specPath;
    this.locations = stepLocations(text);
    this.runtime = new DebugRuntime(architecture, theta, data.train, this.locations, {
      ...(wanted ? { stepped: (i: number) => wanted.has(i) } : {}),
      stopOnNonFinite: this.stopOnNonFinite,
    });
    this.applyBreakpoints();
    // The client sets breakpoints between initialized and configurationDone: wait for them.
    await Promise.race([this.configurationDone, new Promise((resolve) => setTimeout(resolve, CONFIGURATION_WAIT_MS))]);
    this.sendResponse(response);
    this.report(this.runtime.start(args.stopOnEntry ?? false));
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
    // Before launch, the lines are resolved against the file itself; the launch resolves them again.
    const locations = this.locations ?? this.locationsOf(args.source?.path);
    const set = this.applyBreakpoints() ?? (locations ? lines.map((line, k) => ({ ...resolveBreakpoint(locations, line), id: -(k + 1) })) : undefined);
    response.body = {
      breakpoints: lines.map((line, k) => {
        const b = set?.[k];
        const bp: DebugProtocol.Breakpoint = new Breakpoint(b ? b.verified && problems[k] === undefined : false, this.convertDebuggerLineToClient(b ? b.line : line));
        if (b && b.id > 0) bp.id = b.id;
        if (!b) bp.message = 'The spec cannot be read.';
        else if (!b.verified) bp.message = b.message;
        else if (problems[k] !== undefined) bp.message = problems[k];
        return bp;
      }),
    };
    this.sendResponse(response);
  }

  protected override breakpointLocationsRequest(response: DebugProtocol.BreakpointLocationsResponse, args: DebugProtocol.BreakpointLocationsArguments): void {
    const locations = this.locations ?? this.locationsOf(args.source.path);
    const from = this.convertClientLineToDebugger(args.line), to = this.convertClientLineToDebugger(args.endLine ?? args.line);
    const lines = [...(locations?.layerLines ?? []), ...(locations?.costLine !== undefined ? [locations.costLine] : [])].filter((l) => l >= from && l <= to);
    response.body = { breakpoints: lines.map((l) => ({ line: this.convertDebuggerLineToClient(l) })) };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    this.stopOnNonFinite = Array.isArray(args.filters) && args.filters.includes(NON_FINITE_FILTER);
    this.runtime?.setStopOnNonFinite(this.stopOnNonFinite);
    this.sendResponse(response);
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'backpropagation')] };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse): void {
    const stop = this.lastStop, locations = this.locations;
    if (!stop || !locations) return this.error(response, 'The network is not stopped.');
    const source = new Source(path.basename(this.specPath), this.specPath);
    const frame = (id: number, name: string, line: number | undefined): StackFrame => new StackFrame(id, name, source, this.convertDebuggerLineToClient(line ?? 0), this.convertDebuggerColumnToClient(0));
    const step = stop.step, m = this.runtime!.evaluation.batch.m;
    const frames = [frame(1, describeStep(step), lineOfStep(locations, step))];
    if (step.kind !== 'cost') frames.push(frame(2, `example ${step.example + 1} of ${m}`, locations.layerLines[0]));
    frames.push(frame(3, 'evaluation: J(θ) and D', locations.costLine));
    response.body = { stackFrames: frames, totalFrames: frames.length };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse): void {
    const stop = this.lastStop;
    if (!stop || !this.runtime) return this.error(response, 'The network is not stopped.');
    response.body = {
      scopes: stopScopes(this.runtime, stop.step).map((s) => {
        const scope: DebugProtocol.Scope = new Scope(s.name, this.variables.scope(s.entries), s.expensive);
        return scope;
      }),
    };
    this.sendResponse(response);
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    response.body = { variables: this.variables.children(args.variablesReference, args.start, args.count) };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.resume(response, (r) => r.continue());
  }

  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.resume(response, (r) => r.next());
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
    this.resume(response, (r) => r.stepIn());
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.resume(response, (r) => r.stepOut());
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    // Every command runs to its next stop at once: the network is never running when asked.
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const e = this.lastStop?.exception;
    if (!e) return this.error(response, 'The network did not stop on an exception.');
    response.body = { exceptionId: 'non-finite', description: e.description, breakMode: 'always' };
    this.sendResponse(response);
  }

  /** The Debug Console, Watch and hovers: the expression language of core/debug/expression, at the stop. */
  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    const stop = this.lastStop;
    if (!stop || !this.runtime) return this.error(response, 'The network is not stopped: expressions are evaluated at a stop.');
    if (typeof args.expression !== 'string') return this.error(response, 'The expression must be a text.');
    const result = evaluateExpression(args.expression, stopExpressionScope(this.runtime, stop.step));
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
    const stop = this.lastStop, runtime = this.runtime;
    if (!stop || !runtime) return this.error(response, 'The network is not stopped.');
    if (typeof args.expression !== 'string' || typeof args.value !== 'string') return this.error(response, 'Set Value needs a target and a value.');
    const assignment = parseAssignment(args.expression, args.value, stopExpressionScope(runtime, stop.step));
    if (!assignment.ok) return this.error(response, assignment.error.message);
    const { target, value } = assignment.value, ev = runtime.evaluation;
    if (target.kind === 'scalar' && target.name === 'lambda') {
      if (!(value >= 0)) return this.error(response, `λ must be ≥ 0, got ${value}.`);
      ev.lambda = value;
    } else if (target.kind === 'entry' && target.name === 'Theta' && target.layer !== undefined) {
      ev.theta[ev.shapes[target.layer - 1]!.offset + target.offset] = value;
    } else {
      return this.error(response, 'Only an entry of Θ (Theta[l][i,j]) and λ (lambda) can be set: everything else is computed from them.');
    }
    this.variables.clear();
    response.body = { value: String(value) };
    this.sendResponse(response);
    this.sendEvent(new InvalidatedEvent(['variables']));
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.sendResponse(response);
    this.end();
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    // Nothing is written by a debug session, so nothing is left half done.
    this.runtime = undefined;
    this.sendResponse(response);
  }

  /** Hands the requested breakpoints to the runtime, with what decides whether each hit stops. */
  private applyBreakpoints(): ReturnType<DebugRuntime['setBreakpoints']> | undefined {
    if (!this.runtime) return undefined;
    const set = this.runtime.setBreakpoints(this.pendingBreakpoints, (id, step) => this.breakpointStops(id, step));
    this.breakpointIds = set.map((b) => b.id);
    return set;
  }

  /** A hit stops unless its hit count is not reached, its condition is false, or it is a logpoint (which prints). */
  private breakpointStops(id: number, step: StepPoint): boolean {
    const options = this.breakpointOptions[this.breakpointIds.indexOf(id)];
    if (!options || !this.runtime) return true;
    options.hits++;
    if (options.hitCondition && !options.hitCondition.holds(options.hits)) return false;
    const scope = stopExpressionScope(this.runtime, step);
    if (options.condition) {
      const holds = conditionHolds(options.condition, scope);
      // A quantity this step has not computed yet (δ^(2) while going forward) means "not here";
      // any other failure stops, and says why.
      if (!holds.ok && holds.error.code === 'index-out-of-range') return false;
      if (!holds.ok) {
        this.sendEvent(new OutputEvent(`Breakpoint condition: ${holds.error.message}\n`, 'console'));
        return true;
      }
      if (!holds.value) return false;
    }
    if (options.logMessage) {
      const rendered = renderLogMessage(options.logMessage, scope, { style: 'inline' });
      this.sendEvent(new OutputEvent(`${rendered.text}\n`, 'console'));
      return false;
    }
    return true;
  }

  private resume(response: DebugProtocol.Response, command: (runtime: DebugRuntime) => RunResult): void {
    if (!this.runtime) return this.error(response, 'No network is being debugged.');
    this.variables.clear();
    this.sendResponse(response);
    this.report(command(this.runtime));
  }

  /** Tells the client where the run stopped, or that it ended (with J). */
  private report(result: RunResult): void {
    if ('ended' in result) {
      this.lastStop = undefined;
      this.sendEvent(new OutputEvent(`J(θ) = ${result.ended.cost} over m = ${this.runtime?.evaluation.batch.m ?? 0} examples\n`, 'console'));
      this.end();
      return;
    }
    const stop = result.stopped;
    this.lastStop = stop;
    const text = stop.exception?.description ?? describeStep(stop.step);
    const event = new StoppedEvent(stop.reason, THREAD_ID, stop.exception ? 'NaN or Inf' : undefined) as DebugProtocol.StoppedEvent;
    event.body.description = text;
    if (stop.breakpoints) event.body.hitBreakpointIds = [...stop.breakpoints];
    this.sendEvent(event);
  }

  private end(): void {
    this.runtime = undefined;
    this.sendEvent(new TerminatedEvent());
  }

  private locationsOf(file: string | undefined): StepLocations | undefined {
    if (!file) return undefined;
    try {
      return stepLocations(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  }

  private error(response: DebugProtocol.Response, message: string): void {
    this.sendErrorResponse(response, { id: 1, format: message.replace(/[{}]/g, ''), showUser: true });
  }

  private fail(request: DebugProtocol.Request, message: string): void {
    this.sendResponse({ type: 'response', seq: 0, request_seq: typeof request.seq === 'number' ? request.seq : 0, command: String(request.command), success: false, message });
  }
}
