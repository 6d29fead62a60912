import * as path from 'node:path';
import * as vscode from 'vscode';
import { validateSpec, type SpecValidation } from '../../core/spec/validate';
import type { Config } from '../config';
import type { CsvProbeCache } from './csv-probe-cache';

/** The folder a spec's relative `csv:` path is resolved against: the spec's own. */
export function specDirOf(document: vscode.TextDocument): string {
  return path.dirname(document.uri.fsPath);
}

/** Validates a spec document with the settings and the CSV knowledge of this window. */
export function validateDocument(document: vscode.TextDocument, config: Config, csvCache: CsvProbeCache): SpecValidation {
  const specDir = specDirOf(document);
  return validateSpec(document.getText(), {
    maxParameters: config.maxParameters,
    maxMemoryMB: config.maxMemoryMB,
    probe: csvCache.probeFor(document.uri, specDir),
  });
}

