/**
 * What the data looks like to the network, found without loading it: the number of
 * features n (the input layer's units) and, for classification, the number of classes K.
 * Inline rows are read directly, generators from GENERATOR_SHAPES, CSV files through the
 * caller's DataProbe. Problems of the data itself are reported on the way.
 */
import type { CsvColumnSummary, DataProbe } from './data-probe';
import { classCount, csvClassCount } from './classes';
import { parseField } from './field-value';
import type { GeneratorShape } from './generators';
import { replaceFix, type Reporter } from './reporter';
import { generatedDataSchema, type GeneratorName, type TaskName } from './schema';
import type { DataSourceKey } from './schema-walk';
import { nearest } from './suggest';

export interface DataShape {
  /** Number of features n, when known. */
  readonly features?: number;
  /** classification: the number of distinct classes K, when known. */
  readonly classes?: number;
  /** The number of examples m, when known (a CSV's data rows, the inline rows, the samples). */
  readonly rows?: number;
}

export interface DataShapeOptions {
  readonly probe?: DataProbe;
  readonly generatorShapes: Readonly<Record<GeneratorName, GeneratorShape>>;
}

export function checkData(r: Reporter, source: DataSourceKey, task: TaskName | undefined, options: DataShapeOptions): DataShape {
  const shape =
    source === 'rows' ? inlineShape(r, task) : source === 'generate' ? generatedShape(r, task, options.generatorShapes) : csvShape(r, task, options.probe);
  if (shape.classes === 1) {
    r.report('single-class', 'Every example has the same target: there is only one class, so there is nothing to learn.', r.keyRange(['data', source]));
  }
  return shape;
}

function inlineShape(r: Reporter, task: TaskName | undefined): DataShape {
  const rows = r.get(['data', 'rows']);
  if (!Array.isArray(rows)) return {};
  const width = rows.find(Array.isArray)?.length;
  if (width === undefined || width === 0) return {};
  const targets: (string | number)[] = [];
  rows.forEach((row: unknown, i) => {
    if (!Array.isArray(row)) return;
    if (row.length !== width) {
      r.report(
        'rows-ragged',
        `Row ${i + 1} has ${row.length} cells but the first row has ${width}: every row is ${width - 1} features, then the target.`,
        r.valueRange(['data', 'rows', i]),
      );
    }
    row.forEach((cell: unknown, j) => {
      const isTarget = j === row.length - 1;
      if (!isTarget && typeof cell === 'string') {
        r.report('rows-not-number', `Cell ${j + 1} of row ${i + 1} is a feature and must be a number, not \`${cell}\`.`, r.valueRange(['data', 'rows', i, j]));
      }
      if (isTarget && typeof cell === 'string' && task === 'regression') {
        r.report('regression-target-not-numeric', `The target of row ${i + 1} must be a number for regression, not \`${cell}\`.`, r.valueRange(['data', 'rows', i, j]));
      }
      if (isTarget && (typeof cell === 'string' || typeof cell === 'number')) targets.push(cell);
    });
  });
  return { features: width - 1, rows: rows.length, ...(task === 'classification' && { classes: classCount(targets) }) };
}

function generatedShape(r: Reporter, task: TaskName | undefined, shapes: DataShapeOptions['generatorShapes']): DataShape {
  const name = parseField(generatedDataSchema.shape.generate, r.get(['data', 'generate']));
  if (!name) return {};
  const samples = parseField(generatedDataSchema.shape.samples, r.get(['data', 'samples']))?.value;
  return { ...generatedFeatures(r, task, shapes, name.value), ...(samples !== undefined && { rows: samples }) };
}

/** The features and classes of a generator, checked against the task. */
function generatedFeatures(r: Reporter, task: TaskName | undefined, shapes: DataShapeOptions['generatorShapes'], generator: GeneratorName): DataShape {
  const shape = shapes[generator];
  if (task !== undefined && shape.task !== task) {
    const makes = shape.task === 'classification' ? `classification data (${shape.classes ?? 2} classes)` : 'regression data (a real target)';
    const others = Object.entries(shapes).filter(([, s]) => s.task === task).map(([n]) => n);
    r.report('generator-task-mismatch', `\`${generator}\` makes ${makes} but the task is ${task}; use ${others.join(', ')}, or change the task.`, r.valueRange(['data', 'generate']), {
      related: r.has(['task']) ? [{ message: 'The task is set here.', range: r.valueRange(['task']) }] : [],
    });
    return { features: shape.features };
  }
  return { features: shape.features, ...(shape.classes !== undefined && { classes: shape.classes }) };
}

function csvShape(r: Reporter, task: TaskName | undefined, probe: DataProbe | undefined): DataShape {
  const csv = r.get(['data', 'csv']);
  if (typeof csv !== 'string' || csv.length === 0 || !probe) return {};
  const target = r.get(['data', 'target']);
  const listed = r.get(['data', 'features']);
  const features = Array.isArray(listed) && listed.every((f) => typeof f === 'string') ? (listed as string[]) : undefined;
  const result = probe(csv, typeof target === 'string' && target.length > 0 ? target : undefined, features);
  if (result.status === 'pending') return {};
  if (result.status === 'failed') {
    r.report(result.error.code, result.error.message, r.valueRange(['data', 'csv']));
    return {};
  }
  const columns = new Map(result.summary.columns.map((c) => [c.name, c]));
  const names = [...columns.keys()];
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length} in all)` : names.join(', ');
  const missing = (path: (string | number)[], name: string): void => {
    const suggestion = nearest(name, names);
    const range = r.valueRange(path);
    r.report('csv-missing-column', `${csv} has no column \`${name}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} Columns: ${shown}.`, range, {
      ...(suggestion && { fix: replaceFix(range, suggestion) }),
    });
  };

  const targetColumn = typeof target === 'string' ? columns.get(target) : undefined;
  if (typeof target === 'string' && target.length > 0 && !targetColumn) missing(['data', 'target'], target);
  const targetIndex = targetColumn ? result.summary.columns.indexOf(targetColumn) : -1;
  const badTarget = targetColumn ? unusableTarget(csv, targetColumn, targetIndex, task) : undefined;
  if (badTarget) {
    r.report('csv-bad-target', badTarget, r.valueRange(['data', 'target']));
  } else if (targetColumn && task === 'regression' && !targetColumn.numeric) {
    r.report('regression-target-not-numeric', `${notNumeric(csv, targetColumn, targetIndex)}, but a regression target must be numbers.`, r.valueRange(['data', 'target']));
  }

  // Without `features`, the features are every column but the target: unknown until the target is found.
  let featureCount: number | undefined;
  if (listed === undefined && targetColumn) {
    const used = result.summary.columns.filter((c) => c.name !== target);
    for (const c of used) {
      if (!c.numeric) {
        r.report('csv-column-not-numeric', `${notNumeric(csv, c, result.summary.columns.indexOf(c))}, so it cannot be a feature; list the numeric columns in \`features\`.`, r.valueRange(['data', 'csv']));
      }
    }
    featureCount = used.length;
  } else if (Array.isArray(listed) && listed.length > 0 && listed.every((f) => typeof f === 'string')) {
    listed.forEach((name: string, j) => {
      const column = columns.get(name);
      if (!column) missing(['data', 'features', j], name);
      else if (name === target) r.report('target-in-features', `\`${name}\` is the target; it cannot also be a feature.`, r.valueRange(['data', 'features', j]));
      else if (!column.numeric) r.report('csv-column-not-numeric', `${notNumeric(csv, column, result.summary.columns.indexOf(column))}, so it cannot be a feature.`, r.valueRange(['data', 'features', j]));
    });
    featureCount = listed.length;
  }

  const classes =
    task === 'classification' && targetColumn && !badTarget && !targetColumn.distinctTruncated
      ? csvClassCount(targetColumn.distinct, targetColumn.numeric)
      : undefined;
  return { ...(featureCount !== undefined && { features: featureCount }), ...(classes !== undefined && { classes }), rows: result.summary.rows };
}

/** "data/x.csv:4:2: the column `x2` holds `NaN`, not a finite number": where a column stops being numeric. */
function notNumeric(csv: string, column: CsvColumnSummary, index: number): string {
  const bad = column.firstNonNumeric;
  if (!bad) return `The column \`${column.name}\` of ${csv} holds values that are not numbers`;
  const what = bad.kind === 'empty' ? 'an empty cell' : bad.kind === 'non-finite' ? `\`${bad.cell}\`, not a finite number` : `the text \`${bad.cell}\``;
  return `${csv}:${bad.line}:${index + 1}: the column \`${column.name}\` holds ${what}`;
}

/**
 * Why the loader would refuse the target column (core/data/csv-table.ts), or undefined: an
 * empty cell, whatever the task; for classification, NaN or Infinity among numbers (with
 * text among the cells, every cell is a class name and NaN is one of them).
 */
function unusableTarget(csv: string, column: CsvColumnSummary, index: number, task: TaskName | undefined): string | undefined {
  const empty = column.firstOfKind?.empty;
  if (empty) return `${csv}:${empty.line}:${index + 1}: the target column \`${column.name}\` has an empty cell; every example needs a target.`;
  const nonFinite = column.firstOfKind?.['non-finite'];
  if (task === 'classification' && nonFinite && !column.firstOfKind?.['not-a-number']) {
    return `${csv}:${nonFinite.line}:${index + 1}: the target column \`${column.name}\` holds \`${nonFinite.cell}\` among numbers; classes are finite numbers or names.`;
  }
  return undefined;
}
