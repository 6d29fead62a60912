/**
 * What the validator learns about a CSV without reading it itself (core/spec/data-probe.ts):
 * per column, whether every cell is a finite number (the loader's rule, number-cell.ts),
 * the first cell of each kind that is not, and its distinct values, capped at DISTINCT_CAP.
 */
import { DISTINCT_CAP, type CsvColumnSummary, type CsvSummary, type NonNumericCell } from '../spec/data-probe';
import type { CsvRecords } from './csv-records';
import { parseNumberCell } from './number-cell';

/** Summarises structurally valid records (see checkCsvRecords); with `target`, only its distinct values are kept. */
export function summarizeCsv(records: CsvRecords, cap: number = DISTINCT_CAP, target?: string): CsvSummary {
  const columns: CsvColumnSummary[] = records.header.map((name, c) => {
    const column = new ColumnSummaryBuilder(distinctCap(name, cap, target));
    records.rows.forEach((row, i) => column.add(row[c] ?? '', records.lines[i] ?? i + 2));
    return column.finish(name);
  });
  return { columns, rows: records.rows.length };
}

/** The distinct values kept for a column: all up to `cap` for the target (or every column without one), none for the rest. */
export function distinctCap(name: string, cap: number, target: string | undefined): number {
  return target === undefined || name.trim() === target ? cap : 0;
}

/** One column's summary, a cell at a time (the whole-file and the streamed summaries share it). */
export class ColumnSummaryBuilder {
  private firstNonNumeric: NonNumericCell | undefined;
  private readonly firstOfKind: Partial<Record<NonNumericCell['kind'], NonNumericCell>> = {};
  /** Kinds of non-numeric cell not met yet; parsing stops once every kind has been met. */
  private kindsLeft = 3;
  private readonly distinct = new Set<string>();
  private distinctTruncated = false;

  constructor(private readonly cap: number = DISTINCT_CAP) {}

  /** Adds the cell of a record that ends on the 1-based `line`. */
  add(raw: string, line: number): void {
    const cell = raw.trim();
    if (this.kindsLeft > 0) {
      const { kind } = parseNumberCell(cell);
      if (kind !== 'number' && this.firstOfKind[kind] === undefined) {
        const found = { line, cell, kind };
        this.firstOfKind[kind] = found;
        this.firstNonNumeric ??= found;
        this.kindsLeft--;
      }
    }
    if (!this.distinct.has(cell)) {
      if (this.distinct.size < this.cap) this.distinct.add(cell);
      else this.distinctTruncated = true;
    }
  }

  finish(name: string): CsvColumnSummary {
    const { firstNonNumeric, firstOfKind, distinct, distinctTruncated } = this;
    return {
      name,
      numeric: !firstNonNumeric,
      distinct: [...distinct],
      distinctTruncated,
      ...(firstNonNumeric && { firstNonNumeric, firstOfKind: { ...firstOfKind } }),
    };
  }
}
