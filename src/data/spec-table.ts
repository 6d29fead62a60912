/**
 * The raw table of a spec's data source (inline rows, a generator, a CSV), before classes,
 * split and normalisation. How a CSV is reached is the caller's: from disk beside the spec
 * (load-data.ts), or from bytes its host read (csv-in-memory.ts, the browser's worker).
 */
import type { CsvColumns } from '../core/data/csv-table';
import { fail, type DataResult } from '../core/data/data-error';
import { generateData } from '../core/data/generators';
import { tableFromRows, type DataTable } from '../core/data/table';
import type { Spec } from '../core/spec/schema';

/** Reads the CSV a `csv:` path names (as the spec writes it) as a table of these columns. */
export type CsvTableLoader = (csvPath: string, columns: CsvColumns) => DataResult<DataTable>;

export function specTable(spec: Pick<Spec, 'data' | 'task'>, loadCsv: CsvTableLoader): DataResult<DataTable> {
  const data = spec.data;
  if ('rows' in data) return tableFromRows(data.rows, spec.task);
  if ('generate' in data) return { ok: true, value: generateData(data) };
  if ('csv' in data) return loadCsv(data.csv, { target: data.target, task: spec.task, ...(data.features ? { features: data.features } : {}) });
  const never: never = data;
  return fail({ code: 'data-no-rows', message: `Unknown data source ${JSON.stringify(never)}.` });
}
