/**
 * The layers against themselves and against the data: input units = n features, output
 * units = K classes (or 1 sigmoid unit for K = 2, 1 for regression), softmax only on the
 * output and only with cross-entropy, no activation on the input layer.
 */
import type { DataShape } from './data-shape';
import { parseField } from './field-value';
import { replaceFix, type Reporter } from './reporter';
import { effectiveCost, layerSchema, specSchema, type ActivationName, type TaskName } from './schema';

interface LayerView {
  readonly units?: number;
  /** The activation in effect (sigmoid when absent), undefined when the written one is invalid. */
  readonly activation?: ActivationName;
}

export function checkArchitecture(r: Reporter, data: DataShape, task: TaskName | undefined): void {
  const raw = r.get(['layers']);
  if (!Array.isArray(raw) || raw.length === 0) return;
  const layers: LayerView[] = raw.map((layer: unknown) => {
    const l = (layer ?? {}) as { units?: unknown; activation?: unknown };
    const units = parseField(layerSchema.shape.units, l.units);
    const activation = parseField(layerSchema.shape.activation, l.activation);
    return { ...(units && { units: units.value }), ...(activation && { activation: activation.value ?? 'sigmoid' }) };
  });
  const L = layers.length;

  if (r.has(['layers', 0, 'activation'])) {
    r.report('input-activation', 'The input layer has no activation: its units are the features themselves. Remove this line.', r.pairRange(['layers', 0, 'activation']));
  }
  for (let l = 1; l < L - 1; l++) {
    if (layers[l]!.activation === 'softmax') {
      r.report('softmax-not-output', `softmax is for the output layer only; layer ${l + 1} is hidden. Use sigmoid, tanh or relu here.`, r.valueRange(['layers', l, 'activation']));
    }
  }
  if (L < 2) return;
  checkInput(r, layers[0]!, data);
  checkOutput(r, layers[L - 1]!, L - 1, data, task);
}

function checkInput(r: Reporter, input: LayerView, data: DataShape): void {
  const n = data.features;
  if (input.units === undefined || n === undefined || input.units === n) return;
  const range = r.valueRange(['layers', 0, 'units']);
  r.report('input-units-mismatch', `The input layer has ${input.units} units but the data has ${n} feature${n === 1 ? '' : 's'}.`, range, {
    fix: replaceFix(range, String(n), `Set the input units to ${n}`),
  });
}

function checkOutput(r: Reporter, output: LayerView, l: number, data: DataShape, task: TaskName | undefined): void {
  const activationRange = r.valueRange(['layers', l, r.has(['layers', l, 'activation']) ? 'activation' : 'units']);
  if (output.activation === 'softmax' && output.units === 1) {
    r.report('softmax-single-unit', 'softmax over a single unit always outputs 1; use sigmoid for one output unit.', activationRange);
  }
  const cost = parseField(specSchema.shape.cost, r.get(['cost']));
  if (output.activation === 'softmax' && cost && task && effectiveCost({ cost: cost.value, task }) === 'squared-error') {
    const costRange = r.has(['cost']) ? r.valueRange(['cost']) : activationRange;
    r.report('softmax-squared-error', 'softmax outputs are probabilities and go with the cross-entropy cost, not squared-error.', costRange, {
      ...(r.has(['cost']) && { fix: replaceFix(costRange, 'cross-entropy', 'Use cost: cross-entropy') }),
    });
  }
  if (task === 'classification' && output.activation === 'relu') {
    r.report('relu-output-classifier', 'relu on the output of a classifier gives no probabilities and can get stuck at 0; use sigmoid or softmax.', activationRange);
  }

  const units = output.units;
  if (units === undefined || task === undefined) return;
  const K = data.classes;
  const range = r.valueRange(['layers', l, 'units']);
  if (task === 'regression' && units !== 1) {
    r.report('output-units-mismatch', `A regression predicts one number: the output layer needs 1 unit, not ${units}.`, range, {
      fix: replaceFix(range, '1', 'Set the output units to 1'),
    });
  } else if (task === 'classification' && K !== undefined && K >= 2) {
    const ok = units === K || (K === 2 && units === 1);
    if (ok) return;
    const want = K === 2 ? (output.activation === 'softmax' ? 2 : 1) : K;
    const how = K === 2 ? 'use 1 unit (sigmoid) or 2 (softmax)' : `use ${K} units, one per class`;
    r.report('output-units-mismatch', `The output layer has ${units} unit${units === 1 ? '' : 's'} but the data has ${K} classes: ${how}.`, range, {
      fix: replaceFix(range, String(want), `Set the output units to ${want}`),
    });
  }
}
