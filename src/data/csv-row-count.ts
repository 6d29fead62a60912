import { ok, type DataResult } from '../core/data/data-error';
import type { CsvByteSink } from './csv-chunk-parser';
import { LineBreakCount } from './line-break-count';

/** A CSV file's size and the most data rows it holds: its lines but the header. */
export interface CsvRowCount {
  readonly bytes: number;
  readonly rows: number;
}

/** Counts a CSV's bytes and line breaks as they are read, whoever reads them (csv-rows-bound.ts, the browser's reader). */
export class CsvRowCounter implements CsvByteSink<CsvRowCount> {
  private readonly lines = new LineBreakCount();
  private bytes = 0;

  write(bytes: Uint8Array): boolean {
    this.bytes += bytes.length;
    this.lines.add(bytes);
    return true;
  }

  end(): DataResult<CsvRowCount> {
    return ok({ bytes: this.bytes, rows: Math.max(0, this.lines.lines - 1) });
  }
}
