/**
 * Reading a CSV file from disk: the opener (open-input.ts: a regular file within the size
 * limit, never a pipe or a device), then a streamed parse (csv-chunks.ts) whose records go
 * straight into a table (core/data/csv-table.ts: typed arrays, never rows of strings) or,
 * for tests and small files, into records held in memory. Every error is a value naming the
 * file, and the line and column where they apply.
 */
import { checkCsvRecords, type CsvRecords } from '../core/data/csv-records';
import { CsvTableBuilder, type CsvColumns } from '../core/data/csv-table';
import type { DataResult } from '../core/data/data-error';
import type { DataTable } from '../core/data/table';
import type { TaskName } from '../core/spec/schema';
import { readCsvChunksSync, type CsvStreamOptions } from './csv-chunks';
import type { CsvLimitOptions } from './csv-limits';
import type { CsvReadEnd, CsvRecordSink } from './csv-chunk-parser';
import { CsvRecordsCollector } from './csv-text';

// Where they have always been imported from.
export { formatBytes } from './open-input';
export { csvFailure, csvInput, DEFAULT_MAX_CSV_BYTES, MAX_CSV_BYTES_SETTING } from './csv-limits';

/**
 * What one job has read already, by file: opening a spec probes its CSV for the validator
 * and then loads it, and the file is read once (the probe's pass fills the table too). Make
 * one per job (files may change between jobs).
 */
export type CsvReadOnce = Map<string, DataResult<CsvRecords> | TableScan>;

/** Options of every CSV read (`chunkBytes` exists for tests of chunk boundaries). */
export interface CsvReadOptions extends CsvStreamOptions {
  readonly readOnce?: CsvReadOnce;
}

/** A table read and not yet finished (the task decides what the target means): the builder, or the read's failure. */
export interface TableScan {
  readonly kind: 'table-scan';
  readonly file: string;
  readonly read: DataResult<CsvReadEnd>;
  readonly builder: CsvTableBuilder;
}

/** Reads and checks the records of the CSV file at `file` (an absolute path), held in memory: for small files and tests. */
export function readCsvFile(file: string, options: CsvReadOptions = {}): DataResult<CsvRecords> {
  const memo = options.readOnce;
  const key = `records\u0000${file}\u0000${options.maxBytes ?? ''}`;
  const known = memo?.get(key);
  if (known && !('kind' in known)) return known;
  const records = new CsvRecordsCollector();
  const read = readCsvChunksSync(file, records, options);
  const answer = read.ok ? checkCsvRecords(records.finish(file, read.value.blank)) : read;
  memo?.set(key, answer);
  return answer;
}

/**
 * Reads the CSV file at `file` as a data table with the given target and feature columns,
 * in one streamed pass (or from the pass the job's probe made, in `readOnce`).
 */
export function loadCsvFile(file: string, columns: CsvColumns, options: CsvReadOptions = {}): DataResult<DataTable> {
  const key = tableKey(file, options, columns.target, columns.features);
  const known = options.readOnce?.get(key);
  // The loader takes the table: the job's memo lets it go.
  options.readOnce?.delete(key);
  const scan = known && 'kind' in known ? known : scanTable(file, columns.target, columns.features, options);
  const table = finishScan(scan, columns.task);
  if (table !== undefined) return table;
  // The target holds more distinct class names than a scan keeps by default: read again, keeping them all.
  return finishScan(scanTable(file, columns.target, columns.features, options, [], Infinity), columns.task)!;
}

/**
 * The probe's pass when a job will load the file next: one streamed read into `summary`
 * and into a table of `target` and `features`, which waits in `readOnce` for loadCsvFile.
 */
export function scanForLoad(file: string, target: string, features: readonly string[] | undefined, options: CsvReadOptions & { readonly readOnce: CsvReadOnce }, summary: CsvRecordSink): DataResult<CsvReadEnd> {
  const scan = scanTable(file, target, features, options, [summary]);
  options.readOnce.set(tableKey(file, options, target, features), scan);
  return scan.read;
}

/** One streamed pass over `file` into a table of `target` and `features`, and into `others` on the way. */
function scanTable(
  file: string,
  target: string,
  features: readonly string[] | undefined,
  options: CsvReadOptions,
  others: readonly CsvRecordSink[] = [],
  targetTextCap?: number,
): TableScan {
  const builder = new CsvTableBuilder(target, features, targetTextCap);
  const sinks = [builder, ...others];
  const read = readCsvChunksSync(file, { add: (record, line) => sinks.forEach((sink) => sink.add(record, line)) }, options);
  return { kind: 'table-scan', file, read, builder };
}

function finishScan(scan: TableScan, task: TaskName): DataResult<DataTable> | undefined {
  return scan.read.ok ? scan.builder.finish(scan.file, task, scan.read.value.blank) : scan.read;
}

function tableKey(file: string, options: CsvLimitOptions, target: string, features: readonly string[] | undefined): string {
  return `table\u0000${file}\u0000${options.maxBytes ?? ''}\u0000${JSON.stringify([target, features ?? null])}`;
}
