/**
 * Every message between the extension host and the inspector webview. The webview sends
 * `ready` once its script runs; the host answers with the current state, then updates.
 */
import type { GradientCheckReport } from '../core/nn/gradient-check';
import type { LayerSummary } from '../core/spec/model-summary';
import type { TrainingProgress } from '../core/train/progress';

/** Host → webview. */
export type InspectorMessage =
  | { readonly type: 'spec'; readonly file: string; readonly valid: boolean; readonly errors: number; readonly layers?: readonly LayerSummary[]; readonly total?: number }
  | { readonly type: 'training-started'; readonly maxIterations?: number }
  | { readonly type: 'progress'; readonly progress: TrainingProgress }
  | { readonly type: 'training-finished'; readonly reason: string; readonly finalCost: number }
  | { readonly type: 'gradient-check'; readonly report: GradientCheckReport };

/** Webview → host. */
export type InspectorRequest = { readonly type: 'ready' } | { readonly type: 'reveal-layer'; readonly layer: number };

/** Checks a message from the webview before use: it is untrusted input. */
export function parseInspectorRequest(value: unknown): InspectorRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v['type'] === 'ready') return { type: 'ready' };
  if (v['type'] === 'reveal-layer' && Number.isInteger(v['layer']) && (v['layer'] as number) >= 1 && (v['layer'] as number) < 10_000) {
    return { type: 'reveal-layer', layer: v['layer'] as number };
  }
  return undefined;
}
