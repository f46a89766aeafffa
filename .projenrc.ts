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
  deps: ['cdk8s@^2.70.106', 'cdk8s-plus-28@^2.5.6', 'constructs@^10.8.1'],
  devDeps: [
    'cdk8s-cli@2.207.60',
    '@types/node@^20',
    'tsx@4.23.15',
    '@swc/core@1.16.22',
    '@swc/jest@0.2.39',
    'kubernetes-models@5.1.0',
    '@kubernetes-models/gateway-api@2.0.0',
    '@kubernetes-models/prometheus-operator@6.0.0',
    '@prometheus-io/lezer-promql@0.315.0',
    'yaml@2.9.1',
    'camelcase@^5.3.1',
    'fast-check@^4.11.0',
  ],
  // The generated bindings live in the top-level imports/ folder and are compiled with the library,
  // so the compiler's root is the repository root and the entry point is lib/src/index.js.
  entrypoint: 'lib/src/index.js',
  entrypointTypes: 'lib/src/index.d.ts',
  tsconfig: {
    include: ['imports/**/*.ts'],
    compilerOptions: { rootDir: '.', skipLibCheck: true },
  },
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
  gitignore: ['cdk8s.out/', 'test-reports/', '*.cpuprofile', '.bench-build/'],
});

// Workplace CI reads a plain `Tests: N passed, N failed` line; jest's own summary is not it.
project.jest?.addReporter(new javascript.JestReporter('<rootDir>/test/summary-reporter.js'));

// swc does not type-check: check the tests, examples and scripts with tsc before jest runs.
project.testTask.prependExec('tsc -p test/tsconfig.json');

project.tasks.addEnvironment('CDK8S_CHECK_UPGRADE', 'false');
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
