/**
 * Diagnostics for people and for programs. Offsets become 1-based line:column here, at
 * the edge, and nowhere earlier.
 */
import type { Diagnostic } from '../core/diagnostic';
import { LineIndex } from '../core/text/line-index';
import { clip, MAX_MESSAGE, oneLine, safeBounds } from './bounded-text';

/** A 1-based line and column (UTF-16 code units, as editors count). */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly range: { readonly start: LineColumn; readonly end: LineColumn };
}

export interface JsonReport {
  readonly file: string;
  readonly valid: boolean;
  readonly diagnostics: readonly JsonDiagnostic[];
}

export function toJsonReport(file: string, text: string, diagnostics: readonly Diagnostic[]): JsonReport {
  const index = new LineIndex(text);
  const at = (offset: number): LineColumn => {
    const p = index.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  return {
    file,
    valid: !diagnostics.some((d) => d.severity === 'error'),
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: clip(d.message, MAX_MESSAGE),
      range: { start: at(d.range[0]), end: at(d.range[1]) },
    })),
  };
}

/**
 * `file:line:col: severity code: message`, then the source line and a caret line under
 * the range's part on that line (at least one caret). A line longer than FRAME_COLUMNS is
 * shown as a window around the caret with '…' on each cut side; the message is bounded too,
 * so a spec that is one 20 MB line prints a few hundred characters per problem.
 */
export function formatHuman(file: string, text: string, diagnostics: readonly Diagnostic[]): string {
  const index = new LineIndex(text);
  const shownFile = clip(file);
  let out = '';
  for (const d of diagnostics) {
    const start = index.positionAt(d.range[0]);
    out += `${shownFile}:${start.line + 1}:${start.character + 1}: ${d.severity} ${d.code}: ${oneLine(d.message, MAX_MESSAGE)}\n`;
    const lineStart = index.offsetAt({ line: start.line, character: 0 });
    const lineLength = index.lineEnd(start.line) - lineStart;
    const end = Math.min(d.range[1] - d.range[0] + start.character, lineLength);
    out += codeFrame(text, lineStart, lineLength, start.character, Math.max(1, end - start.character));
  }
  return out;
}

/** The most columns of a source line a code frame shows. */
export const FRAME_COLUMNS = 200;
/** How far into the window the caret sits when the line is cut before it. */
const CARET_LEAD = 60;

/**
 * The two lines of a code frame: columns [from, to) of the line at `lineStart`, and `width`
 * carets under column `column`, cut to the window. Only the window is ever copied.
 */
function codeFrame(text: string, lineStart: number, lineLength: number, column: number, width: number): string {
  let from = 0, to = lineLength;
  if (lineLength > FRAME_COLUMNS) {
    from = Math.max(0, Math.min(column - CARET_LEAD, lineLength - FRAME_COLUMNS));
    to = from + FRAME_COLUMNS;
  }
  // Never split a surrogate pair at a cut (the window shrinks by one unit instead).
  if (from > 0 || to < lineLength) [from, to] = safeBounds(text, lineStart + from, lineStart + to).map((o) => o - lineStart) as [number, number];
  const before = from > 0 ? '…' : '', after = to < lineLength ? '…' : '';
  const shown = text.slice(lineStart + from, lineStart + to);
  // Keep tabs in the indent so the carets line up under tab-indented text.
  const indent = (before ? ' ' : '') + shown.slice(0, Math.max(0, column - from)).replace(/[^\t]/g, ' ');
  const carets = Math.max(1, Math.min(width, to - column));
  return `  ${before}${shown}${after}\n  ${indent}${'^'.repeat(carets)}\n`;
}

/** "2 errors, 1 warning" / "valid" / "valid, 1 warning". */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const w = warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '';
  if (errors === 0) return w ? `valid, ${w}` : 'valid';
  return `${errors} error${errors === 1 ? '' : 's'}${w ? `, ${w}` : ''}`;
}
