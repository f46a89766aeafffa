import { javascript, typescript } from 'projen';

// Versions verified together on the build machines (see the README's "Development" section).
const project = new typescript.TypeScriptProject({
  name: 'cdk8s-superset',
  description: 'cdk8s constructs that render a complete Apache Superset deployment into plain Kubernetes YAML',
  keywords: ['cdk8s', 'kubernetes', 'superset', 'apache-superset', 'gitops'],
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenrcTsOptions: { runner: typescript.TypeScriptRunner.tsx() },
  github: false,
  release: false,
  depsUpgrade: false,
  sampleCode: false,
  // TypeScript 7 has no classic compiler API; ts-jest, tsx and typescript-eslint need 6.x.
  typescriptVersion: '~6.0.3',
  // Peers, so that an app has exactly one copy of each (two copies of constructs break `instanceof` and the tree).
  // The lowest versions are cdk8s-plus-28's own peer minimums; .ci/check-package.sh installs and synthesizes with
  // them (and with the newest) in a fresh app.
  peerDeps: ['cdk8s@^2.68.12', 'constructs@^10.3.0', 'cdk8s-plus-28@^2.0.3'],
  // The project itself builds and tests against the newest versions, not the lowest (projen would pin those).
  peerDependencyOptions: { pinnedDevDependency: false },
  // The command-line renderer (src/cli) reads YAML at run time.
  deps: ['yaml@^2.9.1'],
  bin: { 'cdk8s-superset': 'lib/src/cli/main.js' },
  devDeps: [
    'cdk8s@2.70.106',
    'constructs@10.8.1',
    'cdk8s-plus-28@2.5.6',
    'cdk8s-cli@2.207.60',
    '@types/node@^20',
    'tsx@4.23.15',
    '@swc/core@1.16.22',
    '@swc/jest@0.2.39',
    // The newest lines of the schema models (kubernetes-models 5, gateway-api 2, prometheus-operator 5 and 6)
    // declare Node >= 22; these are the newest that support Node 20 (HTTPRoute v1 with timeouts included).
    'kubernetes-models@4.5.1',
    '@kubernetes-models/gateway-api@0.5.1',
    '@kubernetes-models/prometheus-operator@4.4.4',
    '@prometheus-io/lezer-promql@0.315.0',
    'esbuild@0.28.2',
    // 17.x is the newest line that runs on Node 20.
    'dependency-cruiser@17.3.10',
    'fast-check@^4.11.0',
    'camelcase@^5.3.1',
    'typedoc@0.28.20',
    'typedoc-plugin-markdown@4.14.1',
  ],
  // The generated bindings live in the top-level imports/ folder and are compiled with the library,
  // so the compiler's root is the repository root and the entry point is lib/src/index.js.
  entrypoint: 'lib/src/index.js',
  entrypointTypes: 'lib/src/index.d.ts',
  tsconfig: {
    include: ['imports/**/*.ts'],
    // No source maps in the package: it ships compiled code, not the TypeScript sources a map would point to.
    compilerOptions: { rootDir: '.', skipLibCheck: true, inlineSourceMap: false, inlineSources: false },
  },
  // The package is an allowlist (`files` below), not a denylist that every new folder has to be added to.
  npmignoreEnabled: false,
  tsconfigDev: {
    // This file sits in test/, so its globs are relative to that folder.
    include: ['../src/**/*.ts', '../imports/**/*.ts', '../examples/**/*.ts', '../scripts/**/*.ts', '../bench/**/*.ts'],
    compilerOptions: { skipLibCheck: true },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts', 'bench', 'projenrc'],
    ignorePatterns: ['imports/', 'lib/', 'cdk8s.out/', '.bench-build/'],
  },
  jestOptions: {
    // Snapshots are reviewed artefacts: CI never rewrites them (`npx projen test:update` does).
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      collectCoverage: false,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      transform: { '^.+\\.[t]sx?$': new javascript.Transform('@swc/jest') },
    },
  },
  gitignore: ['cdk8s.out/', 'test-reports/', '*.cpuprofile', '.bench-build/', '.api-docs/'],
});

// Workplace CI reads a plain `Tests: N passed, N failed` line; jest's own summary is not it.
project.jest?.addReporter(new javascript.JestReporter('<rootDir>/test/summary-reporter.js'));

// swc does not type-check: check the tests, examples and scripts with tsc before jest runs.
project.testTask.prependExec('tsc -p test/tsconfig.json');
// The layers of src/ depend in one direction only, without cycles (.dependency-cruiser.cjs, README "Architecture").
project.testTask.exec('depcruise src imports --config .dependency-cruiser.cjs --output-type err-long');

project.tasks.addEnvironment('CDK8S_CHECK_UPGRADE', 'false');

// What consumers get: the compiled library and the CRD bindings it exports (README, LICENSE and package.json are
// always packed). `npm pack` builds it itself (prepack), from a clean lib/ so nothing stale is shipped.
project.package.addField('files', ['lib/src/**/*.js', 'lib/src/**/*.d.ts', 'lib/imports/**/*.js', 'lib/imports/**/*.d.ts', 'API.md']);
const prepack = project.addTask('prepack', { description: 'Compile lib/ from scratch before npm pack or npm publish', exec: 'rm -rf lib' });
prepack.spawn(project.compileTask);

// The API reference is generated from the TSDoc; CI regenerates it and fails when the committed one differs.
project.addTask('docgen', {
  description: 'Generate API.md from the TSDoc of the public API',
  exec: 'typedoc --logLevel Error && cp .api-docs/API.md API.md',
});
project.addTask('package:check', {
  description: 'Pack, check the size budget and API.md, install into fresh cdk8s apps (newest and lowest peers) and synthesize',
  exec: 'bash .ci/check-package.sh',
});
project.addTask('synth', {
  description: 'Synthesize the example apps to cdk8s.out/',
  exec: 'cdk8s synth',
});
project.addTask('bench', {
  description: 'Benchmark synthesis of 1 to 1,000 instances (--smoke: sizes 1 and 10, output checks only)',
  exec: 'tsx bench/bench.ts',
  receiveArgs: true,
});

project.synth();
