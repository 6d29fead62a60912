/**
 * The inspector while a 784-128-10 network trains: the webview's message rate and the
 * longest frame it saw, measured in a real VS Code through the workbench by the UI suite.
 * Runs only when named (`npm run bench -- inspector`): it packages the extension and starts
 * the VS Code server and Chromium (after `npm run test:setup`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { BenchWorkload } from './workload';

const ROOT = path.resolve(__dirname, '..');

export const inspectorFrames: BenchWorkload = {
  name: 'inspector',
  onlyWhenNamed: true,
  run: () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'nnspec-bench-')), 'inspector.json');
    const quiet = { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[] };
    execFileSync('npm', ['run', '--silent', 'package'], quiet);
    execFileSync('npx', ['tsx', 'scripts/e2e/run-ui-tests.ts', '--vsix', '.vscode-test/nnspec.vsix', '--workspace', 'examples', '--grep', '784-128-10'], {
      ...quiet,
      env: { ...process.env, NNSPEC_BENCH_OUT: out },
    });
    const { workload: _name, ...report } = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    return report;
  },
};
