/**
 * The core's data types that travel to the inspector webview, re-exported so that the webview
 * imports only protocol (and its own files): what the core computes reaches it as these shapes.
 */
export type { DebugStop, DebugStopExample } from '../core/debug/debug-stop';
export type { SavedHistory } from '../core/inspect/training-series';
export type { ConfusionMatrix, CurveGrid, InspectionSnapshot, PlaneGrid, TraceData } from '../core/inspect/snapshot';
export type { GradientCheckReport } from '../core/nn/gradient-check';
export type { SymmetricLayer } from '../core/nn/symmetry';
export type { LayerSummary } from '../core/spec/model-summary';
export type { LayerProgress, TrainingProgress } from '../core/train/progress';
