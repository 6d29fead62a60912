/**
 * One CSV parse fed chunk by chunk, with csv-parse's incremental parser (the one its stream
 * and its synchronous `parse` both run: `parse(chunk, end, push, close)`), fed the UTF-8
 * text of each chunk encoded again: invalid bytes become U+FFFD first, and every record,
 * cell, line and message is the same whatever the chunk size. No file is read here, so the
 * browser build parses with the very same code (its bytes come from vscode.workspace.fs).
 */
import { Parser } from 'csv-parse';
import { ByteLines } from '../core/data/byte-lines';
import { fail, ok, type DataFailure, type DataResult } from '../core/data/data-error';

/** The options of every CSV parse: the loader, the probe and the streamed summary must agree. */
const CSV_OPTIONS = { info: true, relax_column_count: true, skip_empty_lines: true, trim: true } as const;

/** Whatever takes the records of a CSV, one at a time: the first is the header. */
export interface CsvRecordSink {
  /** A record that ends on the 1-based `line`. */
  add(record: readonly string[], line: number): void;
}

/** The end of a read: whether the file held only whitespace (then it is empty, whatever csv-parse made of it). */
export interface CsvReadEnd {
  readonly blank: boolean;
}

interface ParsedRecord {
  readonly record: string[];
  /** `bytes`: the UTF-8 offset just past the record (lines come from it: csv-parse's own count errs on mixed line ends). */
  readonly info: { readonly bytes: number };
}

/** csv-parse's incremental parser (lib/api): what its Parser stream calls for each chunk. */
interface IncrementalParser {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: ParsedRecord) => void, close: () => void): unknown;
  /** `bytes`: where the last field or record ended; it only grows, and an error reports it. */
  readonly info: { readonly bytes: number };
}

/**
 * The most bytes csv-parse holds back at the end of a chunk to look ahead (a closing quote
 * and a two-byte record delimiter: 3); a record it ends later ends no earlier than that.
 */
const PARSER_LOOKAHEAD_BYTES = 4;

function incrementalParser(): IncrementalParser {
  const api = (new Parser(CSV_OPTIONS) as unknown as { api?: IncrementalParser }).api;
  if (typeof api?.parse !== 'function' || typeof api.info?.bytes !== 'number') throw new Error('csv-parse has no incremental parser (Parser.api.parse); its version is not the one nnspec was built with');
  return api;
}

/** One CSV parse, fed chunk by chunk (bytes or text); the records go to the sink as they end. */
export class CsvChunkParser implements CsvByteSink<CsvReadEnd> {
  private readonly parser = incrementalParser();
  private readonly decoder = new TextDecoder('utf-8');
  private readonly lines = new ByteLines();
  private first = true;
  private blank = true;
  private error: unknown;

  constructor(
    private readonly file: string,
    private readonly sink: CsvRecordSink,
  ) {}

  /** Feeds the next bytes; false once the parse has failed (nothing more need be read). */
  write(bytes: Uint8Array): boolean {
    return this.feed(this.decoder.decode(bytes, { stream: true }), false);
  }

  /** Feeds the next piece of text (already decoded). */
  writeText(text: string): boolean {
    return this.feed(text, false);
  }

  /** Ends the input: the last record, or the failure of the whole parse (csv-malformed). */
  end(): DataResult<CsvReadEnd> {
    this.feed(this.decoder.decode(), true);
    if (this.error === undefined || this.blank) return ok({ blank: this.blank });
    return fail(this.malformed(this.error));
  }

  private feed(text: string, end: boolean): boolean {
    if (this.error !== undefined) return false;
    let body = text;
    if (this.first && body !== '') {
      this.first = false;
      if (body.startsWith('\uFEFF')) body = body.slice(1);
    }
    // A file of whitespace only is empty (`text.trim() === ''`).
    if (this.blank && /\S/.test(body)) this.blank = false;
    if (body === '' && !end) return true;
    this.lines.add(body);
    const error = this.parser.parse(
      body === '' ? undefined : Buffer.from(body, 'utf8'),
      end,
      ({ record, info }) => this.sink.add(record, this.lines.recordLine(info.bytes)),
      () => undefined,
    );
    if (error !== undefined) {
      this.error = error;
      return false;
    }
    // Later records end past the bytes held back; a later error is at or past info.bytes.
    this.lines.forget(this.parser.info.bytes, this.lines.bytes - PARSER_LOOKAHEAD_BYTES);
    return true;
  }

  private malformed(error: unknown): DataFailure {
    const line = errorLine(error, this.lines);
    const { file } = this;
    return {
      code: 'csv-malformed',
      file,
      ...(line !== undefined ? { line } : {}),
      message: `${file}${line !== undefined ? `:${line}` : ''}: the file is not valid CSV (${errorReason(error)}).`,
    };
  }
}

/**
 * The line of a csv-parse error: where the broken record starts (its `bytes`, past blank
 * lines), which is where an unclosed quote opens; csv-parse's own `lines` (clamped) when
 * there is no offset.
 */
export function errorLine(error: unknown, lines: ByteLines): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('bytes' in error && typeof error.bytes === 'number') return lines.contentLineFrom(error.bytes);
  if ('lines' in error && typeof error.lines === 'number') return Math.min(error.lines, lines.lineAt(Infinity));
  return undefined;
}

/** csv-parse's message without its own "at line N", which counts lines differently. */
export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/,? (?:at|on) line \d+/g, '');
}

/** Whatever takes a CSV file's bytes as they are read: a parse (CsvChunkParser), a count of its lines. */
export interface CsvByteSink<T> {
  /** The next bytes (a view of the reader's one buffer, overwritten by the next read); false when nothing more need be read. */
  write(bytes: Uint8Array): boolean;
  /** The end of the read: the whole file was written, or write returned false. */
  end(): DataResult<T>;
}

