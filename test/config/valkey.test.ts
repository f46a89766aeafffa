import { resolveValkey } from '../../src/resolve/valkey';

const DEFAULT_CACHES = [
  { setting: 'CACHE_CONFIG', database: 1, keyPrefix: 'superset_', defaultTimeout: 300 },
  { setting: 'DATA_CACHE_CONFIG', database: 2, keyPrefix: 'superset_data_', defaultTimeout: 86400 },
  { setting: 'FILTER_STATE_CACHE_CONFIG', database: 3, keyPrefix: 'superset_filter_', defaultTimeout: 3600 },
  { setting: 'EXPLORE_FORM_DATA_CACHE_CONFIG', database: 4, keyPrefix: 'superset_explore_', defaultTimeout: 3600 },
  { setting: 'THUMBNAIL_CACHE_CONFIG', database: 5, keyPrefix: 'superset_thumbnail_', defaultTimeout: 3600 },
  { setting: 'DISTRIBUTED_COORDINATION_CONFIG', database: 7, keyPrefix: 'coordination_', defaultTimeout: 300 },
];

describe('resolveValkey', () => {
  test('a host alone enables every section with its defaults, without TLS', () => {
    expect(resolveValkey({ host: 'valkey' })).toEqual({
      caches: DEFAULT_CACHES,
      celeryBroker: { database: 0 },
      celeryResultBackend: { database: 0 },
      resultsBackend: { database: 6, keyPrefix: 'superset_results_' },
    });
  });

  test('connection settings do not reach the resolved config (they are read from the environment)', () => {
    const resolved = resolveValkey({ host: 'valkey', port: 6380, username: 'u', password: 'secret' });
    expect(JSON.stringify(resolved)).not.toMatch(/valkey"|6380|secret|"u"/);
  });

  test('cache section fields override the defaults, including an explicit empty prefix and database 0', () => {
    const resolved = resolveValkey({ host: 'v', dataCache: { database: 0, keyPrefix: '', defaultTimeout: 60 } });
    expect(resolved.caches[1])
      .toEqual({ setting: 'DATA_CACHE_CONFIG', database: 0, keyPrefix: '', defaultTimeout: 60 });
  });

  test('disabled cache sections are dropped, the others keep their order', () => {
    const resolved = resolveValkey({ host: 'v', cache: { disabled: true }, thumbnailCache: { disabled: true } });
    expect(resolved.caches.map((c) => c.setting)).toEqual([
      'DATA_CACHE_CONFIG',
      'FILTER_STATE_CACHE_CONFIG',
      'EXPLORE_FORM_DATA_CACHE_CONFIG',
      'DISTRIBUTED_COORDINATION_CONFIG',
    ]);
  });

  test('disabled: false is the same as absent', () => {
    expect(resolveValkey({ host: 'v', cache: { disabled: false } })).toEqual(resolveValkey({ host: 'v' }));
  });

  test('celery sections take their own database or are dropped when disabled', () => {
    const resolved = resolveValkey({
      host: 'v',
      celeryBroker: { database: 8 },
      celeryResultBackend: { disabled: true },
    });
    expect(resolved.celeryBroker).toEqual({ database: 8 });
    expect(resolved).not.toHaveProperty('celeryResultBackend');
  });

  test('the results backend takes its own database and prefix or is dropped when disabled', () => {
    expect(resolveValkey({ host: 'v', resultsBackend: { database: 9, keyPrefix: 'r_' } }).resultsBackend)
      .toEqual({ database: 9, keyPrefix: 'r_' });
    expect(resolveValkey({ host: 'v', resultsBackend: { disabled: true } })).not.toHaveProperty('resultsBackend');
  });

  test('an empty ssl object enables TLS with certificate verification required', () => {
    expect(resolveValkey({ host: 'v', ssl: {} }).ssl).toEqual({ certRequired: 'required' });
  });

  test('ssl fields are passed through', () => {
    const ssl = { certRequired: 'none', keyFile: '/tls/key', certFile: '/tls/crt', caCertFile: '/tls/ca' } as const;
    expect(resolveValkey({ host: 'v', ssl }).ssl).toEqual(ssl);
  });
});
