// An ESLint rule that enforces which room of the source tree may import which (docs/architecture.md
// draws the same table): each relative import is resolved, its room found by path, and checked
// against the importing room's allowances, separately for runtime and type-only imports.
import * as path from 'node:path';

/**
 * room → what it may import. `runtime`: rooms (or single files) whose values it may import;
 * `types`: rooms it may also import types from. A room always may import itself.
 */
export const ROOMS = {
  'src/core': { runtime: [], types: [] },
  'src/protocol': { runtime: [], types: ['src/core'] },
  'webview': { runtime: ['src/protocol', 'src/core/nn/layer-numbering.ts', 'src/core/inspect/training-series.ts'], types: [] },
  'src/data': { runtime: ['src/core'], types: [] },
  'src/export': { runtime: ['src/core', 'src/data'], types: [] },
  'src/kernels': { runtime: [], types: ['src/core'] },
  'src/parallel': { runtime: ['src/core', 'src/kernels'], types: [] },
  'src/jobs': { runtime: ['src/core', 'src/data', 'src/export'], types: ['src/protocol'] },
  'src/worker': { runtime: ['src/core', 'src/data', 'src/jobs', 'src/parallel', 'src/kernels', 'src/protocol'], types: [] },
  'src/cli': { runtime: ['src/core', 'src/data', 'src/export', 'src/jobs', 'src/parallel', 'src/kernels', 'src/protocol'], types: [] },
  'src/debug': { runtime: ['src/core', 'src/data', 'src/jobs', 'src/parallel', 'src/kernels', 'src/protocol'], types: [] },
  'src/extension': { runtime: ['src/core', 'src/data', 'src/protocol'], types: [] },
};

/** The room of a repository-relative path: the longest ROOMS key it lies in, else undefined. */
function roomOf(relative) {
  let found;
  for (const room of Object.keys(ROOMS)) {
    if ((relative === room || relative.startsWith(`${room}/`)) && (!found || room.length > found.length)) found = room;
  }
  return found;
}

function within(relative, target) {
  return relative === target || relative === target.replace(/\.ts$/, '') || relative.startsWith(`${target}/`);
}

/** @type {import('eslint').Rule.RuleModule} */
export const roomBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Each room of the source tree imports only the rooms docs/architecture.md allows.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = roomOf(file);
    if (!from) return {};
    const allowed = ROOMS[from];
    const check = (node, source, typeOnly) => {
      const spec = source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
      const to = roomOf(target);
      if (!to || to === from) return;
      if (allowed.runtime.some((r) => within(target, r))) return;
      if (typeOnly && allowed.types.some((r) => within(target, r))) return;
      const may = [...allowed.runtime, ...allowed.types.map((t) => `types of ${t}`)];
      context.report({ node: source, message: `${from} may not import ${typeOnly ? 'types from ' : ''}${to} (${spec}); it may import ${may.length > 0 ? may.join(', ') : 'only itself'} (docs/architecture.md).` });
    };
    return {
      ImportDeclaration(node) {
        const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        check(node, node.source, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source, false);
      },
    };
  },
};
