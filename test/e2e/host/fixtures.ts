// Specs the host suites write into the workspace copy they run on.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { workspaceFile } from './helpers';

export { XOR_SPEC } from '../../fixtures/xor-spec';

/** Writes `text` to a workspace file (replacing it) and returns its URI. */
export function writeSpec(name: string, text: string): vscode.Uri {
  const uri = workspaceFile(name);
  fs.writeFileSync(uri.fsPath, text);
  return uri;
}

/** A random classification CSV of m rows and n features (`label` in 0..k−1), written to the workspace. */
export function writeRandomCsv(name: string, m: number, n: number, k: number, seed = 1): vscode.Uri {
  let s = seed;
  const next = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const header = [...Array.from({ length: n }, (_, j) => `x${j}`), 'label'].join(',');
  const rows = Array.from({ length: m }, () => [...Array.from({ length: n }, () => next().toFixed(3)), String(Math.floor(next() * k))].join(','));
  const uri = workspaceFile(name);
  fs.writeFileSync(uri.fsPath, `${header}\n${rows.join('\n')}\n`);
  return uri;
}
