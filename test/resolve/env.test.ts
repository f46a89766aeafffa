import type { SupersetSpec } from '../../src';
import { mergeEnv, pythonEnv } from '../../src/resolve/env';

const image = { tag: '6.1.0' };
const names = (env: { name: string }[]) => env.map((e) => e.name);

describe('pythonEnv', () => {
  test('always carries the instance name first', () => {
    expect(pythonEnv({ image }, 'demo')[0]).toEqual({ name: 'SUPERSET_OPERATOR__INSTANCE_NAME', value: 'demo' });
  });

  test('secret keys are Secret references outside Development', () => {
    const env = pythonEnv({
      image,
      secretKeyFrom: { name: 's', key: 'k', optional: true },
      previousSecretKeyFrom: { name: 'old', key: 'k' },
    }, 'demo');
    expect(env[1]).toEqual({ name: 'SUPERSET_OPERATOR__SECRET_KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } });
    expect(env[2]).toEqual({ name: 'SUPERSET_OPERATOR__PREVIOUS_SECRET_KEY', valueFrom: { secretKeyRef: { name: 'old', key: 'k' } } });
  });

  test('inline secret keys are plain values in Development', () => {
    const env = pythonEnv({ image, environment: 'Development', secretKey: 'dev-key', previousSecretKey: 'old-key' }, 'demo');
    expect(env.slice(1, 3)).toEqual([
      { name: 'SUPERSET_OPERATOR__SECRET_KEY', value: 'dev-key' },
      { name: 'SUPERSET_OPERATOR__PREVIOUS_SECRET_KEY', value: 'old-key' },
    ]);
  });

  test('a passthrough metastore gives DB_URI from the Secret', () => {
    const env = pythonEnv({ image, metastore: { uriFrom: { name: 'db', key: 'uri' } } }, 'demo');
    expect(env).toContainEqual({ name: 'SUPERSET_OPERATOR__DB_URI', valueFrom: { secretKeyRef: { name: 'db', key: 'uri' } } });
  });

  test('a structured metastore gives host, port by type, name, user and password reference', () => {
    const spec: SupersetSpec = {
      image,
      metastore: { type: 'MySQL', host: 'mysql', database: 'ss', username: 'u', passwordFrom: { name: 'db', key: 'pw' } },
    };
    const env = pythonEnv(spec, 'demo');
    expect(names(env)).toEqual([
      'SUPERSET_OPERATOR__INSTANCE_NAME', 'SUPERSET_OPERATOR__DB_HOST', 'SUPERSET_OPERATOR__DB_PORT',
      'SUPERSET_OPERATOR__DB_NAME', 'SUPERSET_OPERATOR__DB_USER', 'SUPERSET_OPERATOR__DB_PASS',
    ]);
    expect(env[2]).toEqual({ name: 'SUPERSET_OPERATOR__DB_PORT', value: '3306' });
    expect(pythonEnv({ image, metastore: { host: 'pg', database: 'd', username: 'u' } }, 'x')[2].value).toBe('5432');
  });

  test('Valkey gives the pod namespace, host, default port, user and password reference, then forceReload last', () => {
    const env = pythonEnv({
      image,
      valkey: { host: 'valkey', username: 'superset', passwordFrom: { name: 'vk', key: 'pw' } },
      forceReload: '2026-11-23',
    }, 'demo');
    expect(env.slice(1)).toEqual([
      { name: 'SUPERSET_OPERATOR__NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'SUPERSET_OPERATOR__VALKEY_HOST', value: 'valkey' },
      { name: 'SUPERSET_OPERATOR__VALKEY_PORT', value: '6379' },
      { name: 'SUPERSET_OPERATOR__VALKEY_USER', value: 'superset' },
      { name: 'SUPERSET_OPERATOR__VALKEY_PASS', valueFrom: { secretKeyRef: { name: 'vk', key: 'pw' } } },
      { name: 'SUPERSET_OPERATOR__FORCE_RELOAD', value: '2026-11-23' },
    ]);
  });
});

describe('mergeEnv', () => {
  test('a managed variable keeps its managed value in the user position', () => {
    const merged = mergeEnv(
      [{ name: 'A', value: '1' }, { name: 'SERVER_WORKER_AMOUNT', value: '99' }, { name: 'B', value: '2' }],
      [{ name: 'SUPERSET_OPERATOR__INSTANCE_NAME', value: 'demo' }, { name: 'SERVER_WORKER_AMOUNT', value: '2' }],
    );
    expect(merged).toEqual([
      { name: 'A', value: '1' },
      { name: 'SERVER_WORKER_AMOUNT', value: '2' },
      { name: 'B', value: '2' },
      { name: 'SUPERSET_OPERATOR__INSTANCE_NAME', value: 'demo' },
    ]);
  });
});
