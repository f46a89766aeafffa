/**
 * The layers of src/ and the one direction they depend in (README, "Architecture"). Each layer imports only the
 * layers below it; no file imports itself back through others, type imports included.
 *
 *   cli -> constructs -> build, resolve, validate -> render -> base -> spec -> imports (generated bindings)
 *
 * (resolve and build both read render and base; neither reads the other; validate reads only base and spec.)
 */
const LAYERS = {
  spec: ['imports'],
  base: ['spec', 'imports'],
  validate: ['base', 'spec', 'imports'],
  render: ['base', 'spec', 'imports'],
  resolve: ['render', 'base', 'spec', 'imports'],
  build: ['render', 'base', 'spec', 'imports'],
  constructs: ['build', 'resolve', 'validate', 'render', 'base', 'spec', 'imports'],
  cli: ['constructs', 'build', 'resolve', 'validate', 'render', 'base', 'spec', 'imports'],
};

const folder = (layer) => (layer === 'imports' ? '^imports/' : `^src/${layer}/`);

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No file may import itself back through other files, type imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...Object.entries(LAYERS).map(([layer, allowed]) => ({
      name: `layer-${layer}`,
      comment: `src/${layer} imports only from ${allowed.join(', ')} (and itself).`,
      severity: 'error',
      from: { path: folder(layer) },
      to: { path: '^(src|imports)/', pathNot: [folder(layer), ...allowed.map(folder)] },
    })),
    {
      name: 'imports-are-generated',
      comment: 'The generated bindings import nothing of the library.',
      severity: 'error',
      from: { path: '^imports/' },
      to: { path: '^src/' },
    },
    {
      name: 'index-exports-only',
      comment: 'Nothing but the package entry point imports src/index.ts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
