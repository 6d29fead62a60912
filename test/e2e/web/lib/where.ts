// Where a web suite runs: VS Code's web worker extension host is a dedicated worker in the
// browser, with importScripts and without Node's process.

interface MaybeWorkerScope {
  importScripts?: unknown;
  process?: { versions?: { node?: string } };
}

/** True in a web worker that is not Node (the web worker extension host). */
export function inWebWorker(): boolean {
  const scope = globalThis as MaybeWorkerScope;
  return typeof scope.importScripts === 'function' && scope.process?.versions?.node === undefined;
}
