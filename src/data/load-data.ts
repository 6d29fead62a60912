/**
 * The data of a spec, from whichever source it names (inline rows, a CSV file beside the
 * spec, a generator), prepared for training: classes, split and normalisation
 * (core/data/prepare.ts).
 */
import * as path from 'node:path';
import type { DataResult } from '../core/data/data-error';
import { prepareData } from '../core/data/prepare';
import type { DataTable } from '../core/data/table';
import type { PreparedData } from '../core/nn/dataset';
import type { Spec } from '../core/spec/schema';
import { loadCsvFile, type CsvReadOptions } from './csv-file';
import { resolveDataPath, type PathPolicy } from './resolve-data-path';
import { specTable } from './spec-table';

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

/** The raw table of the spec's data source, before classes, split and normalisation; a CSV is read from beside the spec. */
export function loadTable(spec: Pick<Spec, 'data' | 'task'>, specPath: string, options: PathPolicy & CsvReadOptions): DataResult<DataTable> {
  return specTable(spec, (csvPath, columns) => {
    const file = resolveDataPath(path.dirname(path.resolve(specPath)), csvPath, options);
    return file.ok ? loadCsvFile(file.value, columns, options) : file;
  });
}
