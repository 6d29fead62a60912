/**
 * Writing a weights file (format.ts): the layout is fixed (keys in the documented order,
 * one line per matrix) so files diff well, and every number is written so that it reads
 * back to the same double.
 */
import type { Normalization } from '../nn/dataset';
import { WEIGHTS_FORMAT, WEIGHTS_VERSION, type WeightsResult, type WeightsRun } from './format';
import { layersFromTheta } from './layers';

/** What a weights file is made from. */
export interface WeightsInput {
  readonly specHash: string;
  /** s_1 … s_L. */
  readonly layerSizes: readonly number[];
  /** The unrolled parameters θ. */
  readonly theta: Float64Array;
  readonly normalization: Normalization;
  readonly classes?: readonly (string | number)[];
  readonly run?: WeightsRun;
}

/** A double as JSON that parses back to the same double: shortest round-trip form, −0 as -0. */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** A finite double as JSON, or null. */
function formatNullable(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? 'null' : formatNumber(x);
}

/** The JSON text of a weights file, or a failure when θ does not fit the sizes or is not finite. */
export function serializeWeights(input: WeightsInput): WeightsResult<string> {
  const layers = layersFromTheta(input.theta, input.layerSizes);
  if (!layers.ok) return layers;
  for (const [l, layer] of layers.value.entries()) {
    const bad = layer.data.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) {
      return { ok: false, error: { code: 'weights-non-finite', layer: l + 1, message: `Layer ${l + 1} (Θ^(${l + 1})) has the non-finite weight ${layer.data[bad]} at index ${bad}; it cannot be saved.` } };
    }
  }
  const norm = input.normalization;
  if (![...norm.shift, ...norm.scale].every(Number.isFinite)) {
    return { ok: false, error: { code: 'weights-non-finite', message: 'The normalisation has a non-finite shift or scale.' } };
  }
  const numbers = (xs: readonly number[]): string => `[${xs.map(formatNumber).join(', ')}]`;
  const lines = [
    '{',
    `  "format": ${JSON.stringify(WEIGHTS_FORMAT)},`,
    `  "version": ${WEIGHTS_VERSION},`,
    `  "specHash": ${JSON.stringify(input.specHash)},`,
    '  "layers": [',
    layers.value.map((layer) => `    {"rows": ${layer.rows}, "cols": ${layer.cols}, "data": ${numbers(layer.data)}}`).join(',\n'),
    '  ],',
    `  "normalization": {"kind": ${JSON.stringify(norm.kind)}, "shift": ${numbers(norm.shift)}, "scale": ${numbers(norm.scale)}}`,
  ];
  if (input.classes) lines[lines.length - 1] += `,\n  "classes": ${JSON.stringify(input.classes)}`;
  if (input.run) lines[lines.length - 1] += `,\n  "run": ${runJson(input.run)}`;
  lines.push('}', '');
  return { ok: true, value: lines.join('\n') };
}

/** The run as one line of JSON; non-finite costs become null, other numbers exact. */
function runJson(run: WeightsRun): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(run)) {
    if (value === undefined) continue;
    const text = typeof value === 'number' || value === null ? formatNullable(value) : JSON.stringify(value);
    parts.push(`${JSON.stringify(key)}: ${text}`);
  }
  return `{${parts.join(', ')}}`;
}
