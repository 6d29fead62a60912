#!/usr/bin/env node
// The nnspec command: the CLI lives in dist/cli.js (built by `npm run build`); this file only sets the exit code.
// main() guards stdout and stderr, installs the process's error boundary and never rejects.
'use strict';
const path = require('node:path');
let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'cli.js'));
} catch (err) {
  const missing = err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes(path.join('dist', 'cli.js'));
  if (missing) {
    process.stderr.write('nnspec: the CLI is not built yet; run `npm run build` first.\n');
    process.exitCode = 2;
    return;
  }
  // A broken build or install: the same one line as any internal error (exit 70, EX_SOFTWARE).
  const debug = process.argv.includes('--debug') || !['', '0', 'false'].includes((process.env.NNSPEC_DEBUG || '').toLowerCase());
  const message = String((err && err.message) || err).split('\n')[0].slice(0, 300);
  process.stderr.write(`nnspec: error internal-error: cannot load the CLI: ${message}; this is a bug in nnspec` +
    (debug ? `.\n${err && err.stack}\n` : ': run again with --debug (or NNSPEC_DEBUG=1) for the stack trace.\n'));
  process.exitCode = 70;
  return;
}
cli.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
