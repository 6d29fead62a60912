/**
 * Where the steps of backpropagation are in the spec's text, for breakpoints and the Call
 * Stack: each layer's entry (its first line), `cost:`, `train:`, and the data (each inline
 * row, else the line naming the source). Lines are 0-based here;
 * the debug adapter converts at its edge. Built from the outline, so a half-written spec
 * yields whatever parts it has.
 */
import { outlineSpec } from '../spec/outline';
import { LineIndex } from '../text/line-index';
import type { StepPoint } from './step-point';

export interface StepLocations {
  /** The first line of layer l's entry at index l − 1 (l = 1 … L). */
  readonly layerLines: readonly number[];
  /** The last line of each layer's entry (a breakpoint anywhere inside one belongs to it). */
  readonly layerEndLines: readonly number[];
  readonly costLine?: number;
  readonly trainLine?: number;
  /** The line of `data:`'s source (`rows:`, `csv:`, `generate:`), else of `data:`. */
  readonly dataLine?: number;
  /** The line of each inline data row, by its index in `data.rows`. */
  readonly rowLines: readonly number[];
}

/** What a breakpoint on a line means, or why it cannot be set there. */
export type BreakpointTarget =
  | { readonly verified: true; readonly line: number; readonly on: { readonly kind: 'layer'; readonly layer: number } | { readonly kind: 'cost' } | { readonly kind: 'iteration' } }
  | { readonly verified: false; readonly line: number; readonly message: string };

export function stepLocations(text: string): StepLocations {
  const outline = outlineSpec(text), lines = new LineIndex(text);
  const line = (offset: number): number => lines.positionAt(offset).line;
  const cost = outline.keys.get('cost'), train = outline.keys.get('train');
  const data = outline.keys.get('data.rows') ?? outline.keys.get('data.csv') ?? outline.keys.get('data.generate') ?? outline.keys.get('data');
  return {
    layerLines: outline.layers.map(([start]) => line(start)),
    layerEndLines: outline.layers.map(([, end]) => line(Math.max(end - 1, 0))),
    ...(cost ? { costLine: line(cost.key[0]) } : {}),
    ...(train ? { trainLine: line(train.key[0]) } : {}),
    ...(data ? { dataLine: line(data.key[0]) } : {}),
    rowLines: outline.dataRows.map(([start]) => line(start)),
  };
}

/**
 * Resolves a requested breakpoint line: a line inside a layer's entry moves to its first line;
 * `cost:` stops when J is known; `train:` at every iteration of a training; any other line
 * (and `train:` when the session evaluates once) is unverified, with the reason.
 */
export function resolveBreakpoint(locations: StepLocations, line: number, mode: 'evaluate' | 'train' = 'evaluate'): BreakpointTarget {
  for (let i = 0; i < locations.layerLines.length; i++) {
    if (line >= locations.layerLines[i]! && line <= locations.layerEndLines[i]!) {
      return { verified: true, line: locations.layerLines[i]!, on: { kind: 'layer', layer: i + 1 } };
    }
  }
  if (line === locations.costLine) return { verified: true, line, on: { kind: 'cost' } };
  if (line === locations.trainLine) {
    if (mode === 'train') return { verified: true, line, on: { kind: 'iteration' } };
    return { verified: false, line, message: 'A breakpoint on train: stops at every iteration of a training; this session evaluates once (mode "evaluate").' };
  }
  const where = mode === 'train' ? ', on cost: (J known) or on train: (each iteration)' : ', or on cost: (J known)';
  return { verified: false, line, message: `Breakpoints stop on a layer entry (forward: z and a; backward: δ)${where}.` };
}

/** The spec line a step point belongs to (layer l's entry; example-done on the input layer, whose Δ^(1) it adds; the cost on cost:). */
export function lineOfStep(locations: StepLocations, step: StepPoint): number | undefined {
  switch (step.kind) {
    case 'forward':
    case 'output-delta':
    case 'backward':
      return locations.layerLines[step.layer - 1];
    case 'example-done':
      return locations.layerLines[0];
    case 'cost':
      return locations.costLine ?? locations.layerLines.at(-1);
    case 'iteration':
      return locations.trainLine ?? locations.costLine ?? locations.layerLines.at(-1);
    default: {
      const never: never = step;
      return never;
    }
  }
}

/** Whether a breakpoint target stops at a step. */
export function breakpointHits(on: Extract<BreakpointTarget, { verified: true }>['on'], step: StepPoint): boolean {
  if (on.kind === 'cost') return step.kind === 'cost';
  if (on.kind === 'iteration') return step.kind === 'iteration';
  switch (step.kind) {
    case 'forward':
    case 'output-delta':
    case 'backward':
      return step.layer === on.layer;
    case 'example-done':
      return on.layer === 1;
    default:
      return false;
  }
}
