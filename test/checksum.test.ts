import type { SupersetInstanceProps } from '../src';
import { find, synth } from './util';

const KEY = 'superset.apache.org/config-checksum';
const BASE_PROPS: Partial<SupersetInstanceProps> = {
  metastore: { host: 'pg', database: 'superset', username: 'superset' },
  webServer: {},
  celeryWorker: {},
};

function checksums(props: Partial<SupersetInstanceProps>): Record<string, string> {
  const manifests = synth({ ...BASE_PROPS, ...props });
  return Object.fromEntries(['web-server', 'celery-worker'].map((c) => [
    c, find(manifests, 'Deployment', `demo-${c}`).spec.template.metadata.annotations[KEY],
  ]));
}

describe('config checksum', () => {
  const base = checksums({});

  test('is a sha256 content hash on every Python component pod', () => {
    expect(base['web-server']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(base['web-server']).not.toEqual(base['celery-worker']);
  });

  test('is stable for the same input', () => {
    expect(checksums({})).toEqual(base);
  });

  test('changes only for the component whose config changed', () => {
    const changed = checksums({ webServer: { config: 'ROW_LIMIT = 5' } });
    expect(changed['web-server']).not.toEqual(base['web-server']);
    expect(changed['celery-worker']).toEqual(base['celery-worker']);
  });

  test('changes everywhere when shared inputs change', () => {
    for (const props of [
      { config: 'ROW_LIMIT = 5' },
      { featureFlags: { ALERT_REPORTS: true } },
      { metastore: { host: 'pg2', database: 'superset', username: 'superset' } },
      { secretKeyFrom: { name: 'other-secret', key: 'secret-key' } },
      { bootstrapScript: 'pip install x' },
      { valkey: { host: 'valkey' } },
    ]) {
      const changed = checksums(props);
      expect([props, changed['web-server'] === base['web-server'], changed['celery-worker'] === base['celery-worker']]).toEqual([props, false, false]);
    }
  });

  test('follows gunicorn and celery settings of their component only', () => {
    const gunicorn = checksums({ webServer: { gunicorn: { timeout: 120 } } });
    expect([gunicorn['web-server'] === base['web-server'], gunicorn['celery-worker'] === base['celery-worker']]).toEqual([false, true]);
    const celery = checksums({ celeryWorker: { celery: { concurrency: 2 } } });
    expect([celery['web-server'] === base['web-server'], celery['celery-worker'] === base['celery-worker']]).toEqual([true, false]);
  });

  test('ignores what rolls pods by itself: forceReload, replicas, resources', () => {
    expect(checksums({ forceReload: 'now', replicas: 3, podTemplate: { container: { resources: { limits: { memory: '1Gi' } } } } })).toEqual(base);
  });

  test('user pod annotations sit next to it', () => {
    const pod = find(synth({ ...BASE_PROPS, podTemplate: { annotations: { team: 'bi' } } }), 'Deployment', 'demo-web-server').spec.template.metadata;
    expect(Object.keys(pod.annotations).sort()).toEqual([KEY, 'team']);
  });
});
