/**
 * The Dead units and Saturated units exception filters: after an iteration (or the one
 * evaluation), the hidden units that stopped learning (core/train/unit-health.ts). A unit is
 * reported once, when it first goes dead or saturated, so a run that keeps it so does not stop
 * at every iteration.
 */
import type { Dataset } from '../nn/dataset';
import { NetworkEvaluator } from '../nn/evaluator';
import type { Architecture } from '../nn/network';
import { unitHealth } from '../train/unit-health';
import type { RunException } from './run-exception';

export class UnitWatch {
  private readonly evaluator: NetworkEvaluator;
  private readonly reported = { dead: new Set<string>(), saturated: new Set<string>() };

  constructor(architecture: Architecture) {
    this.evaluator = new NetworkEvaluator({ ...architecture, lambda: 0 }, 1);
  }

  /** The first layer with units newly dead (or saturated) at θ, or undefined. */
  check(theta: Float64Array, data: Dataset, want: { readonly dead: boolean; readonly saturated: boolean }): RunException | undefined {
    if (!want.dead && !want.saturated) return undefined;
    for (const health of unitHealth(this.evaluator, theta, data)) {
      for (const kind of ['dead', 'saturated'] as const) {
        if (!want[kind]) continue;
        const seen = this.reported[kind];
        const fresh = health[kind].filter((u) => !seen.has(`${health.layer}:${u}`));
        if (fresh.length === 0) continue;
        for (const u of fresh) seen.add(`${health.layer}:${u}`);
        const units = fresh.length === 1 ? `unit ${fresh[0]}` : `units ${fresh.join(', ')}`;
        const why = kind === 'dead' ? 'output 0 on every example checked: no gradient reaches their weights' : "g'(z) < 0.01 on 95 % of the examples: their weights barely move";
        return {
          filter: kind === 'dead' ? 'deadUnits' : 'saturatedUnits',
          quantity: `a^(${health.layer})`,
          layer: health.layer,
          units: fresh,
          description: `Layer ${health.layer}: ${units} of ${health.units} ${kind} (${why}; ${health.examples} examples checked)`,
        };
      }
    }
    return undefined;
  }
}
