import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../../core/diagnostic';
import type { SpecValidation } from '../../core/spec/validate';
import { capDiagnostics } from '../../core/spec/cap-diagnostics';
import type { Config } from '../config';
import { toRange } from '../positions';
import type { CsvProbeCache } from './csv-probe-cache';
import { validateDocument } from './spec-validator';

export const NNSPEC_LANGUAGE = 'nnspec';

/**
 * Validates every open spec on open and, debounced, on every change, and publishes the
 * result as diagnostics. Keeps the latest validation of each document for the language
 * features (hovers, code lenses, quick fixes) so they never parse twice.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nnspec');
  private readonly latest = new Map<string, { version: number; validation: SpecValidation }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires after a document was validated again. */
  readonly onDidValidate = this.changed.event;

  constructor(
    private readonly config: Config,
    private readonly csvCache: CsvProbeCache,
    private readonly docsUri: vscode.Uri,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.validateNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      csvCache.onDidLoad(() => this.validateAll()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.validateAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Forgetting the CSV summaries fires onDidLoad, which validates every spec again.
        if (e.affectsConfiguration('nnspec')) csvCache.forget();
      }),
    );
    this.validateAll();
  }

  /** The validation of the document's current text (computed now if it is out of date). */
  validationOf(document: vscode.TextDocument): SpecValidation {
    const known = this.latest.get(document.uri.toString());
    if (known && known.version === document.version) return known.validation;
    return this.validateNow(document) ?? validateDocument(document, this.config, this.csvCache);
  }

  private validateAll(): void {
    for (const document of vscode.workspace.textDocuments) this.validateNow(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== NNSPEC_LANGUAGE) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.validateNow(document), this.config.validationDebounceMs));
  }

  private validateNow(document: vscode.TextDocument): SpecValidation | undefined {
    if (document.languageId !== NNSPEC_LANGUAGE) return undefined;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const validation = validateDocument(document, this.config, this.csvCache);
    this.latest.set(key, { version: document.version, validation });
    this.collection.set(document.uri, capDiagnostics(validation.diagnostics).map((d) => this.toVscode(document, d)));
    this.changed.fire(document);
    return validation;
  }

  private toVscode(document: vscode.TextDocument, d: CoreDiagnostic): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(document, d.range), d.message, toSeverity(d.severity));
    diagnostic.source = 'nnspec';
    diagnostic.code = { value: d.code, target: this.docsUri.with({ fragment: d.code }) };
    if (d.related?.length) {
      diagnostic.relatedInformation = d.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, r.range)), r.message),
      );
    }
    return diagnostic;
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.latest.delete(key);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export function toSeverity(severity: CoreDiagnostic['severity']): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    default: {
      const never: never = severity;
      return never;
    }
  }
}
