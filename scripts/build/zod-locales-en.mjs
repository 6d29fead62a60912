// zod's locale index, English only (see zod-english-only.mjs).
export { default as en } from 'zod/v4/locales/en.js';
