#!/usr/bin/env node
// The nnspec command: the CLI lives in dist/cli.js (built by `npm run build`); this file only sets the exit code.
'use strict';
const path = require('node:path');
let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'cli.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('nnspec: the CLI is not built yet; run `npm run build` first.\n');
    process.exitCode = 2;
    return;
  }
  throw err;
}
cli.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
