/**
 * The debugger's runtime: a SteppedEvaluation driven by the commands of a debugger (continue,
 * step over, step in, step out), with breakpoints on the spec's lines and the NaN-or-Inf
 * exception filter. It knows nothing of the Debug Adapter Protocol (src/debug translates), and
 * runs synchronously: each command returns the next stop, or the end.
 */
import type { Batch } from '../nn/batch';
import type { Architecture } from '../nn/network';
import { breakpointHits, lineOfStep, resolveBreakpoint, type BreakpointTarget, type StepLocations } from './step-locations';
import type { StepPoint } from './step-point';
import { SteppedEvaluation } from './stepped-evaluation';

export type StopReason = 'entry' | 'step' | 'breakpoint' | 'exception';

/** A breakpoint as set: its id, and what it means or why it is unverified. */
export type RuntimeBreakpoint = BreakpointTarget & { readonly id: number };

/**
 * Whether a breakpoint that hits a step stops there: its condition, hit count or logpoint
 * (decided by the caller, who can evaluate expressions at the step). Default: it stops.
 */
export type BreakpointDecision = (breakpoint: number, step: StepPoint) => boolean;

export interface Stop {
  readonly reason: StopReason;
  readonly step: StepPoint;
  /** The spec line (0-based) of the step. */
  readonly line: number | undefined;
  /** The breakpoints that stopped here. */
  readonly breakpoints?: readonly number[];
  /** For an exception stop: the first non-finite value, named (quantity, layer, unit, example). */
  readonly exception?: NonFiniteValue;
}

/** The first non-finite value of a step. */
export interface NonFiniteValue {
  /** e.g. `a^(3)_2`, `δ^(2)_1`, `J`, `D^(1)_2,3`. */
  readonly quantity: string;
  readonly value: number;
  readonly layer?: number;
  /** 1-based. */
  readonly unit?: number;
  /** 0-based. */
  readonly example?: number;
  readonly description: string;
}

export type RunResult = { readonly stopped: Stop } | { readonly ended: { readonly cost: number } };

export interface DebugRuntimeOptions {
  /** The examples (0-based) to step through; default all. The others run at full speed. */
  readonly stepped?: (example: number) => boolean;
  /** Stop where the first NaN or ±Inf appears (default true). */
  readonly stopOnNonFinite?: boolean;
}

export class DebugRuntime {
  readonly evaluation: SteppedEvaluation;
  private readonly steps: Generator<StepPoint, number, void>;
  private breakpoints: RuntimeBreakpoint[] = [];
  private decide: BreakpointDecision = () => true;
  private nextId = 1;
  private stopOnNonFinite: boolean;
  private reportedNonFinite = false;
  private currentStep: StepPoint | undefined;
  private endedWith: number | undefined;

  constructor(
    readonly architecture: Architecture,
    theta: Float64Array,
    batch: Batch,
    private readonly locations: StepLocations,
    options: DebugRuntimeOptions = {},
  ) {
    this.evaluation = new SteppedEvaluation(architecture, theta, batch, options.stepped ? { stepped: options.stepped } : {});
    this.steps = this.evaluation.steps();
    this.stopOnNonFinite = options.stopOnNonFinite ?? true;
  }

  /** The step the run is stopped at, if it is stopped. */
  get current(): StepPoint | undefined {
    return this.currentStep;
  }

  /** J, once the run has ended. */
  get finalCost(): number | undefined {
    return this.endedWith;
  }

  /**
   * Replaces every breakpoint by those on `lines` (0-based), each resolved as resolveBreakpoint
   * says; `decide` says whether a hit stops (conditions, hit counts, logpoints).
   */
  setBreakpoints(lines: readonly number[], decide?: BreakpointDecision): readonly RuntimeBreakpoint[] {
    this.breakpoints = lines.map((line) => ({ ...resolveBreakpoint(this.locations, line), id: this.nextId++ }));
    this.decide = decide ?? (() => true);
    return this.breakpoints;
  }

  /** Turns the NaN-or-Inf exception filter on or off. */
  setStopOnNonFinite(on: boolean): void {
    this.stopOnNonFinite = on;
  }

  /** Starts the run: stops at the first step with stopOnEntry, else runs as Continue does. */
  start(stopOnEntry: boolean): RunResult {
    return stopOnEntry ? this.advance(() => 'entry') : this.continue();
  }

  /** Runs to the next breakpoint or exception, or to the end. */
  continue(): RunResult {
    return this.advance(() => undefined);
  }

  /** Step Over: the next step (the next layer forward, then δ^(L), δ^(L−1)…, then the next example, then J). */
  next(): RunResult {
    return this.advance(() => 'step');
  }

  /** Step Into: the steps are the innermost level of an evaluation, so the same as Step Over. */
  stepIn(): RunResult {
    return this.next();
  }

  /** Step Out: finishes the current example (stops when its Δ is added); from there, runs to J. */
  stepOut(): RunResult {
    const from = this.currentStep;
    if (!from || from.kind === 'example-done' || from.kind === 'cost') return this.advance((s) => (s.kind === 'cost' ? 'step' : undefined));
    return this.advance((s) => (s.kind === 'example-done' && s.example === from.example ? 'step' : s.kind === 'cost' ? 'step' : undefined));
  }

  /**
   * Runs the evaluation until `wants` names a reason to stop at a step, a breakpoint hits, or a
   * non-finite value appears; or to the end.
   */
  private advance(wants: (step: StepPoint) => StopReason | undefined): RunResult {
    if (this.endedWith !== undefined) return { ended: { cost: this.endedWith } };
    for (;;) {
      const r = this.steps.next();
      if (r.done) {
        this.currentStep = undefined;
        this.endedWith = r.value;
        return { ended: { cost: r.value } };
      }
      const step = r.value;
      this.currentStep = step;
      const line = lineOfStep(this.locations, step);
      const exception = this.stopOnNonFinite && !this.reportedNonFinite ? this.nonFiniteAt(step) : undefined;
      if (exception) {
        this.reportedNonFinite = true;
        return { stopped: { reason: 'exception', step, line, exception } };
      }
      const reason = wants(step);
      // The entry stop is the entry stop, whatever breakpoint shares its step.
      if (reason === 'entry') return { stopped: { reason, step, line } };
      const hits = this.breakpoints.filter((b) => b.verified && breakpointHits(b.on, step)).map((b) => b.id).filter((id) => this.decide(id, step));
      if (hits.length > 0) return { stopped: { reason: 'breakpoint', step, line, breakpoints: hits } };
      if (reason) return { stopped: { reason, step, line } };
    }
  }

  /** The first non-finite value the step computed, if any. */
  private nonFiniteAt(step: StepPoint): NonFiniteValue | undefined {
    const ev = this.evaluation;
    const first = (values: Float64Array, name: string, layer: number, example: number): NonFiniteValue | undefined => {
      for (let k = 0; k < values.length; k++) {
        const v = values[k]!;
        if (!Number.isFinite(v)) {
          const quantity = `${name}^(${layer})_${k + 1}`;
          return { quantity, value: v, layer, unit: k + 1, example, description: `${quantity} = ${v} at example ${example + 1}: the first non-finite value of this run` };
        }
      }
      return undefined;
    };
    switch (step.kind) {
      case 'forward': {
        const v = ev.values(step.layer);
        return first(v.z, 'z', step.layer, step.example) ?? first(v.a, 'a', step.layer, step.example);
      }
      case 'output-delta':
      case 'backward':
        return first(ev.values(step.layer).delta, 'δ', step.layer, step.example);
      case 'example-done':
        return undefined;
      case 'cost': {
        if (!Number.isFinite(step.cost)) return { quantity: 'J', value: step.cost, description: `J = ${step.cost}: the cost is not finite` };
        const D = ev.D;
        for (let k = 0; k < D.length; k++) {
          if (!Number.isFinite(D[k]!)) {
            const s = ev.shapes.find((x) => k < x.offset + x.size)!;
            const i = Math.floor((k - s.offset) / s.cols) + 1, j = (k - s.offset) % s.cols;
            const quantity = `D^(${s.layer})_${i},${j}`;
            return { quantity, value: D[k]!, layer: s.layer, description: `${quantity} = ${D[k]}: the gradient is not finite` };
          }
        }
        return undefined;
      }
      default: {
        const never: never = step;
        return never;
      }
    }
  }
}
