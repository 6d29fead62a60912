/**
 * Saves the weights the browser's worker trained, beside the spec, through
 * vscode.workspace.fs (write-file-atomically.ts: nothing half-written, a read-only file
 * system named), and answers the worker as the desktop's saver would.
 */
import type * as vscode from 'vscode';
import type { WeightsSavedMessage } from '../../protocol/web-worker-protocol';
import { writeFileAtomically } from '../write-file-atomically';
import { displayName } from '../uri-names';

export async function saveWeightsText(target: vscode.Uri, text: string): Promise<WeightsSavedMessage> {
  const file = displayName(target);
  const written = await writeFileAtomically(target, text);
  return written.ok ? { path: file } : { failure: { code: 'write-failed', message: `Could not write ${file}: ${written.reason}` } };
}
