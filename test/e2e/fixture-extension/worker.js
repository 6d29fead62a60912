// Runs in a worker_threads worker: sums 1..n and posts the result.
const { parentPort, workerData } = require('node:worker_threads');
let sum = 0;
for (let i = 1; i <= workerData.n; i++) sum += i;
parentPort.postMessage(sum);
