/**
 * The data of a spec, from whichever source it names (inline rows, a CSV file beside the
 * spec, a generator), prepared for training: classes, split and normalisation
 * (core/data/prepare.ts).
 */
import * as path from 'node:path';
import { fail, type DataResult } from '../core/data/data-error';
import { generateData } from '../core/data/generators';
import { prepareData } from '../core/data/prepare';
import { tableFromRows, type DataTable } from '../core/data/table';
import type { PreparedData } from '../core/nn/dataset';
import type { Spec } from '../core/spec/schema';
import { loadCsvFile, type CsvReadOptions } from './csv-file';
import { resolveDataPath, type PathPolicy } from './resolve-data-path';

/** Where the spec may read from, how large a CSV may be, and the network's output units s_L. */
export type LoadDataOptions = PathPolicy &
  CsvReadOptions & {
    readonly outputUnits: number;
  };

/** Loads and prepares the data of `spec`, read from `specPath` (CSV paths are relative to its folder). */
export function loadData(spec: Spec, specPath: string, options: LoadDataOptions): DataResult<PreparedData> {
  const table = loadTable(spec, specPath, options);
  return table.ok ? prepareData(spec, table.value, options.outputUnits) : table;
}

/** The raw table of the spec's data source, before classes, split and normalisation. */
export function loadTable(spec: Pick<Spec, 'data' | 'task'>, specPath: string, options: PathPolicy & CsvReadOptions): DataResult<DataTable> {
  const data = spec.data;
  if ('rows' in data) return tableFromRows(data.rows, spec.task);
  if ('generate' in data) return { ok: true, value: generateData(data) };
  if ('csv' in data) {
    const file = resolveDataPath(path.dirname(path.resolve(specPath)), data.csv, options);
    if (!file.ok) return file;
    return loadCsvFile(file.value, { target: data.target, task: spec.task, ...(data.features ? { features: data.features } : {}) }, options);
  }
  const never: never = data;
  return fail({ code: 'data-no-rows', message: `Unknown data source ${JSON.stringify(never)}.` });
}
