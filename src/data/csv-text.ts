/**
 * CSV text to records held in memory: the header row, then data rows as cells. Only for
 * small texts and for tests, which compare the streamed readers with it: it runs the same
 * parse (csv-chunks.ts) over the text as one chunk. The loader never holds records.
 */
import { ok, type DataResult } from '../core/data/data-error';
import type { CsvRecords } from '../core/data/csv-records';
import { CsvChunkParser, type CsvRecordSink } from './csv-chunk-parser';

export { errorLine, errorReason } from './csv-chunk-parser';

/** The records of a parse, kept: the header, the rows and the line each row ends on. */
export class CsvRecordsCollector implements CsvRecordSink {
  private header: readonly string[] | undefined;
  private readonly rows: (readonly string[])[] = [];
  private readonly lines: number[] = [];

  add(record: readonly string[], line: number): void {
    if (!this.header) this.header = record;
    else {
      this.rows.push(record);
      this.lines.push(line);
    }
  }

  /** The records (none for a `blank` file: whitespace only is empty, whatever csv-parse made of it). */
  finish(file: string, blank: boolean): CsvRecords {
    if (blank) return { file, header: [], rows: [], lines: [] };
    return { file, header: this.header ?? [], rows: this.rows, lines: this.lines };
  }
}

/** Parses `text` as read from `file` (named in errors). Never throws. */
export function parseCsvText(text: string, file: string): DataResult<CsvRecords> {
  const records = new CsvRecordsCollector();
  const parser = new CsvChunkParser(file, records);
  parser.writeText(text);
  const end = parser.end();
  return end.ok ? ok(records.finish(file, end.value.blank)) : end;
}
