/** The shape of a benchmark workload, and the one way to time it. */
import type { BenchOptions } from './options';

export interface BenchWorkload {
  /** Printed as `workload`; also the name to pick it with: `node dist/bench.js NAME`. */
  readonly name: string;
  /** Runs only when named on the command line (it is slow or needs more than Node). */
  readonly onlyWhenNamed?: boolean;
  /** Runs the measurement; the result is printed as one JSON line after `workload`. */
  run(options?: BenchOptions): Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface Timing {
  /** Median wall-clock time of one call, in milliseconds. */
  readonly medianMs: number;
  /**
   * Median CPU time (user + system) of one call, in milliseconds: unlike the wall time it
   * does not grow when other processes compete for the cores.
   */
  readonly medianCpuMs: number;
  readonly runs: number;
}

/**
 * Times `fn` after `warmup` untimed calls (so the JIT has compiled the paths measured).
 * Medians shrug off GC pauses and scheduling hiccups.
 */
export function timeCalls(fn: () => unknown, options: { warmup: number; runs: number }): Timing {
  for (let i = 0; i < options.warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { medianMs: round(median(wall)), medianCpuMs: round(median(cpu)), runs: options.runs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function round(x: number): number {
  return Number(x.toFixed(4));
}
