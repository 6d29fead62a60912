import type * as vscode from 'vscode';
import { validateSpec, type SpecValidation } from '../../core/spec/validate';
import type { Config } from '../config';
import type { CsvProbeCache } from './csv-probe-cache';

/** Validates a spec document with the settings and the CSV knowledge of this window. */
export function validateDocument(document: vscode.TextDocument, config: Config, csvCache: CsvProbeCache): SpecValidation {
  return validateSpec(document.getText(), {
    maxParameters: config.maxParameters,
    maxMemoryMB: config.maxMemoryMB,
    probe: csvCache.probeFor(document.uri),
  });
}
