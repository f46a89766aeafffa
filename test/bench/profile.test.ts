import { profileShares, topFunctions } from '../../bench/profile';

const frame = (functionName: string, url: string) => ({ functionName, url });

test('profile shares are grouped by innermost package, this library and garbage collection', () => {
  const nodes = [
    { id: 1, callFrame: frame('plainString', 'file:///w/node_modules/cdk8s/node_modules/yaml/dist/stringify.js') },
    { id: 2, callFrame: frame('resolve', 'file:///w/node_modules/cdk8s/lib/resolve.js') },
    { id: 3, callFrame: frame('renderSupersetConfig', 'file:///w/.bench-build/src/config/superset-config.js') },
    { id: 4, callFrame: frame('(garbage collector)', '') },
    { id: 5, callFrame: frame('visit', 'file:///w/node_modules/@scope/pkg/lib/x.js') },
  ];
  expect(profileShares({ nodes, samples: [1, 1, 1, 1, 2, 3, 3, 4, 5, 1] })).toEqual([
    ['yaml', 0.5], ['cdk8s-superset', 0.2], ['cdk8s', 0.1], ['garbage collection', 0.1], ['@scope/pkg', 0.1],
  ]);
});

test('top functions are listed per bucket by self time, with their file and line', () => {
  const nodes = [
    { id: 1, callFrame: { functionName: 'resolve', url: 'file:///w/node_modules/cdk8s/lib/resolve.js', lineNumber: 100 } },
    { id: 2, callFrame: { functionName: 'contentHash', url: 'file:///w/.bench-build/src/base/hash.js', lineNumber: 21 } },
    { id: 3, callFrame: { functionName: '', url: 'file:///w/.bench-build/src/base/hash.js', lineNumber: 18 } },
    { id: 4, callFrame: { functionName: 'plainString', url: 'file:///w/node_modules/cdk8s/node_modules/yaml/dist/stringify.js', lineNumber: 1 } },
  ];
  const top = topFunctions({ nodes, samples: [1, 2, 2, 3, 4, 4, 4, 4, 4, 1] }, ['cdk8s-superset', 'cdk8s'], 1);
  expect(top.get('cdk8s-superset')).toEqual([{ functionName: 'contentHash', location: 'src/base/hash.js:22', share: 0.2 }]);
  expect(top.get('cdk8s')).toEqual([{ functionName: 'resolve', location: 'lib/resolve.js:101', share: 0.2 }]);
});
