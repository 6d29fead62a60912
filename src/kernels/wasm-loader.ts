/**
 * Loads the WebAssembly kernels (dist/nn-kernels.wasm, built by scripts/build-kernels.mjs) for a
 * Node thread: the core cannot read files itself. Whoever runs a job (CLI, training worker,
 * bench, pool thread) calls loadWasmKernels() and puts the factory into the job's Compute.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { NnKernelFactory, NnKernels } from '../core/nn/kernels/wasm-exports';

/** The part of the WebAssembly JS API used here (the lib settings of this project do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
}
declare const WebAssembly: WasmApi;

/** The file name of the kernels beside the bundles in dist/. */
export const KERNELS_FILE = 'nn-kernels.wasm';

/** Where the .wasm may be: beside this bundle (dist/), or dist/ of the repository (sources run by tsx). */
export function kernelCandidates(): string[] {
  return [path.join(__dirname, KERNELS_FILE), path.resolve(__dirname, '..', '..', 'dist', KERNELS_FILE)];
}

/** Why the kernels could not be loaded, if they could not: for reports (`kernel` in the bench). */
export let wasmUnavailableReason: string | undefined;

/** The compiled module of each file, compiled once per thread. */
const compiled = new Map<string, object>();

/**
 * A factory of kernel instances, or undefined (the TypeScript kernels serve) when the file is
 * missing or the engine lacks WebAssembly SIMD; then wasmUnavailableReason says why.
 */
export function loadWasmKernels(file?: string): NnKernelFactory | undefined {
  const found = file ?? kernelCandidates().find((f) => existsSync(f));
  if (!found) {
    wasmUnavailableReason = `${KERNELS_FILE} not found (run npm run build)`;
    return undefined;
  }
  let module = compiled.get(found);
  if (!module) {
    try {
      module = new WebAssembly.Module(readFileSync(found));
    } catch (e) {
      wasmUnavailableReason = `${KERNELS_FILE} does not compile here: ${(e as Error).message}`;
      return undefined;
    }
    compiled.set(found, module);
  }
  wasmUnavailableReason = undefined;
  const ready = module;
  return (pages) => {
    const memory = new WebAssembly.Memory({ initial: pages });
    const instance = new WebAssembly.Instance(ready, { env: { memory } });
    return { ...(instance.exports as unknown as Omit<NnKernels, 'memory'>), memory };
  };
}
