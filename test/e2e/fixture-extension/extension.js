// The e2e harness's own fixture: just enough of what the real extension does (a language,
// diagnostics, a command, a worker_threads worker, a webview with a canvas) to prove that
// the harness can see each of them. Plain JavaScript so it needs no build. This is the Node
// entry; web.js is the browser entry, whose language part this one reuses.
const vscode = require('vscode');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const { activateLanguage } = require('./web.js');

/** Sums 1..n in a worker thread; resolves with the worker's answer. */
function sumInWorker(n) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: { n } });
    worker.once('message', (sum) => {
      void worker.terminate();
      resolve(sum);
    });
    worker.once('error', reject);
  });
}

function canvasHtml(nonce) {
  return `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';">
</head><body><h1 id="title">Fixture canvas</h1><canvas id="c" width="64" height="64"></canvas>
<script nonce="${nonce}">
  const ctx = document.getElementById('c').getContext('2d');
  ctx.fillStyle = 'rgb(255, 0, 0)';
  ctx.fillRect(0, 0, 64, 64);
  const vscode = acquireVsCodeApi();
  vscode.postMessage({ type: 'drawn', pixel: Array.from(ctx.getImageData(10, 10, 1, 1).data) });
</script></body></html>`;
}

/** Opens a webview that draws a red canvas; resolves with the pixel the webview reads back. */
function showCanvas() {
  const panel = vscode.window.createWebviewPanel('nnspecFixture.canvas', 'Fixture Canvas', vscode.ViewColumn.Active, { enableScripts: true });
  const nonce = require('node:crypto').randomBytes(16).toString('base64');
  return new Promise((resolve) => {
    panel.webview.onDidReceiveMessage((message) => {
      if (message.type === 'drawn') resolve(message.pixel);
    });
    panel.webview.html = canvasHtml(nonce);
  });
}

function activate(context) {
  activateLanguage(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('nnspecFixture.sumInWorker', async (n = 100) => {
      const sum = await sumInWorker(n);
      void vscode.window.showInformationMessage(`Worker sum: ${sum}`);
      return sum;
    }),
    vscode.commands.registerCommand('nnspecFixture.showCanvas', showCanvas),
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
