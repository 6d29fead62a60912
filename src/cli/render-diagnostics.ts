/**
 * Diagnostics for people and for programs. Offsets become 1-based line:column here, at
 * the edge, and nowhere earlier.
 */
import type { Diagnostic } from '../core/diagnostic';
import { LineIndex } from '../core/text/line-index';

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
      message: d.message,
      range: { start: at(d.range[0]), end: at(d.range[1]) },
    })),
  };
}

/**
 * `file:line:col: severity code: message`, then the source line and a caret line under
 * the range's part on that line (at least one caret).
 */
export function formatHuman(file: string, text: string, diagnostics: readonly Diagnostic[]): string {
  const index = new LineIndex(text);
  let out = '';
  for (const d of diagnostics) {
    const start = index.positionAt(d.range[0]);
    out += `${file}:${start.line + 1}:${start.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`;
    const line = index.lineText(start.line);
    const end = Math.min(d.range[1] - d.range[0] + start.character, line.length);
    // Keep tabs in the indent so the carets line up under tab-indented text.
    const indent = line.slice(0, start.character).replace(/[^\t]/g, ' ');
    out += `  ${line}\n  ${indent}${'^'.repeat(Math.max(1, end - start.character))}\n`;
  }
  return out;
}

/** "2 errors, 1 warning" / "valid" / "valid, 1 warning". */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const w = warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '';
  if (errors === 0) return w ? `valid, ${w}` : 'valid';
  return `${errors} error${errors === 1 ? '' : 's'}${w ? `, ${w}` : ''}`;
}
