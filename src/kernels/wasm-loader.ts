/**
 * Loads the WebAssembly kernels (dist/nn-kernels.wasm, built by scripts/build-kernels.mjs) for a
 * Node thread: the core cannot read files itself. Whoever runs a job (CLI, training worker,
 * bench, pool thread) calls loadWasmKernels() and puts the factory into the job's Compute.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { NnKernelFactory } from '../core/nn/kernels/wasm-exports';
import { compileKernels, kernelFactoryOf, KERNELS_FILE } from './wasm-kernels';

export { KERNELS_FILE };

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
    const compiledNow = compileKernels(readFileSync(found));
    if (!compiledNow.ok) {
      wasmUnavailableReason = compiledNow.reason;
      return undefined;
    }
    module = compiledNow.module;
    compiled.set(found, module);
  }
  wasmUnavailableReason = undefined;
  return kernelFactoryOf(module);
}
