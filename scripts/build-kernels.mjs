// Compiles the WebAssembly kernels (src/kernels/assembly/nn-kernels.as, AssemblyScript) into
// dist/nn-kernels.wasm with the `assemblyscript` compiler from the npm registry. Imported by
// build.mjs; also runnable alone: `node scripts/build-kernels.mjs [OUT]`. The source is named
// .as so that tsc and ESLint leave it alone; the compiler reads it as nn-kernels.ts.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const KERNELS_SOURCE = 'src/kernels/assembly/nn-kernels.as';
export const KERNELS_WASM = 'dist/nn-kernels.wasm';

/** Builds dist/nn-kernels.wasm (or `outFile`); throws with the compiler's messages on failure. */
export async function buildKernels(outFile = resolve(ROOT, KERNELS_WASM)) {
  const { default: asc } = await import('assemblyscript/asc');
  mkdirSync(dirname(outFile), { recursive: true });
  const stderr = [];
  const source = resolve(ROOT, KERNELS_SOURCE);
  const entry = source.replace(/\.as$/, '.ts');
  const { error } = await asc.main(
    [
      entry,
      '--outFile', outFile,
      '--optimizeLevel', '3', '--shrinkLevel', '0', '--noAssert',
      '--runtime', 'stub',
      '--importMemory', '--initialMemory', '1',
      '--enable', 'simd',
    ],
    {
      stderr: { write: (s) => { stderr.push(String(s)); return true; } },
      readFile: (name, baseDir) => {
        const file = resolve(baseDir, name);
        try {
          return readFileSync(file === entry ? source : file, 'utf8');
        } catch {
          return null;
        }
      },
    },
  );
  if (error) throw new Error(`WebAssembly kernels: ${error.message}\n${stderr.join('')}`);
  return outFile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildKernels(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`${out}\n`);
}
