/**
 * What the validator learns about a CSV without reading it itself (core/spec/data-probe.ts):
 * per column, whether every cell is a finite number (the loader's rule, number-cell.ts)
 * and its distinct values, capped at DISTINCT_CAP.
 */
import { DISTINCT_CAP, type CsvColumnSummary, type CsvSummary } from '../spec/data-probe';
import type { CsvRecords } from './csv-records';
import { parseNumberCell } from './number-cell';

/** Summarises structurally valid records (see checkCsvRecords). */
export function summarizeCsv(records: CsvRecords, cap: number = DISTINCT_CAP): CsvSummary {
  const columns: CsvColumnSummary[] = records.header.map((name, c) => {
    let numeric = true;
    const distinct = new Set<string>();
    let distinctTruncated = false;
    for (const row of records.rows) {
      const cell = (row[c] ?? '').trim();
      if (numeric && parseNumberCell(cell).kind !== 'number') numeric = false;
      if (!distinct.has(cell)) {
        if (distinct.size < cap) distinct.add(cell);
        else distinctTruncated = true;
      }
    }
    return { name, numeric, distinct: [...distinct], distinctTruncated };
  });
  return { columns, rows: records.rows.length };
}
