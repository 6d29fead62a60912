/**
 * Loads the WebAssembly kernels (dist/nn-kernels.wasm, built by scripts/build-kernels.mjs) and
 * installs them into the core, which cannot read files itself. Call enableWasmKernels() once at
 * start-up in each thread that evaluates networks (CLI, training worker, bench, pool workers).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { installWasmKernels, type NnKernels } from '../core/nn/kernels/wasm-kernels';

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

/** Why the kernels are not in use, if they are not: for reports (`kernel` in the bench). */
export let wasmUnavailableReason: string | undefined;

let compiled: object | undefined;

/**
 * Compiles the kernels (once per thread) and installs them. Returns false, keeping the
 * TypeScript kernels, when the file is missing or the engine lacks WebAssembly SIMD.
 */
export function enableWasmKernels(file?: string): boolean {
  if (!compiled) {
    const found = file ?? kernelCandidates().find((f) => existsSync(f));
    if (!found) {
      wasmUnavailableReason = `${KERNELS_FILE} not found (run npm run build)`;
      return false;
    }
    try {
      compiled = new WebAssembly.Module(readFileSync(found));
    } catch (e) {
      wasmUnavailableReason = `${KERNELS_FILE} does not compile here: ${(e as Error).message}`;
      return false;
    }
  }
  const module = compiled;
  installWasmKernels((pages) => {
    const memory = new WebAssembly.Memory({ initial: pages });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    return { ...(instance.exports as unknown as Omit<NnKernels, 'memory'>), memory };
  });
  wasmUnavailableReason = undefined;
  return true;
}

/** Goes back to the TypeScript kernels for evaluators made afterwards. */
export function disableWasmKernels(): void {
  installWasmKernels(undefined);
}
