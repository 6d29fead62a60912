// Types of browser-bundle.mjs, for the tests that import it.
import type { BuildOptions, BuildResult } from 'esbuild';

export function browserBundle(options: BuildOptions): Promise<BuildResult>;
