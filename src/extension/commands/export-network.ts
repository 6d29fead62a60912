/**
 * Export trained network…: the spec's trained weights as an ONNX model or a PyTorch script
 * beside it (`xor.nnspec` → `xor.onnx`, `xor.py`), the very bytes `nnspec export` writes.
 * Everything goes through vscode.workspace.fs, so it works on a disk, a remote and the
 * browser's workspaces alike. A file there that nnspec did not export is replaced only when
 * the user says so.
 */
import * as vscode from 'vscode';
import { fileExists } from '../file-exists';
import { weightsPathFor } from '../../core/weights/weights-path';
import { EXPORT_HEAD_BYTES, exportedByNnspec, type ExportKind } from '../../data/exported-by-nnspec';
import type { ExportTarget } from '../../protocol/export-target';
import type { Ctx } from '../ctx';
import { displayName, fileNameOf } from '../uri-names';
import { writeFileAtomically } from '../write-file-atomically';
import { requireTrust, validSpecDocument } from './spec-document';

/** The formats, by the id a caller may pass instead of picking. */
export type ExportFormat = 'onnx' | 'onnx-float64' | 'pytorch';

const FORMATS: readonly { format: ExportFormat; label: string; detail: string; kind: ExportKind; precision?: 'float32' | 'float64'; extension: string }[] = [
  { format: 'onnx', label: 'ONNX model (float32)', detail: 'Input x [N, s_1], output y [N, s_L], the feature scaling built in; what ONNX runtimes expect.', kind: 'onnx', precision: 'float32', extension: '.onnx' },
  { format: 'onnx-float64', label: 'ONNX model (float64)', detail: 'The same model in double precision: nnspec’s own predictions to rounding.', kind: 'onnx', precision: 'float64', extension: '.onnx' },
  { format: 'pytorch', label: 'PyTorch script', detail: 'A standalone script (float64, weights embedded) that predicts for CSV or JSON rows on stdin.', kind: 'pytorch', extension: '.py' },
];

export interface ExportOptions {
  /** Replace a file that nnspec did not export (a caller that passes a format is never asked). */
  readonly replace?: boolean;
}

/** What an export did: the file it wrote (its URI), or why it wrote nothing (the user was told); undefined when the user cancelled. */
export type ExportOutcome = { readonly written: string } | { readonly refused: string } | undefined;

export function exportNetworkCommand(ctx: Ctx) {
  return async (uri?: unknown, format?: ExportFormat, options: ExportOptions = {}): Promise<ExportOutcome> => {
    if (!(await requireTrust('export the network'))) return { refused: 'the workspace is not trusted' };
    const document = await validSpecDocument(ctx, uri, 'export the network');
    if (!document) return { refused: 'no valid spec to export' };
    const chosen = format !== undefined ? FORMATS.find((f) => f.format === format) : await pickFormat();
    if (!chosen) {
      if (format !== undefined) return fail(ctx, `no export format '${String(format).slice(0, 40)}'; the formats are ${FORMATS.map((f) => f.format).join(', ')}.`);
      return undefined;
    }
    const name = fileNameOf(document.uri);
    const weightsUri = document.uri.with({ path: weightsPathFor(document.uri.path) });
    if (!(await fileExists(weightsUri))) {
      return fail(ctx, `${name} has no trained weights yet (${fileNameOf(weightsUri)}): train it first.`, 'Train network', () => vscode.commands.executeCommand('nnspec.train', document.uri));
    }
    const target = document.uri.with({ path: document.uri.path.replace(/\.nnspec$/i, '') + chosen.extension });
    const targetName = fileNameOf(target);
    const existing = await existingFile(target, chosen.kind);
    if (existing === 'not-a-file') return fail(ctx, `cannot export to ${displayName(target)}: it is not a regular file.`);
    if (existing === 'foreign' && options.replace !== true) {
      if (format !== undefined) return fail(ctx, `${displayName(target)} exists and was not exported by nnspec; it was left as it is.`);
      const replace = await vscode.window.showWarningMessage(`${targetName} exists and was not exported by nnspec. Replace it?`, { modal: true }, 'Replace');
      if (replace !== 'Replace') return undefined;
    }

    const exportTarget: ExportTarget = { kind: chosen.kind, fileName: targetName, ...(chosen.precision ? { precision: chosen.precision } : {}) };
    const final = await ctx.jobs.exportNetwork(document, exportTarget);
    if (!final) {
      void vscode.window.showInformationMessage(`nnspec: ${name} is being exported already.`);
      return { refused: `${name} is being exported already` };
    }
    if (final.type !== 'exported') return fail(ctx, `cannot export ${name}: ${final.type === 'failed' ? final.message : final.type}`);
    if (final.staleWeights) ctx.output.warn(`${fileNameOf(weightsUri)} was trained on another version of ${name} (its layers or data changed since); exported anyway.`);
    const written = await writeFileAtomically(target, final.contents);
    if (!written.ok) return fail(ctx, `Could not write ${displayName(target)}: ${written.reason}`);
    ctx.output.info(`Exported ${name} as ${chosen.label} to ${displayName(target)}.`);
    void vscode.window.showInformationMessage(`nnspec: exported ${name} to ${targetName}${final.staleWeights ? ' (from weights of an older version of the spec)' : ''}.`);
    return { written: target.toString() };
  };
}

async function pickFormat(): Promise<(typeof FORMATS)[number] | undefined> {
  const picked = await vscode.window.showQuickPick(
    FORMATS.map((f) => ({ label: f.label, detail: f.detail, format: f.format })),
    { placeHolder: 'Export the trained network as…', matchOnDetail: true },
  );
  return picked && FORMATS.find((f) => f.format === picked.format);
}

/** What lies at `target`: nothing, an earlier export of nnspec's, someone else's file, or something not a file. */
async function existingFile(target: vscode.Uri, kind: ExportKind): Promise<'none' | 'ours' | 'foreign' | 'not-a-file'> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(target);
  } catch {
    return 'none';
  }
  if (!(stat.type & vscode.FileType.File)) return 'not-a-file';
  // An empty file holds nothing to lose.
  if (stat.size === 0) return 'ours';
  try {
    const bytes = await vscode.workspace.fs.readFile(target);
    return exportedByNnspec(bytes.subarray(0, EXPORT_HEAD_BYTES), kind) ? 'ours' : 'foreign';
  } catch {
    return 'foreign';
  }
}

function fail(ctx: Ctx, message: string, action?: string, onAction?: () => unknown): { refused: string } {
  ctx.output.error(message);
  void Promise.resolve(action ? vscode.window.showErrorMessage(`nnspec: ${message}`, action) : vscode.window.showErrorMessage(`nnspec: ${message}`)).then((choice) => {
    if (choice === action && onAction) void onAction();
  });
  return { refused: message };
}
