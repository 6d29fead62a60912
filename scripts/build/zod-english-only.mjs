// An esbuild plugin: zod's namespace re-exports all of its 64 message locales (`z.locales`), so
// every bundle carried ~360 kB of translations that nnspec never uses (its messages are its
// own, in English). Each bundle is parsed at every start of the extension, a worker or the
// CLI; this resolves zod's locale index to a module with English only.
import { fileURLToPath } from 'node:url';

const ENGLISH_ONLY = fileURLToPath(new URL('./zod-locales-en.mjs', import.meta.url));

export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: ENGLISH_ONLY } : undefined));
  },
};
