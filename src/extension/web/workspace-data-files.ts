import * as vscode from 'vscode';
import { fail, ok, type DataResult } from '../../core/data/data-error';
import { DISTINCT_CAP, type CsvProbeResult, type CsvRowsBound } from '../../core/spec/data-probe';
import type { CsvByteSink } from '../../data/csv-chunk-parser';
import { CsvChunkParser } from '../../data/csv-chunk-parser';
import { csvFailure, csvInput } from '../../data/csv-limits';
import { toProbeResult, toRowsBound } from '../../data/csv-probe-result';
import { CsvRowCounter } from '../../data/csv-row-count';
import { CsvSummaryBuilder } from '../../data/csv-summary-builder';
import { notAFile, tooLargeFailure } from '../../data/input-failure';
import type { DataFiles } from '../platform';
import { displayName, folderOf } from '../uri-names';
import type { CsvQuestion } from '../validation/csv-probe-answers';

/**
 * How much is parsed before the host gets a turn: the web worker extension host runs every
 * web extension on one thread, so a large CSV is read in slices, never in one go.
 */
const SLICE_BYTES = 64 * 1024;

/**
 * A spec's data files in the browser, through vscode.workspace.fs only (the workspace may be
 * a virtual file system: github.dev, a browser folder). Folders and files are named by URI
 * strings. The rules are the desktop's (data/resolve-data-path.ts, data/open-input.ts): a
 * `csv:` path is relative to the spec's folder, must lie inside its workspace folder unless
 * reading outside is allowed, must be a file, and is refused over its size limit before a
 * byte is read; the parse and the summary are the very same code. What a virtual file
 * system cannot say is not checked: there are no symbolic links to follow.
 */
export class WorkspaceDataFiles implements DataFiles {
  specDirOf(spec: vscode.Uri): string {
    return folderOf(spec).toString();
  }

  workspaceRootOf(spec: vscode.Uri): string {
    return (vscode.workspace.getWorkspaceFolder(spec)?.uri ?? folderOf(spec)).toString();
  }

  fileOf(specDir: string, csvPath: string): string {
    return this.uriOf(specDir, csvPath).toString();
  }

  fileKeyOf(uri: vscode.Uri): string {
    return uri.toString();
  }

  uriOf(specDir: string, csvPath: string): vscode.Uri {
    const folder = vscode.Uri.parse(specDir);
    // An absolute path keeps the folder's file system (scheme and authority); joinPath normalises `..`.
    return csvPath.startsWith('/') ? vscode.Uri.joinPath(folder.with({ path: '/' }), csvPath) : vscode.Uri.joinPath(folder, csvPath);
  }

  async summary(question: CsvQuestion): Promise<CsvProbeResult> {
    const summary = new CsvSummaryBuilder(DISTINCT_CAP, question.target);
    const read = await this.read(question, (file) => new CsvChunkParser(file, summary));
    return toProbeResult(read.ok ? summary.finish(read.value.file, read.value.result.blank) : read);
  }

  async rowsBound(question: CsvQuestion): Promise<CsvRowsBound> {
    const read = await this.read(question, () => new CsvRowCounter());
    return toRowsBound(read.ok ? ok(read.value.result) : read);
  }

  /** The bytes of the file `question` names, checked by the rules above (what a job is given to open its spec). Never rejects. */
  async bytesOf(question: Omit<CsvQuestion, 'target'>): Promise<DataResult<{ file: string; bytes: Uint8Array }>> {
    const uri = this.uriOf(question.specDir, question.csvPath);
    const file = displayName(uri);
    const root = vscode.Uri.parse(question.options.workspaceRoot);
    if (!question.options.allowOutside && !isInside(root, uri)) {
      return fail({ code: 'csv-outside-workspace', file, message: `${file} lies outside the workspace folder ${displayName(root)}; allow reading outside the workspace to use it.` });
    }
    const input = csvInput(question.options);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (!(stat.type & vscode.FileType.File)) return csvFailure(notAFile(file, stat.type & vscode.FileType.Directory ? 'directory' : 'other'));
      if (stat.size > input.maxBytes) return csvFailure(tooLargeFailure(file, stat.size, input));
      const bytes = await vscode.workspace.fs.readFile(uri);
      // It grew past the limit after the stat.
      if (bytes.length > input.maxBytes) return csvFailure(tooLargeFailure(file, undefined, input));
      return ok({ file, bytes });
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return fail({ code: 'csv-not-found', file, message: `${file} does not exist.` });
      return fail({ code: 'csv-unreadable', file, message: `${file} cannot be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  /** The file of `question` read by bytesOf, then fed in slices to the sink. Never rejects. */
  private async read<T>(question: CsvQuestion, sinkFor: (file: string) => CsvByteSink<T>): Promise<DataResult<{ file: string; result: T }>> {
    const read = await this.bytesOf(question);
    if (!read.ok) return read;
    const { file, bytes } = read.value;
    const sink = sinkFor(file);
    for (let start = 0; start < bytes.length; start += SLICE_BYTES) {
      if (!sink.write(bytes.subarray(start, start + SLICE_BYTES))) break;
      await nextTurn();
    }
    const end = sink.end();
    return end.ok ? ok({ file, result: end.value }) : end;
  }
}

/** Whether `uri` is `root` or lies below it, on the same file system. */
function isInside(root: vscode.Uri, uri: vscode.Uri): boolean {
  if (root.scheme !== uri.scheme || root.authority !== uri.authority) return false;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path === root.path || uri.path.startsWith(base);
}


function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
