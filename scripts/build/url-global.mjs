// Node's `url` module for the browser bundles, as far as they use it: the WHATWG URL a
// browser's worker already has (@vscode/debugadapter builds file: URLs with it).
export const URL = globalThis.URL;
