/**
 * From a data table to what training needs: targets mapped to Y (classes by the rule in
 * classes.ts), a seeded train/validation split, and a normalisation fitted on the training
 * part and applied to both parts.
 */
import type { DataSpec, Spec } from '../spec/schema';
import type { Dataset, Normalization, PreparedData } from '../nn/dataset';
import { classTargets, mapClasses } from './classes';
import { fail, ok, type DataResult } from './data-error';
import { applyNormalization, fitNormalization } from './normalization';
import { splitExamples } from './split';
import type { DataTable } from './table';

/** The parts of a spec that decide how data is prepared. */
export type PrepareSpec = Pick<Spec, 'task' | 'layers'> & {
  readonly data: Pick<DataSpec, 'normalize' | 'validation' | 'seed'>;
};

/**
 * Prepares `table` for a network whose output layer has `outputUnits` units.
 * Classification with K classes needs K output units, or 1 when K = 2 (Y is then the 0/1
 * label); regression needs 1. The number of features must equal the input units s_1.
 */
export function prepareData(spec: PrepareSpec, table: DataTable, outputUnits: number): DataResult<PreparedData> {
  const { m, n } = table;
  if (m === 0) return fail({ code: 'data-no-rows', message: 'The data has no examples.' });
  const inputUnits = spec.layers[0]?.units;
  if (inputUnits !== undefined && inputUnits !== n) {
    return fail({
      code: 'data-input-mismatch',
      message: `The data has ${n} feature${n === 1 ? '' : 's'} but the input layer has ${inputUnits} units.`,
    });
  }
  const targets = targetMatrix(spec.task, table, outputUnits);
  if (!targets.ok) return targets;
  const { Y, labels, classes } = targets.value;
  const k = outputUnits;

  const split = splitExamples(m, spec.data.validation, spec.data.seed);
  const trainX = gatherRows(table.X, n, split.train);
  const normalization = fitNormalization(spec.data.normalize, trainX, split.train.length, n);
  const train = dataset(normalization, trainX, gatherRows(Y, k, split.train), labels, split.train, n, k);
  const validation =
    split.validation.length > 0
      ? dataset(normalization, gatherRows(table.X, n, split.validation), gatherRows(Y, k, split.validation), labels, split.validation, n, k)
      : undefined;
  // Scaling fitted on the training part can overflow on the other (a spread of 1e-160 there, 1e146 here).
  for (const [part, set] of [['training', train], ['validation', validation]] as const) {
    const bad = set ? set.X.findIndex((x) => !Number.isFinite(x)) : -1;
    if (set && bad >= 0) {
      const i = Math.floor(bad / n);
      const j = bad % n;
      return fail({
        code: 'data-non-finite',
        column: j,
        message: `After ${spec.data.normalize} scaling, feature ${j + 1} (${table.featureNames[j] ?? ''}) of ${part} example ${i + 1} is not a finite number: the training part's values of that feature are too close together for the others; use another normalisation or rescale the feature.`,
      });
    }
  }
  return ok({
    train,
    ...(validation ? { validation } : {}),
    normalization,
    featureNames: table.featureNames,
    ...(classes ? { classes } : {}),
  });
}

interface Targets {
  readonly Y: Float64Array;
  readonly labels?: Int32Array;
  readonly classes?: readonly (number | string)[];
}

function targetMatrix(task: Spec['task'], table: DataTable, k: number): DataResult<Targets> {
  if (task === 'regression') {
    if (k !== 1) {
      return fail({ code: 'data-output-mismatch', message: `Regression has one target but the output layer has ${k} units; it needs 1.` });
    }
    const Y = new Float64Array(table.m);
    for (let i = 0; i < table.m; i++) {
      const t = table.targets[i];
      if (typeof t !== 'number') {
        return fail({ code: 'data-not-a-number', row: i, message: `Example ${i + 1}: the regression target ${JSON.stringify(t)} is not a number.` });
      }
      Y[i] = t;
    }
    return ok({ Y });
  }
  const { classes, labels } = mapClasses(table.targets);
  const K = classes.length;
  if (k !== K && !(K === 2 && k === 1)) {
    const needs = K === 2 ? '2 (one-hot) or 1 (a sigmoid unit)' : String(K);
    return fail({ code: 'data-output-mismatch', message: `The data has ${K} classes but the output layer has ${k} units; it needs ${needs}.` });
  }
  return ok({ Y: classTargets(labels, K, k), labels, classes });
}

/** The rows `rows` of an m × width row-major matrix, in that order. */
function gatherRows(M: Float64Array, width: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((r, i) => out.set(M.subarray(r * width, (r + 1) * width), i * width));
  return out;
}

function dataset(
  norm: Normalization,
  X: Float64Array,
  Y: Float64Array,
  allLabels: Int32Array | undefined,
  rows: Int32Array,
  n: number,
  k: number,
): Dataset {
  applyNormalization(norm, X, X);
  const base = { m: rows.length, n, k, X, Y };
  if (!allLabels) return base;
  return { ...base, labels: Int32Array.from(rows, (r) => allLabels[r] ?? 0) };
}
