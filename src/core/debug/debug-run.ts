/**
 * The debugger's runtime: one run of a spec, either one cost-and-gradient evaluation at the
 * starting weights (mode "evaluate") or a training with the spec's optimiser (mode "train"),
 * that stops at the step points of core/debug/step-point.ts for breakpoints on the spec's
 * lines, stepping, Pause and the exception filters.
 *
 * The run drives and the host answers: at a stop the run calls `host.stopped`, which returns
 * how to go on (in the debug adapter's worker it blocks until the user says; in tests it is a
 * script), and between steps it asks `host.poll` for Pause and Stop. It knows nothing of the
 * Debug Adapter Protocol (src/debug translates).
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
import type { IterationReport, LearningRateCell, Objective } from '../nn/optimizers';
import { effectiveLearningRate, type GradientCheckSpec, type TrainSpec } from '../spec/schema';
import { trainNetwork, type TrainingResult } from '../train/trainer';
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
  /** The run stopped at `stop`: show it, and return how to go on. */
  stopped(stop: Stop): ResumeCommand;
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

export class DebugRun {
  readonly shapes: readonly LayerShape[];
  /** λ of the evaluations; Set Value may change it (the evaluations then go example by example). */
  private lambdaNow: number;
  private readonly stepping: SteppedEvaluation;
  private readonly filters = new Set<ExceptionFilter>();
  private breakpoints: RuntimeBreakpoint[] = [];
  private decide: BreakpointDecision = () => true;
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
    this.decide = decide ?? (() => true);
    return this.breakpoints;
  }

  /** Turns the exception filters on (the others off). */
  setFilters(filters: readonly ExceptionFilter[]): void {
    this.filters.clear();
    for (const f of filters) this.filters.add(f);
  }

  /** Runs to the end, stopping where asked; stops at the first step with `stopOnEntry`. Never throws for a Stop. */
  run(stopOnEntry: boolean): RunEnd {
    if (stopOnEntry) this.target = { maxLevel: 3, reason: 'entry' };
    try {
      return this.options.mode === 'train' ? this.train() : this.evaluateOnce();
    } catch (e) {
      if (e instanceof RunTerminated) return { kind: 'terminated' };
      throw e;
    } finally {
      this.currentView = undefined;
    }
  }

  private evaluateOnce(): RunEnd {
    const { architecture, data, theta0 } = this.problem;
    const fast = new NetworkEvaluator(architecture, data.train.m, { compute: this.options.compute ?? {} });
    const objective = this.wrap((theta, gradOut) => fast.costAndGradient(theta, data.train, gradOut), data.train);
    const cost = objective(Float64Array.from(theta0), new Float64Array(theta0.length));
    return { kind: 'evaluated', cost };
  }

  private train(): RunEnd {
    const { architecture, data, theta0, train } = this.problem;
    const result = trainNetwork(
      { architecture, data, theta0, train },
      {
        wrapObjective: (objective, set) => this.wrap(objective, set),
        onIteration: (report) => this.afterIteration(report),
        ...(this.learningRateCell ? { learningRate: this.learningRateCell } : {}),
      },
      this.options.compute ?? {},
    );
    return { kind: 'trained', result };
  }

  /** The optimiser's objective, with the debugger's stops: example by example when needed, and the evaluation's end. */
  private wrap(fast: Objective, set: Dataset): Objective {
    const selection: { X: Float64Array; Y: Float64Array; m: number; rows?: Int32Array } = { X: set.X, Y: set.Y, m: set.m };
    return (theta, gradOut, rows) => {
      this.poll();
      this.evaluations++;
      let batch: Batch = set;
      if (rows) {
        selection.m = rows.length;
        selection.rows = rows;
        batch = selection;
      }
      let stepped = this.needsStepping();
      let J = stepped ? this.evaluateStepped(theta, batch, gradOut) : fast(theta, gradOut, rows);
      if (!stepped && this.filters.has('nonFinite') && !this.reportedNonFinite && nonFiniteCostOrGradient(J, gradOut, this.shapes)) {
        // Run it again example by example to find where the first non-finite value appears.
        this.locating = true;
        try {
          J = this.evaluateStepped(theta, batch, gradOut);
          stepped = true;
        } finally {
          this.locating = false;
        }
      }
      this.at({ kind: 'cost', cost: J, evaluation: this.evaluations }, {
        theta, D: gradOut, J, m: batch.m, ...(stepped ? { Delta: this.stepping.sums.Delta } : {}),
      });
      return J;
    };
  }

  private evaluateStepped(theta: Float64Array, batch: Batch, gradOut: Float64Array): number {
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
      this.at(step, {
        theta, Delta: ev.sums.Delta, m: batch.m,
        example: { index: step.example, row, values: (l) => ev.values(l), y: batch.Y.subarray(row * K, (row + 1) * K) },
      });
    }
  }

  private afterIteration(report: IterationReport): void {
    this.iterations = report.iteration;
    this.at({ kind: 'iteration', iteration: report.iteration, cost: report.cost, gradNorm: report.gradNorm }, {
      theta: report.theta, D: report.gradient, J: report.cost, m: this.problem.data.train.m,
    });
  }

  /** Whether the next evaluation must go example by example. */
  private needsStepping(): boolean {
    return this.target.maxLevel >= 3 || this.lambda !== this.problem.architecture.lambda || this.breakpoints.some((b) => b.verified && b.on.kind === 'layer');
  }

  /** A step point: stop if an exception, Pause, the entry, a breakpoint or the step being waited for says so. */
  private at(step: StepPoint, known: Omit<StopView, 'step' | 'mode' | 'architecture' | 'shapes' | 'lambda' | 'evaluation' | 'iteration' | 'training'>): void {
    const view: StopView = {
      ...known, step, mode: this.options.mode, architecture: this.problem.architecture, shapes: this.shapes, lambda: this.lambda,
      evaluation: this.evaluations, ...(this.training ? { iteration: this.iterations, training: this.training } : {}),
    };
    const exception = this.exceptionAt(view);
    if (exception) {
      if (exception.filter === 'nonFinite') this.reportedNonFinite = true;
      return this.stop({ reason: 'exception', step, line: lineOfStep(this.locations, step), exception }, view);
    }
    if (this.locating) return;
    this.poll();
    const line = lineOfStep(this.locations, step);
    const wanted = this.wants(step);
    if (wanted && this.target.reason !== 'step') return this.stop({ reason: this.target.reason, step, line }, view);
    this.currentView = view;
    const hits = this.breakpoints.filter((b) => b.verified && breakpointHits(b.on, step)).map((b) => b.id).filter((id) => this.decide(id, view));
    if (hits.length > 0) return this.stop({ reason: 'breakpoint', step, line, breakpoints: hits }, view);
    this.currentView = undefined;
    if (wanted) this.stop({ reason: 'step', step, line }, view);
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

  private stop(stop: Stop, view: StopView): void {
    this.currentView = view;
    const command = this.host.stopped(stop);
    this.currentView = undefined;
    const step = stop.step, level = stepLevel(step);
    switch (command) {
      case 'terminate':
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
