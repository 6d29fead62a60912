// Starts the fuzz worker (worker.ts) in a worker thread: TypeScript through tsx, as mocha runs it.
'use strict';
require('tsx/cjs');
require('./worker.ts');
