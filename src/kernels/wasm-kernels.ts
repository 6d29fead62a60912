/**
 * The WebAssembly kernels from their bytes (dist/nn-kernels.wasm), wherever they were read:
 * from disk by wasm-loader.ts in a Node thread, or by the extension host through
 * vscode.workspace.fs for the browser's worker. Compiling needs no file system.
 */
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

/** A compiled module, or why the bytes do not compile here (e.g. an engine without WebAssembly SIMD). */
export type CompiledKernels = { readonly ok: true; readonly module: object } | { readonly ok: false; readonly reason: string };

export function compileKernels(bytes: Uint8Array): CompiledKernels {
  try {
    return { ok: true, module: new WebAssembly.Module(bytes) };
  } catch (e) {
    return { ok: false, reason: `${KERNELS_FILE} does not compile here: ${(e as Error).message}` };
  }
}

/** A factory of kernel instances of `module`, each with a memory of its own of `pages` 64 KiB pages. */
export function kernelFactoryOf(module: object): NnKernelFactory {
  return (pages) => {
    const memory = new WebAssembly.Memory({ initial: pages });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    return { ...(instance.exports as unknown as Omit<NnKernels, 'memory'>), memory };
  };
}
