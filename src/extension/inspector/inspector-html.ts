import type * as vscode from 'vscode';

/** A fresh nonce per load, from the platform's cryptographic random source (Web Crypto, in Node and in a browser). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The inspector's HTML: nothing but the bundled script and stylesheet, under a strict CSP
 * (no remote content, scripts only by nonce). Data never enters the HTML; it arrives by
 * postMessage after the script says `ready`.
 */
export function inspectorHtml(webview: vscode.Webview, scriptUri: vscode.Uri, styleUri: vscode.Uri, nonce: string): string {
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource}`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri.toString()}">
<title>Network inspector</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}
