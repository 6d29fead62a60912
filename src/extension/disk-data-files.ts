import * as path from 'node:path';
import * as vscode from 'vscode';
import { boundCsvRowsInThread, probeCsvInThread } from '../data/csv-probe-thread';
import { dataFilePath } from '../data/resolve-data-path';
import type { CsvProbeResult, CsvRowsBound } from '../core/spec/data-probe';
import type { DataFiles } from './platform';
import type { CsvQuestion } from './validation/csv-probe-answers';
import { workspaceRootOf } from './validation/workspace-root';
import { WorkspaceDataFiles } from './web/workspace-data-files';

/**
 * A folder named by URI (`scheme://authority/…`, or `scheme:/…` when it has no authority), not
 * by a path on disk (`/w/a`, `C:\w\a`: a drive letter is one character, a scheme at least two).
 */
const URI_FOLDER = /^[a-z][a-z0-9+.-]+:/i;

/**
 * A spec's data files in a Node extension host: a spec on disk is read by the probe thread
 * (data/csv-probe-thread.ts, with symbolic links followed by the workspace rule); a spec on
 * a virtual file system (a remote repository opened without a clone) through
 * vscode.workspace.fs, as in the browser. Folders are paths in the first case and URIs in the
 * second, so each question goes where its folder says.
 */
export class DiskDataFiles implements DataFiles {
  private readonly virtual = new WorkspaceDataFiles();

  constructor(private readonly probeWorker: string) {}

  specDirOf(spec: vscode.Uri): string {
    return spec.scheme === 'file' ? path.dirname(spec.fsPath) : this.virtual.specDirOf(spec);
  }

  workspaceRootOf(spec: vscode.Uri): string {
    return spec.scheme === 'file' ? workspaceRootOf(spec) : this.virtual.workspaceRootOf(spec);
  }

  fileOf(specDir: string, csvPath: string): string {
    return URI_FOLDER.test(specDir) ? this.virtual.fileOf(specDir, csvPath) : dataFilePath(specDir, csvPath);
  }

  fileKeyOf(uri: vscode.Uri): string {
    return uri.scheme === 'file' ? uri.fsPath : this.virtual.fileKeyOf(uri);
  }

  uriOf(specDir: string, csvPath: string): vscode.Uri {
    return URI_FOLDER.test(specDir) ? this.virtual.uriOf(specDir, csvPath) : vscode.Uri.file(dataFilePath(specDir, csvPath));
  }

  summary(question: CsvQuestion): Promise<CsvProbeResult> {
    return URI_FOLDER.test(question.specDir) ? this.virtual.summary(question) : probeCsvInThread(this.probeWorker, question);
  }

  rowsBound(question: CsvQuestion): Promise<CsvRowsBound> {
    return URI_FOLDER.test(question.specDir) ? this.virtual.rowsBound(question) : boundCsvRowsInThread(this.probeWorker, question);
  }
}
