/**
 * What the webview keeps across reloads and hiding (vscode.setState): the spec it follows,
 * the chosen example, the log toggle, the last valid network and the last run's curves, thinned.
 * Read back defensively: a state from an older version must not break the panel.
 */
import type { GradientCheckReport } from '../../src/protocol/inspector-data';
import type { LayerSummary } from '../../src/protocol/inspector-data';
import type { InitComparisonRun } from '../../src/protocol/worker-protocol';
import type { Column, SavedHistory } from '../../src/core/inspect/training-series';

export interface SavedState {
  readonly uri?: string;
  readonly file?: string;
  /** 0-based training example. */
  readonly example: number;
  readonly log: boolean;
  readonly layers?: readonly LayerSummary[];
  readonly total?: number;
  /** [iteration, J] pairs of the last run (older versions; `history` replaces it). */
  readonly cost?: readonly (readonly [number, number | null])[];
  /** The last run's curves, thinned: J, accuracy, mean |δ| and ‖D‖ per layer. */
  readonly history?: SavedHistory;
  /** The last gradient check and initialisation comparison, shown again after a reload. */
  readonly check?: GradientCheckReport;
  readonly comparison?: readonly InitComparisonRun[];
}

export const EMPTY_STATE: SavedState = { example: 0, log: false };

export function readSavedState(value: unknown): SavedState {
  if (typeof value !== 'object' || value === null) return EMPTY_STATE;
  const v = value as Record<string, unknown>;
  const layers = Array.isArray(v['layers']) && v['layers'].every(isLayer) ? (v['layers'] as LayerSummary[]) : undefined;
  const cost = Array.isArray(v['cost']) && v['cost'].every((p) => Array.isArray(p) && typeof p[0] === 'number' && (typeof p[1] === 'number' || p[1] === null)) ? (v['cost'] as [number, number | null][]) : undefined;
  return {
    ...(typeof v['uri'] === 'string' ? { uri: v['uri'] } : {}),
    ...(typeof v['file'] === 'string' ? { file: v['file'] } : {}),
    example: Number.isInteger(v['example']) && (v['example'] as number) >= 0 ? (v['example'] as number) : 0,
    log: v['log'] === true,
    ...(layers ? { layers, total: typeof v['total'] === 'number' ? v['total'] : 0 } : {}),
    ...(cost ? { cost } : {}),
    ...(isHistory(v['history']) ? { history: v['history'] } : {}),
    ...(isCheck(v['check']) ? { check: v['check'] } : {}),
    ...(Array.isArray(v['comparison']) && v['comparison'].every(isRun) ? { comparison: v['comparison'] as InitComparisonRun[] } : {}),
  };
}

/** Columns of numbers or nulls, all as long as the iterations. */
function isHistory(value: unknown): value is SavedHistory {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  const iterations = h['iterations'];
  if (!Array.isArray(iterations) || !iterations.every((x) => typeof x === 'number')) return false;
  const isColumn = (c: unknown): c is Column => Array.isArray(c) && c.length === iterations.length && c.every((x) => x === null || typeof x === 'number');
  const isColumns = (cs: unknown): boolean => Array.isArray(cs) && cs.every(isColumn);
  return ['train', 'validation', 'trainAccuracy', 'validationAccuracy'].every((k) => isColumn(h[k])) && isColumns(h['gradientNorm']) && isColumns(h['meanAbsDelta']);
}

function isCheck(value: unknown): value is GradientCheckReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return Array.isArray(r['layers']) && r['layers'].every((l) => typeof l === 'object' && l !== null && Number.isInteger((l as Record<string, unknown>)['layer']) && typeof (l as Record<string, unknown>)['relativeDifference'] === 'number');
}

function isRun(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r['strategy'] === 'string' && Array.isArray(r['costHistory']) && Array.isArray(r['symmetry']) && typeof r['finalCost'] === 'number';
}

function isLayer(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const l = value as Record<string, unknown>;
  return Number.isInteger(l['layer']) && Number.isInteger(l['units']) && (l['units'] as number) > 0;
}
