import { profileShares } from '../../bench/profile';

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
