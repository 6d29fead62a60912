/**
 * Every message between the extension host and the inspector webview. The webview sends
 * `ready` once its script runs; the host answers with the current state, then updates.
 * Results carry the `specKey` (hash of task, layers and data) of the spec they were computed
 * for, so the webview can mark results of an older spec as stale.
 */
import type { DebugStop } from '../core/debug/debug-stop';
import type { InspectionSnapshot } from '../core/inspect/snapshot';
import type { SavedHistory } from '../core/inspect/training-series';
import type { GradientCheckReport } from '../core/nn/gradient-check';
import type { LayerSummary } from '../core/spec/model-summary';
import type { TrainingProgress } from '../core/train/progress';
import type { InitComparisonRun } from './worker-protocol';

/** Host → webview. */
export type InspectorMessage =
  /** The followed spec after each validation; `layers` only when it is valid. */
  | {
      readonly type: 'spec';
      /** The spec's URI (kept in the webview's state, so a reloaded window can follow it again). */
      readonly uri: string;
      readonly file: string;
      readonly valid: boolean;
      readonly errors: number;
      readonly specKey?: string;
      readonly task?: 'classification' | 'regression';
      readonly layers?: readonly LayerSummary[];
      readonly total?: number;
    }
  /** Weights, trace and decision boundary of the spec (its weights file, initial weights or a finished run). */
  | { readonly type: 'snapshot'; readonly specKey: string; readonly snapshot: InspectionSnapshot; readonly note?: string }
  /** Why no snapshot could be taken (untrusted workspace, data errors). */
  | { readonly type: 'snapshot-failed'; readonly message: string }
  | { readonly type: 'training-started'; readonly specKey: string }
  /** Throttled by the worker (≤ 20 a second); `snapshot` now and then when the trainer shares θ. */
  | { readonly type: 'progress'; readonly progress: TrainingProgress; readonly snapshot?: InspectionSnapshot }
  | { readonly type: 'training-finished'; readonly reason: string; readonly finalCost: number; readonly costHistory: readonly number[] }
  | { readonly type: 'gradient-check'; readonly specKey: string; readonly report: GradientCheckReport }
  | { readonly type: 'init-comparison'; readonly specKey: string; readonly runs: readonly InitComparisonRun[] }
  /**
   * The spec's latest run, kept by the host (it may have run while no inspector was open):
   * its curves, when it ended, and whether it was cut short. Shown until a new run starts.
   */
  | { readonly type: 'last-run'; readonly run: LastRun }
  /** A debug session of the followed spec stopped here: the inspector highlights the step's layer and shows the example. */
  | { readonly type: 'debug-stop'; readonly stop: DebugStop }
  /** The debug session of the followed spec runs again, or ended: nothing is stopped. */
  | { readonly type: 'debug-running' };

/** Webview → host. */
export type InspectorRequest =
  | { readonly type: 'ready' }
  /** Show layer `layer` (1-based) of the spec in the editor (a gradient-check row was chosen). */
  | { readonly type: 'reveal-layer'; readonly layer: number }
  /** Trace another training example (0-based). */
  | { readonly type: 'select-example'; readonly example: number };

const MAX_INDEX = 100_000_000;

/** Checks a message from the webview before use: it is untrusted input. */
export function parseInspectorRequest(value: unknown): InspectorRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  switch (v['type']) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal-layer': {
      const layer = v['layer'];
      return isIndex(layer) && layer >= 1 && layer < 10_000 ? { type: 'reveal-layer', layer } : undefined;
    }
    case 'select-example': {
      const example = v['example'];
      return isIndex(example) ? { type: 'select-example', example } : undefined;
    }
    default:
      return undefined;
  }
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < MAX_INDEX;
}

/** A finished training of a spec, as the host keeps it (workspace state) for the inspector. */
export interface LastRun {
  /** The spec's key when the run started: the webview marks the curves stale when the spec changed since. */
  readonly specKey: string;
  /** When the run ended, ISO 8601. */
  readonly finishedAt: string;
  /** Cut short (cancelled, stopped, not finite): the weights saved are the last good ones. */
  readonly partial: boolean;
  readonly reason: string;
  readonly finalCost: number;
  readonly history: SavedHistory;
}
