/**
 * The extension host's event-loop delay while a W3-sized network (400-25-10) trains in the
 * worker, measured in a real VS Code by the host suite's responsiveness test. Runs only when
 * named (`npm run bench -- editor`): it starts the VS Code server (after `npm run test:setup`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { BenchWorkload } from './workload';

const ROOT = path.resolve(__dirname, '..');

export const editorEventLoop: BenchWorkload = {
  name: 'editor',
  onlyWhenNamed: true,
  run: () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'nnspec-bench-')), 'event-loop.json');
    const quiet = { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[] };
    execFileSync('npm', ['run', '--silent', 'build:host-tests'], quiet);
    execFileSync('npx', ['tsx', 'scripts/e2e/run-extension-tests.ts', '--workspace', 'examples', '--grep', 'event-loop delay'], {
      ...quiet,
      env: { ...process.env, NNSPEC_BENCH_OUT: out },
    });
    const { workload: _name, ...report } = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    return report;
  },
};
