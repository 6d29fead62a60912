/**
 * The debugger's runtime: one run of a spec, either one cost-and-gradient evaluation at the
 * starting weights (mode "evaluate") or a training with the spec's optimiser (mode "train"),
 * that stops at the step points of core/debug/step-point.ts for breakpoints on the spec's
 * lines, stepping, Pause and the exception filters.
 *
 * The run drives and the host answers: at a stop the run calls `host.stopped`, which returns
 * how to go on, and between steps it asks `host.poll` for Pause and Stop. It knows nothing of
 * the Debug Adapter Protocol (src/debug translates).
 *
 * The run is steps (core/nn/optimizers/steps.ts), suspended at each stop, with two drivers:
 * `run` asks the host at once (the desktop adapter's worker blocks there until the user says;
 * in tests it is a script), `runSliced` awaits the host's answer and gives the event loop a
 * turn between slices (a browser's worker, which cannot block and hears the user only as
 * message events). The same steps, so the same stops and the same weights.
 *
 * A stop at the end of an iteration is taken at the optimiser's next safe point, before it
 * moves θ or reads α again; the stop shows copies of θ and D, which the optimiser may reuse
 * in between (a mini-batch epoch clears its mean gradient), and θ as edited there (Set
 * Value) goes back into the iterate when the run goes on. After the last iteration that point
 * is the training's end: its summary is already made, and an edit reaches only the weights.
 *
 * An evaluation goes example by example (the SteppedEvaluation, TypeScript kernels) only when
 * something could stop inside it: a layer breakpoint, a step into it, Pause, or a λ changed by
 * Set Value. Otherwise it is the trainer's own objective, with the job's kernels and threads,
 * so that a training with no breakpoints ends with the weights `nnspec train` gives.
 */
import type { Batch } from '../nn/batch';
import type { Compute } from '../nn/compute';
import type { Dataset, PreparedData } from '../nn/dataset';
import { NetworkEvaluator } from '../nn/evaluator';
import { checkNetworkGradients } from '../nn/gradient-check';
import { layerShapes, type Architecture, type LayerShape } from '../nn/network';
import type { IterationReport, LearningRateCell, Objective, SteppedObjective } from '../nn/optimizers';
import { DEFAULT_SLICE_MS, type Slicing, type Steps } from '../nn/optimizers/steps';
import { effectiveLearningRate, type GradientCheckSpec, type TrainSpec } from '../spec/schema';
import { trainingSteps, type TrainingResult } from '../train/trainer';
import { nonFiniteCostOrGradient, nonFiniteInExample } from './non-finite';
import type { ExceptionFilter, RunException } from './run-exception';
import { breakpointHits, lineOfStep, resolveBreakpoint, type BreakpointTarget, type StepLocations } from './step-locations';
import { stepLevel, type StepPoint } from './step-point';
import { SteppedEvaluation } from './stepped-evaluation';
import type { StopView, TrainingState } from './stop-view';
import { UnitWatch } from './unit-watch';

export type StopReason = 'entry' | 'step' | 'breakpoint' | 'exception' | 'pause';

/** How the user goes on from a stop. */
export type ResumeCommand = 'continue' | 'next' | 'stepIn' | 'stepOut' | 'terminate';

export interface DebugHost {
  /** The run stopped at `stop`: show it, and return how to go on (`run` needs the answer at once; `runSliced` awaits it). */
  stopped(stop: Stop): ResumeCommand | PromiseLike<ResumeCommand>;
  /** Asked between steps while the run goes on: 'pause' stops at the next step point, 'terminate' ends the run. */
  poll(): 'pause' | 'terminate' | undefined;
}

/** A breakpoint as set: its id, and what it means or why it is unverified. */
export type RuntimeBreakpoint = BreakpointTarget & { readonly id: number };

/** Whether a breakpoint that hits a step stops there (its condition, hit count or logpoint; decided by the host). */
export type BreakpointDecision = (breakpoint: number, view: StopView) => boolean;

export interface Stop {
  readonly reason: StopReason;
  readonly step: StepPoint;
  /** The spec line (0-based) of the step. */
  readonly line: number | undefined;
  /** The breakpoints that stopped here. */
  readonly breakpoints?: readonly number[];
  readonly exception?: RunException;
}

export interface DebugProblem {
  readonly architecture: Architecture;
  readonly data: PreparedData;
  /** The starting parameters (only read). */
  readonly theta0: Float64Array;
  readonly train: TrainSpec;
  readonly gradientCheck: GradientCheckSpec;
}

export interface DebugRunOptions {
  readonly mode: 'evaluate' | 'train';
  /** The training rows (0-based) to step through; default all. The others run at full speed. */
  readonly stepped?: (row: number) => boolean;
  /** The exception filters on (default NaN or Inf). */
  readonly filters?: readonly ExceptionFilter[];
  /** The kernels and threads of the full-speed evaluations. */
  readonly compute?: Compute;
}

export type RunEnd =
  | { readonly kind: 'evaluated'; readonly cost: number }
  | { readonly kind: 'trained'; readonly result: TrainingResult }
  | { readonly kind: 'terminated' };

/** Thrown through the optimiser to end a run on Stop; caught by `run`. */
class RunTerminated extends Error {}

/** What the run waits for: stop at the next step of depth ≤ maxLevel (or at the end of `example`). */
interface Target {
  readonly maxLevel: number;
  readonly reason: 'entry' | 'pause' | 'step';
  readonly exampleDone?: number;
}
const CONTINUE: Target = { maxLevel: -1, reason: 'step' };

/** What a step point knows beyond the run's own state. */
type KnownAtStep = Omit<StopView, 'step' | 'mode' | 'architecture' | 'shapes' | 'lambda' | 'evaluation' | 'iteration' | 'training'>;

/** A stop decided at a step point, with what it shows. */
interface Decided {
  readonly stop: Stop;
  readonly view: StopView;
}

export class DebugRun {
  readonly shapes: readonly LayerShape[];
  /** λ of the evaluations; Set Value may change it (the evaluations then go example by example). */
  private lambdaNow: number;
  private readonly stepping: SteppedEvaluation;
  private readonly filters = new Set<ExceptionFilter>();
  private breakpoints: RuntimeBreakpoint[] = [];
  private breakpointStops: BreakpointDecision = () => true;
  private nextId = 1;
  private target: Target;
  private reportedNonFinite = false;
  private locating = false;
  private readonly failedChecks = new Set<number>();
  private unitWatch: UnitWatch | undefined;
  private currentView: StopView | undefined;
  private evaluations = 0;
  private iterations = 0;
  private training: TrainingState | undefined;
  /** gd, momentum, adam: α, read by the optimiser at each step, so that Set Value applies from the next. */
  private readonly learningRateCell: LearningRateCell | undefined;
  /** The stop the steps are suspended at, for the driver to hand to the host. */
  private pending: Stop | undefined;
  /** The host's answer to `pending`, for the steps to read when resumed. */
  private answer: ResumeCommand | undefined;
  /** A stop decided at the end of an iteration, taken at the optimiser's next safe point; `theta` is the optimiser's own iterate. */
  private deferred: (Decided & { readonly theta: Float64Array }) | undefined;

  constructor(
    readonly problem: DebugProblem,
    private readonly locations: StepLocations,
    private readonly host: DebugHost,
    readonly options: DebugRunOptions,
  ) {
    const { architecture, data } = problem;
    this.shapes = layerShapes(architecture.sizes);
    this.lambdaNow = architecture.lambda;
    const steppedRow = options.stepped ?? (() => true);
    this.stepping = new SteppedEvaluation(architecture, problem.theta0, data.train, {
      stepped: (i) => this.locating || steppedRow(this.stepping.batch.rows ? this.stepping.batch.rows[i]! : i),
    });
    for (const f of options.filters ?? ['nonFinite']) this.filters.add(f);
    this.target = CONTINUE;
    const t = problem.train;
    const firstOrder = t.optimizer === 'gd' || t.optimizer === 'momentum' || t.optimizer === 'adam';
    this.learningRateCell = options.mode === 'train' && firstOrder ? { value: effectiveLearningRate(t) } : undefined;
    this.training = options.mode === 'train'
      ? { optimizer: t.optimizer, batchSize: t.batchSize, maxIterations: t.iterations, ...(this.learningRateCell ? { learningRate: this.learningRateCell.value } : {}) }
      : undefined;
  }

  get lambda(): number {
    return this.lambdaNow;
  }

  /** Set Value on λ: the next evaluations use it; the stop's view shows it at once. */
  set lambda(value: number) {
    this.lambdaNow = value;
    if (this.currentView) this.currentView = { ...this.currentView, lambda: value };
  }

  /** Whether this run has a learning rate to set (a training with gd, momentum or adam). */
  get hasLearningRate(): boolean {
    return this.learningRateCell !== undefined;
  }

  /** Set Value on α (finite, > 0, checked by the caller): the optimiser's next step uses it. */
  setLearningRate(alpha: number): void {
    if (!this.learningRateCell || !this.training) return;
    this.learningRateCell.value = alpha;
    this.training = { ...this.training, learningRate: alpha };
    if (this.currentView) this.currentView = { ...this.currentView, training: this.training };
  }

  /** What is known at the current stop (undefined while running). */
  get view(): StopView | undefined {
    return this.currentView;
  }

  /** Iterations completed and evaluations started so far. */
  get position(): { readonly iteration: number; readonly evaluation: number } {
    return { iteration: this.iterations, evaluation: this.evaluations };
  }

  /**
   * Replaces every breakpoint by those on `lines` (0-based), resolved as resolveBreakpoint says
   * for this run's mode; `decide` says whether a hit stops. May be called while running.
   */
  setBreakpoints(lines: readonly number[], decide?: BreakpointDecision): readonly RuntimeBreakpoint[] {
    this.breakpoints = lines.map((line) => ({ ...resolveBreakpoint(this.locations, line, this.options.mode), id: this.nextId++ }));
    this.breakpointStops = decide ?? (() => true);
    return this.breakpoints;
  }

  /** Turns the exception filters on (the others off). */
  setFilters(filters: readonly ExceptionFilter[]): void {
    this.filters.clear();
    for (const f of filters) this.filters.add(f);
  }

  /**
   * Runs to the end, stopping where asked; stops at the first step with `stopOnEntry`. Never
   * throws for a Stop. The host must answer each stop at once (a blocking host).
   */
  run(stopOnEntry: boolean): RunEnd {
    const steps = this.steps(stopOnEntry);
    try {
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        const stop = this.takePending();
        if (stop) {
          const answer = this.host.stopped(stop);
          if (typeof answer !== 'string') throw new TypeError('DebugRun.run needs a host that answers a stop at once; runSliced awaits one');
          this.answer = answer;
        }
      }
    } catch (e) {
      if (e instanceof RunTerminated) return { kind: 'terminated' };
      throw e;
    } finally {
      steps.return(undefined as never);
      this.currentView = undefined;
    }
  }

  /**
   * `run` for a thread that must not block: it awaits the host's answer at each stop, and
   * between stops gives the event loop a turn every `slicing.sliceMs`, so that Pause, Stop
   * and new breakpoints, arriving as messages, are seen at the next step point.
   */
  async runSliced(stopOnEntry: boolean, slicing: Slicing): Promise<RunEnd> {
    const { yieldTurn, now } = slicing;
    const sliceMs = slicing.sliceMs ?? DEFAULT_SLICE_MS;
    const steps = this.steps(stopOnEntry);
    try {
      let sliceEnd = now() + sliceMs;
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        const stop = this.takePending();
        if (stop) {
          this.answer = await this.host.stopped(stop);
          sliceEnd = now() + sliceMs;
        } else if (now() >= sliceEnd) {
          await yieldTurn();
          sliceEnd = now() + sliceMs;
        }
      }
    } catch (e) {
      if (e instanceof RunTerminated) return { kind: 'terminated' };
      throw e;
    } finally {
      steps.return(undefined as never);
      this.currentView = undefined;
    }
  }

  private takePending(): Stop | undefined {
    const stop = this.pending;
    this.pending = undefined;
    return stop;
  }

  /** The run as steps: it yields at every step point, and at a stop until the driver has the host's answer. */
  private *steps(stopOnEntry: boolean): Steps<RunEnd> {
    if (stopOnEntry) this.target = { maxLevel: 3, reason: 'entry' };
    return this.options.mode === 'train' ? yield* this.train() : yield* this.evaluateOnce();
  }

  private *evaluateOnce(): Steps<RunEnd> {
    const { architecture, data, theta0 } = this.problem;
    const fast = new NetworkEvaluator(architecture, data.train.m, { compute: this.options.compute ?? {} });
    const objective = this.wrap((theta, gradOut) => fast.costAndGradient(theta, data.train, gradOut), data.train);
    const cost = yield* objective.steps(Float64Array.from(theta0), new Float64Array(theta0.length));
    return { kind: 'evaluated', cost };
  }

  private *train(): Steps<RunEnd> {
    const { architecture, data, theta0, train } = this.problem;
    const training = trainingSteps(
      { architecture, data, theta0, train },
      {
        wrapObjective: (objective, set) => this.wrap(objective, set),
        onIteration: (report) => this.afterIteration(report),
        ...(this.learningRateCell ? { learningRate: this.learningRateCell } : {}),
      },
      this.options.compute ?? {},
    );
    try {
      for (;;) {
        const step = training.next();
        // The optimiser is at a safe point (or done): take the stop its last iteration decided.
        const deferred = this.deferred;
        this.deferred = undefined;
        if (deferred) {
          yield* this.stop(deferred);
          // Set Value on Θ edited the stop's copy: the iterate takes it, as it would have at once.
          deferred.theta.set(deferred.view.theta);
        }
        if (step.done) return { kind: 'trained', result: step.value };
        yield;
      }
    } finally {
      training.return(undefined as never);
    }
  }

  /** The optimiser's objective, with the debugger's stops: example by example when needed, and the evaluation's end. */
  private wrap(fast: Objective, set: Dataset): SteppedObjective {
    const selection: { X: Float64Array; Y: Float64Array; m: number; rows?: Int32Array } = { X: set.X, Y: set.Y, m: set.m };
    return {
      steps: (theta, gradOut, rows) => {
        let batch: Batch = set;
        if (rows) {
          selection.m = rows.length;
          selection.rows = rows;
          batch = selection;
        }
        return this.evaluation(fast, theta, gradOut, rows, batch);
      },
    };
  }

  /** One evaluation of J(θ) on `batch` (the optimiser's `rows` of the set), as steps. */
  private *evaluation(fast: Objective, theta: Float64Array, gradOut: Float64Array, rows: Int32Array | undefined, batch: Batch): Steps<number> {
    this.poll();
    this.evaluations++;
    let stepped = this.needsStepping();
    let J = stepped ? yield* this.evaluateStepped(theta, batch, gradOut) : fast(theta, gradOut, rows);
    if (!stepped && this.filters.has('nonFinite') && !this.reportedNonFinite && nonFiniteCostOrGradient(J, gradOut, this.shapes)) {
      // Run it again example by example to find where the first non-finite value appears.
      this.locating = true;
      try {
        J = yield* this.evaluateStepped(theta, batch, gradOut);
        stepped = true;
      } finally {
        this.locating = false;
      }
    }
    yield* this.at({ kind: 'cost', cost: J, evaluation: this.evaluations }, {
      theta, D: gradOut, J, m: batch.m, ...(stepped ? { Delta: this.stepping.sums.Delta } : {}),
    });
    return J;
  }

  private *evaluateStepped(theta: Float64Array, batch: Batch, gradOut: Float64Array): Steps<number> {
    const ev = this.stepping;
    ev.use(theta, batch);
    ev.lambda = this.lambda;
    const K = this.problem.architecture.sizes.at(-1)!;
    const steps = ev.steps();
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) {
        gradOut.set(ev.D.subarray(0, gradOut.length));
        return r.value;
      }
      const step = r.value;
      if (step.kind === 'cost' || step.kind === 'iteration') continue;
      const row = batch.rows ? batch.rows[step.example]! : step.example;
      yield* this.at(step, {
        theta, Delta: ev.sums.Delta, m: batch.m,
        example: { index: step.example, row, values: (l) => ev.values(l), y: batch.Y.subarray(row * K, (row + 1) * K) },
      });
    }
  }

  /** The optimiser's report of an iteration: a stop there waits for its next safe point (see the file's comment), with θ and D copied. */
  private afterIteration(report: IterationReport): void {
    this.iterations = report.iteration;
    const decided = this.decide({ kind: 'iteration', iteration: report.iteration, cost: report.cost, gradNorm: report.gradNorm }, {
      theta: report.theta, D: report.gradient, J: report.cost, m: this.problem.data.train.m,
    });
    if (!decided) return;
    const view: StopView = { ...decided.view, theta: Float64Array.from(decided.view.theta), ...(decided.view.D ? { D: Float64Array.from(decided.view.D) } : {}) };
    this.currentView = undefined;
    this.deferred = { stop: decided.stop, view, theta: report.theta };
  }

  /** Whether the next evaluation must go example by example. */
  private needsStepping(): boolean {
    return this.target.maxLevel >= 3 || this.lambda !== this.problem.architecture.lambda || this.breakpoints.some((b) => b.verified && b.on.kind === 'layer');
  }

  /**
   * A step point: a safe point for the driver (a turn of the event loop may come first), then
   * a stop if an exception, Pause, the entry, a breakpoint or the step being waited for says so.
   */
  private *at(step: StepPoint, known: KnownAtStep): Steps<void> {
    yield;
    const decided = this.decide(step, known);
    if (decided) yield* this.stop(decided);
  }

  /** Whether the run stops at `step`, and what it then shows. */
  private decide(step: StepPoint, known: KnownAtStep): Decided | undefined {
    const view: StopView = {
      ...known, step, mode: this.options.mode, architecture: this.problem.architecture, shapes: this.shapes, lambda: this.lambda,
      evaluation: this.evaluations, ...(this.training ? { iteration: this.iterations, training: this.training } : {}),
    };
    const exception = this.exceptionAt(view);
    if (exception) {
      if (exception.filter === 'nonFinite') this.reportedNonFinite = true;
      return { stop: { reason: 'exception', step, line: lineOfStep(this.locations, step), exception }, view };
    }
    if (this.locating) return undefined;
    this.poll();
    const line = lineOfStep(this.locations, step);
    const wanted = this.wants(step);
    if (wanted && this.target.reason !== 'step') return { stop: { reason: this.target.reason, step, line }, view };
    // A breakpoint's condition reads the view being decided on.
    this.currentView = view;
    const hits = this.breakpoints.filter((b) => b.verified && breakpointHits(b.on, step)).map((b) => b.id).filter((id) => this.breakpointStops(id, view));
    this.currentView = undefined;
    if (hits.length > 0) return { stop: { reason: 'breakpoint', step, line, breakpoints: hits }, view };
    return wanted ? { stop: { reason: 'step', step, line }, view } : undefined;
  }

  private wants(step: StepPoint): boolean {
    const t = this.target;
    return stepLevel(step) <= t.maxLevel || (t.exampleDone !== undefined && step.kind === 'example-done' && step.example === t.exampleDone);
  }

  private poll(): void {
    const asked = this.host.poll();
    if (asked === 'terminate') throw new RunTerminated();
    if (asked === 'pause') this.target = { maxLevel: 3, reason: 'pause' };
  }

  /** Suspends the steps at `stop` until the driver has the host's answer, then goes on as it says. */
  private *stop({ stop, view }: Decided): Steps<void> {
    this.currentView = view;
    this.pending = stop;
    yield;
    const command = this.answer;
    this.answer = undefined;
    this.currentView = undefined;
    const step = stop.step, level = stepLevel(step);
    switch (command) {
      case 'terminate':
      case undefined:
        throw new RunTerminated();
      case 'continue':
        this.target = CONTINUE;
        return;
      case 'next':
        this.target = { maxLevel: level, reason: 'step' };
        return;
      case 'stepIn':
        this.target = { maxLevel: 3, reason: 'step' };
        return;
      case 'stepOut':
        this.target = level === 3 && step.kind !== 'example-done' && 'example' in step
          ? { maxLevel: 2, reason: 'step', exampleDone: step.example }
          : { maxLevel: level - 1, reason: 'step' };
        return;
      default: {
        const never: never = command;
        throw new Error(`unknown command ${String(never)}`);
      }
    }
  }

  /** The exception the filters find at a step, if any. */
  private exceptionAt(view: StopView): RunException | undefined {
    const step = view.step;
    if (this.filters.has('nonFinite') && !this.reportedNonFinite) {
      const found = view.example ? nonFiniteInExample(step, view.example.values) : step.kind === 'cost' || step.kind === 'iteration' ? nonFiniteCostOrGradient(view.J ?? NaN, view.D, this.shapes) : undefined;
      if (found) return found;
    }
    if (this.locating) return undefined;
    // The slower checks look at θ once per iteration (or at the one evaluation's end).
    const checkpoint = step.kind === 'iteration' || (step.kind === 'cost' && this.options.mode === 'evaluate');
    if (!checkpoint) return undefined;
    const dead = this.filters.has('deadUnits'), saturated = this.filters.has('saturatedUnits');
    if (dead || saturated) {
      this.unitWatch ??= new UnitWatch(this.problem.architecture);
      const found = this.unitWatch.check(view.theta, this.problem.data.train, { dead, saturated });
      if (found) return found;
    }
    if (this.filters.has('gradientCheck')) return this.gradientCheckAt(view.theta);
    return undefined;
  }

  /** The first Θ^(l) whose gradient check fails at θ (once per layer). */
  private gradientCheckAt(theta: Float64Array): RunException | undefined {
    const { epsilon, tolerance, examples, samplesPerLayer, seed } = this.problem.gradientCheck;
    const report = checkNetworkGradients({ ...this.problem.architecture, lambda: this.lambda }, theta, this.problem.data.train, { epsilon, tolerance, examples, samplesPerLayer, seed });
    const failed = report.layers.find((l) => !l.passed && !this.failedChecks.has(l.layer));
    if (!failed) return undefined;
    this.failedChecks.add(failed.layer);
    const w = failed.worst;
    const worst = w ? `; worst Θ^(${w.layer})_${w.i},${w.j}: numeric ${w.numeric.toPrecision(6)}, backprop ${w.backprop.toPrecision(6)}` : '';
    return {
      filter: 'gradientCheck',
      quantity: `Θ^(${failed.layer})`,
      layer: failed.layer,
      value: failed.relativeDifference,
      description: `Gradient check fails for Θ^(${failed.layer}): relative difference ${failed.relativeDifference.toExponential(2)} > tolerance ${tolerance}${worst}${failed.note ? ` (${failed.note})` : ''}`,
    };
  }
}
