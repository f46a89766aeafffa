import { hasJob, initContainerNames, jobOf, METASTORE, podOf, synthLifecycle, taskConfig, taskContainer } from './helpers';
import { runSupersetConfig } from '../support/python';
import { envOf, find } from '../util';

const REF = (name: string) => ({ name, key: 'k' });
const ENGINE = { previousSecretKeyFrom: REF('old'), metastore: METASTORE, valkey: { host: 'valkey', passwordFrom: REF('vk') } };
const RESTRICTED_CONTAINER = {
  runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
};
const TASK_LABELS = (task: string) => ({
  'app.kubernetes.io/name': 'superset',
  'app.kubernetes.io/component': 'init',
  'app.kubernetes.io/instance': `demo-${task}`,
  'superset.apache.org/parent': 'demo',
  'superset.apache.org/instance': `demo-${task}`,
  'superset.apache.org/init-task': task,
});

describe('migrate, rotate and init Jobs', () => {
  const manifests = synthLifecycle({ ...ENGINE, forceReload: 'r1', lifecycle: { rotate: {} } });

  test.each(['migrate', 'rotate', 'init'])('%s runs the Superset image with the components\' secret references and its ConfigMap', (task) => {
    const job = jobOf(manifests, task);
    const container = taskContainer(job);
    expect(container).toMatchObject({ image: 'apachesuperset.docker.scarf.sh/apache/superset:6.1.0', imagePullPolicy: 'IfNotPresent' });
    expect(container.env.map((e: any) => e.name)).toEqual([
      'SUPERSET_OPERATOR__INSTANCE_NAME', 'SUPERSET_OPERATOR__SECRET_KEY', 'SUPERSET_OPERATOR__PREVIOUS_SECRET_KEY',
      'SUPERSET_OPERATOR__DB_HOST', 'SUPERSET_OPERATOR__DB_PORT', 'SUPERSET_OPERATOR__DB_NAME', 'SUPERSET_OPERATOR__DB_USER',
      'SUPERSET_OPERATOR__DB_PASS', 'SUPERSET_OPERATOR__VALKEY_HOST', 'SUPERSET_OPERATOR__VALKEY_PORT',
      'SUPERSET_OPERATOR__VALKEY_PASS',
    ]);
    expect(envOf(container)).toMatchObject({
      SUPERSET_OPERATOR__SECRET_KEY: { secretKeyRef: { name: 'app-secret', key: 'secret-key' } },
      SUPERSET_OPERATOR__DB_PASS: { secretKeyRef: { name: 'db', key: 'pw' } },
      SUPERSET_OPERATOR__VALKEY_PASS: { secretKeyRef: { name: 'vk', key: 'k' } },
    });
    expect(container.volumeMounts).toEqual([{ name: 'superset-config', mountPath: '/app/pythonpath', readOnly: true }]);
    expect(podOf(job).volumes).toEqual([{ name: 'superset-config', configMap: { name: `demo-${task}-config` } }]);
    expect(find(manifests, 'ConfigMap', `demo-${task}-config`).metadata.labels).toEqual({
      'app.kubernetes.io/name': 'superset', 'app.kubernetes.io/component': 'init', 'app.kubernetes.io/instance': `demo-${task}`,
    });
    // A task is not a server: no probes, ports or lifecycle hooks.
    for (const field of ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle']) expect(container[field]).toBeUndefined();
  });

  test.each(['migrate', 'rotate', 'init'])('%s is a one-pod Job that is never restarted in place, with the operator\'s labels', (task) => {
    const job = jobOf(manifests, task);
    expect(job.spec).toMatchObject({ backoffLimit: 2, completions: 1, parallelism: 1 });
    expect(job.metadata.labels).toEqual(TASK_LABELS(task));
    expect(job.spec.template.metadata.labels).toEqual(TASK_LABELS(task));
    expect(podOf(job)).toMatchObject({ restartPolicy: 'Never', activeDeadlineSeconds: 300, serviceAccountName: 'demo', automountServiceAccountToken: false });
  });

  test.each(['migrate', 'rotate', 'init'])('%s meets the restricted Pod Security Standard, its init containers included', (task) => {
    const pod = podOf(jobOf(manifests, task));
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    for (const container of [...pod.containers, ...pod.initContainers ?? []]) expect(container.securityContext).toEqual(RESTRICTED_CONTAINER);
  });

  test('the commands are the operator\'s', () => {
    expect(taskContainer(jobOf(manifests, 'migrate')).command).toEqual(['/bin/sh', '-c', 'superset db upgrade']);
    expect(taskContainer(jobOf(manifests, 'rotate')).command).toEqual(['/bin/sh', '-c', 'superset re-encrypt-secrets']);
    expect(taskContainer(jobOf(manifests, 'init')).command).toEqual(['/bin/sh', '-c', 'superset init']);
  });

  test('rotate runs only when lifecycle.rotate is set; migrate and init unless disabled', () => {
    expect(hasJob(synthLifecycle(), 'rotate')).toBe(false);
    const some = synthLifecycle({ lifecycle: { migrate: { disabled: true }, rotate: { disabled: true } } });
    expect(['migrate', 'rotate', 'init'].map((task) => hasJob(some, task))).toEqual([false, false, true]);
    expect(some.some((m) => m.metadata.name === 'demo-migrate-config')).toBe(false);
    expect(synthLifecycle({ lifecycle: { migrate: { disabled: true }, init: { disabled: true } } }).some((m) => m.kind === 'Job')).toBe(false);
  });
});

describe('commands and the bootstrap script', () => {
  test('the lifecycle bootstrap script replaces the top-level one and is sourced before the default commands', () => {
    const top = synthLifecycle({ bootstrapScript: 'echo top' });
    expect(taskContainer(jobOf(top, 'migrate')).command).toEqual(['/bin/sh', '-c', '. \'/app/pythonpath/superset_bootstrap.sh\'; superset db upgrade']);
    expect(find(top, 'ConfigMap', 'demo-migrate-config').data['superset_bootstrap.sh']).toBe('echo top');
    const own = synthLifecycle({ bootstrapScript: 'echo top', lifecycle: { bootstrapScript: 'echo tasks' } });
    expect(find(own, 'ConfigMap', 'demo-init-config').data['superset_bootstrap.sh']).toBe('echo tasks');
    const none = synthLifecycle({ bootstrapScript: 'echo top', lifecycle: { bootstrapScript: '' } });
    expect(taskContainer(jobOf(none, 'init')).command).toEqual(['/bin/sh', '-c', 'superset init']);
    expect(find(none, 'ConfigMap', 'demo-init-config').data['superset_bootstrap.sh']).toBeUndefined();
  });

  test('a task command is taken verbatim, never wrapped', () => {
    const manifests = synthLifecycle({
      bootstrapScript: 'echo top',
      lifecycle: { migrate: { command: ['superset', 'db', 'upgrade', '--sql'] }, init: { command: ['/bin/true'] } },
    });
    expect(taskContainer(jobOf(manifests, 'migrate')).command).toEqual(['superset', 'db', 'upgrade', '--sql']);
    expect(taskContainer(jobOf(manifests, 'init')).command).toEqual(['/bin/true']);
  });

  test('init creates the admin user from variables, tolerating an existing one, then loads the examples', () => {
    const dev = { environment: 'Development' as const, secretKeyFrom: undefined, secretKey: 'dev' };
    const admin = 'superset fab create-admin --username "$SUPERSET_OPERATOR__ADMIN_USERNAME" '
      + '--password "$SUPERSET_OPERATOR__ADMIN_PASSWORD" --firstname "$SUPERSET_OPERATOR__ADMIN_FIRST_NAME" '
      + '--lastname "$SUPERSET_OPERATOR__ADMIN_LAST_NAME" --email "$SUPERSET_OPERATOR__ADMIN_EMAIL"';
    const command = (init: object) => taskContainer(jobOf(synthLifecycle({ ...dev, lifecycle: { init } }), 'init')).command[2];
    expect(command({ adminUser: {} })).toBe(`superset init && (${admin} || true)`);
    expect(command({ loadExamples: true })).toBe('superset init && superset load-examples');
    expect(command({ loadExamples: false })).toBe('superset init');
    expect(command({ adminUser: {}, loadExamples: true })).toBe(`superset init && (${admin} || true) && superset load-examples`);
  });

  test('the admin variables have the operator\'s defaults; forceReload, which restarts components, is not passed', () => {
    const manifests = synthLifecycle({
      environment: 'Development',
      secretKeyFrom: undefined,
      secretKey: 'dev',
      forceReload: '1',
      lifecycle: { init: { adminUser: { username: 'ops', email: 'ops@example.com' } } },
    });
    const container = taskContainer(jobOf(manifests, 'init'));
    expect(container.env.map((e: any) => e.name).slice(-5)).toEqual([
      'SUPERSET_OPERATOR__ADMIN_USERNAME', 'SUPERSET_OPERATOR__ADMIN_PASSWORD', 'SUPERSET_OPERATOR__ADMIN_FIRST_NAME',
      'SUPERSET_OPERATOR__ADMIN_LAST_NAME', 'SUPERSET_OPERATOR__ADMIN_EMAIL',
    ]);
    expect(envOf(container)).toMatchObject({
      SUPERSET_OPERATOR__ADMIN_USERNAME: 'ops',
      SUPERSET_OPERATOR__ADMIN_PASSWORD: 'admin',
      SUPERSET_OPERATOR__ADMIN_FIRST_NAME: 'Superset',
      SUPERSET_OPERATOR__ADMIN_LAST_NAME: 'Admin',
      SUPERSET_OPERATOR__ADMIN_EMAIL: 'ops@example.com',
    });
    expect(envOf(taskContainer(jobOf(manifests, 'migrate'))).SUPERSET_OPERATOR__ADMIN_USERNAME).toBeUndefined();
  });
});

describe('the lifecycle superset_config.py', () => {
  const manifests = synthLifecycle({
    ...ENGINE,
    sqlaEngineOptions: { preset: 'performance' },
    featureFlags: { ALERT_REPORTS: true },
    config: 'ROW_LIMIT = 5000',
    webServer: { config: 'WEB_ONLY = True' },
    lifecycle: { rotate: {}, config: 'TASK_SETTING = "lifecycle"' },
  });

  test('is the same for every task: NullPool, the base config, then lifecycle.config', () => {
    const config = taskConfig(manifests, 'migrate');
    expect(taskConfig(manifests, 'rotate')).toBe(config);
    expect(taskConfig(manifests, 'init')).toBe(config);
    expect(config).toContain('"poolclass": NullPool');
    expect(config.indexOf('ROW_LIMIT = 5000')).toBeLessThan(config.indexOf('TASK_SETTING = "lifecycle"'));
    expect(config).not.toContain('WEB_ONLY');
  });

  test('runs with a real Python and the Job\'s environment', () => {
    const env = {
      SUPERSET_OPERATOR__INSTANCE_NAME: 'demo',
      SUPERSET_OPERATOR__SECRET_KEY: 's',
      SUPERSET_OPERATOR__PREVIOUS_SECRET_KEY: 'o',
      SUPERSET_OPERATOR__DB_HOST: 'pg',
      SUPERSET_OPERATOR__DB_PORT: '5432',
      SUPERSET_OPERATOR__DB_NAME: 'superset',
      SUPERSET_OPERATOR__DB_USER: 'superset',
      SUPERSET_OPERATOR__DB_PASS: 'p w',
      SUPERSET_OPERATOR__VALKEY_HOST: 'valkey',
      SUPERSET_OPERATOR__VALKEY_PORT: '6379',
      SUPERSET_OPERATOR__VALKEY_PASS: 'v',
    };
    const settings = runSupersetConfig(taskConfig(manifests, 'init'), env);
    expect(settings.SQLALCHEMY_DATABASE_URI).toBe('postgresql+psycopg2://superset:p%20w@pg:5432/superset');
    expect(settings.SQLALCHEMY_ENGINE_OPTIONS).toEqual({ poolclass: 'NullPool' });
    expect(settings.TASK_SETTING).toBe('lifecycle');
    expect(settings.FEATURE_FLAGS).toEqual({ ALERT_REPORTS: true });
  });

  test('lifecycle.sqlaEngineOptions disabled leaves the engine options out', () => {
    expect(taskConfig(synthLifecycle({ lifecycle: { sqlaEngineOptions: { preset: 'disabled' } } }), 'migrate')).not.toContain('SQLALCHEMY_ENGINE_OPTIONS');
  });
});

describe('images, pod settings, deadlines and retries', () => {
  test('lifecycle.image overrides parts of the top-level image; pull secrets come from the top-level image', () => {
    const manifests = synthLifecycle({
      image: { tag: '6.1.0', pullSecrets: [{ name: 'registry' }] },
      lifecycle: { image: { repository: 'registry.example.com/superset', pullPolicy: 'Always' } },
    });
    const job = jobOf(manifests, 'migrate');
    expect(taskContainer(job)).toMatchObject({ image: 'registry.example.com/superset:6.1.0', imagePullPolicy: 'Always' });
    expect(podOf(job).imagePullSecrets).toEqual([{ name: 'registry' }]);
  });

  test('lifecycle.podTemplate is merged over the top-level podTemplate; managed labels and variables win', () => {
    const manifests = synthLifecycle({
      podTemplate: {
        labels: { 'team': 'bi', 'superset.apache.org/init-task': 'forged' },
        nodeSelector: { pool: 'general' },
        tolerations: [{ key: 'a', operator: 'Exists' }],
        container: { env: [{ name: 'TZ', value: 'UTC' }], resources: { requests: { cpu: '1' } } },
      },
      lifecycle: {
        podTemplate: {
          annotations: { note: 'tasks' },
          nodeSelector: { disk: 'ssd' },
          tolerations: [{ key: 'b', operator: 'Exists' }],
          podSecurityContext: { fsGroup: 2000 },
          container: {
            args: ['--verbose'],
            env: [{ name: 'SUPERSET_OPERATOR__INSTANCE_NAME', value: 'forged' }, { name: 'LANG', value: 'C.UTF-8' }],
            resources: { requests: { cpu: '250m' } },
          },
        },
      },
    });
    const job = jobOf(manifests, 'init');
    const pod = podOf(job);
    expect(job.metadata.labels).toEqual({ team: 'bi', ...TASK_LABELS('init') });
    expect(job.spec.template.metadata.annotations.note).toBe('tasks');
    expect(pod.nodeSelector).toEqual({ pool: 'general', disk: 'ssd' });
    expect(pod.tolerations).toEqual([{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }]);
    expect(pod.securityContext.fsGroup).toBe(2000);
    const container = taskContainer(job);
    expect(container.args).toEqual(['--verbose']);
    expect(container.resources).toEqual({ requests: { cpu: '250m' } });
    expect(envOf(container)).toMatchObject({ SUPERSET_OPERATOR__INSTANCE_NAME: 'demo', TZ: 'UTC', LANG: 'C.UTF-8' });
  });

  test.each([
    ['5m', 300], ['1h30m', 5400], ['4.1m', 246], ['90s', 90], ['1.5h', 5400], ['500ms', 1], ['0', undefined], ['0s', undefined],
  ])('timeout %s gives each attempt activeDeadlineSeconds %s', (timeout, seconds) => {
    expect(podOf(jobOf(synthLifecycle({ lifecycle: { migrate: { timeout } } }), 'migrate')).activeDeadlineSeconds).toBe(seconds);
  });

  test.each([[1, 0], [3, 2], [10, 9]])('maxRetries %s gives backoffLimit %s', (maxRetries, backoffLimit) => {
    expect(jobOf(synthLifecycle({ lifecycle: { init: { maxRetries } } }), 'init').spec.backoffLimit).toBe(backoffLimit);
  });

  test('the ServiceAccount of the instance is the tasks\' too', () => {
    const manifests = synthLifecycle({ serviceAccount: { create: false, name: 'existing' } });
    expect(podOf(jobOf(manifests, 'migrate')).serviceAccountName).toBe('existing');
  });
});

describe('metastore.createDatabase', () => {
  test('adds a create-database init container before the migration, with the database variables only', () => {
    const manifests = synthLifecycle({
      metastore: { ...METASTORE, createDatabase: true },
      lifecycle: {
        podTemplate: {
          initContainers: [{ name: 'create-database', image: 'mine:1' }, { name: 'other', image: 'busybox:1' }],
          container: { resources: { limits: { memory: '1Gi' } }, securityContext: { readOnlyRootFilesystem: true } },
        },
      },
    });
    const pod = podOf(jobOf(manifests, 'migrate'));
    expect(initContainerNames(pod)).toEqual(['create-database', 'other']);
    const create = pod.initContainers[0];
    expect(create.image).toBe('postgres:17.6-alpine');
    expect(create.command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(create.command[2]).toContain('createdb -- "$SUPERSET_OPERATOR__DB_NAME"');
    expect(create.env.map((e: any) => e.name)).toEqual([
      'SUPERSET_OPERATOR__DB_HOST', 'SUPERSET_OPERATOR__DB_PORT', 'SUPERSET_OPERATOR__DB_NAME', 'SUPERSET_OPERATOR__DB_USER',
      'SUPERSET_OPERATOR__DB_PASS',
    ]);
    expect(create.resources).toEqual({ limits: { memory: '1Gi' } });
    expect(create.securityContext).toEqual({ ...RESTRICTED_CONTAINER, readOnlyRootFilesystem: true });
    // Only the migration creates the database: elsewhere the user's container of that name stays.
    const init = podOf(jobOf(manifests, 'init')).initContainers;
    expect(init.find((c: any) => c.name === 'create-database').image).toBe('mine:1');
  });

  test('uses the MySQL client for MySQL, and nothing without createDatabase', () => {
    const mysql = synthLifecycle({ metastore: { ...METASTORE, type: 'MySQL', createDatabase: true } });
    const create = podOf(jobOf(mysql, 'migrate')).initContainers[0];
    expect(create.image).toBe('mysql:8.4.6');
    expect(create.command[2]).toContain('CREATE DATABASE IF NOT EXISTS');
    expect(podOf(jobOf(synthLifecycle({ metastore: METASTORE }), 'migrate')).initContainers).toBeUndefined();
  });
});

describe('the seed', () => {
  const SOURCE = { host: 'prod-db', database: 'superset', username: 'reader', passwordFrom: REF('prod') };
  const staging = { environment: 'Staging' as const, metastore: METASTORE };

  test('copies the source in a seed container, then migrates the copy in the same pod', () => {
    const manifests = synthLifecycle({
      ...staging,
      image: { tag: '6.1.0', pullSecrets: [{ name: 'registry' }] },
      lifecycle: {
        seed: {
          source: SOURCE,
          timeout: '10m',
          maxRetries: 2,
          image: { pullSecrets: [{ name: 'hub' }] },
          podTemplate: { nodeSelector: { pool: 'batch' }, container: { resources: { requests: { cpu: '2' } } } },
        },
        migrate: { timeout: '20m' },
      },
    });
    const job = jobOf(manifests, 'seed');
    expect(job.metadata.name).toMatch(/^demo-seed-[0-9a-f]{6}$/);
    expect(job.spec.backoffLimit).toBe(1);
    const pod = podOf(job);
    expect(pod.activeDeadlineSeconds).toBe(1800);
    expect(pod.nodeSelector).toEqual({ pool: 'batch' });
    expect(pod.imagePullSecrets).toEqual([{ name: 'registry' }, { name: 'hub' }]);
    const [seed] = pod.initContainers;
    expect(seed).toMatchObject({ name: 'seed', image: 'postgres:17.6-alpine', resources: { requests: { cpu: '2' } } });
    expect(seed.securityContext).toEqual(RESTRICTED_CONTAINER);
    expect(seed.env.map((e: any) => e.name)).toEqual([
      'SUPERSET_OPERATOR__SEED_SRC_HOST', 'SUPERSET_OPERATOR__SEED_SRC_PORT', 'SUPERSET_OPERATOR__SEED_SRC_DB',
      'SUPERSET_OPERATOR__SEED_SRC_USER', 'SUPERSET_OPERATOR__SEED_SRC_PASS', 'SUPERSET_OPERATOR__DB_HOST',
      'SUPERSET_OPERATOR__DB_PORT', 'SUPERSET_OPERATOR__DB_NAME', 'SUPERSET_OPERATOR__DB_USER', 'SUPERSET_OPERATOR__DB_PASS',
    ]);
    expect(envOf(seed)).toMatchObject({ SUPERSET_OPERATOR__SEED_SRC_PORT: '5432', SUPERSET_OPERATOR__SEED_SRC_PASS: { secretKeyRef: REF('prod') } });
    expect(seed.command[2]).toContain('pg_dump');
    // The migrate container and its ConfigMap, as in the migrate Job; its settings are the lifecycle's, not the seed's.
    expect(taskContainer(job)).toEqual(taskContainer(jobOf(manifests, 'migrate')));
    expect(taskContainer(job).resources).toBeUndefined();
    expect(pod.volumes).toEqual([{ name: 'superset-config', configMap: { name: 'demo-migrate-config' } }]);
    expect(job.metadata.labels).toEqual(TASK_LABELS('seed'));
  });

  test('with migrate disabled, the pod only seeds, as the operator\'s seed Job does', () => {
    const manifests = synthLifecycle({ ...staging, lifecycle: { seed: { source: { ...SOURCE, type: 'PostgreSQL' } }, migrate: { disabled: true } } });
    const pod = podOf(jobOf(manifests, 'seed'));
    expect(pod.containers.map((c: any) => c.name)).toEqual(['seed']);
    expect(pod.initContainers).toBeUndefined();
    expect(pod.volumes).toBeUndefined();
    expect(pod.imagePullSecrets).toBeUndefined();
    expect(pod.activeDeadlineSeconds).toBe(300);
  });

  test('uses the MySQL tools for a MySQL source, and seed.image over them', () => {
    const mysql = { ...staging, metastore: { ...METASTORE, type: 'MySQL' as const } };
    const seed = (image?: object) => podOf(jobOf(synthLifecycle({
      ...mysql, lifecycle: { seed: { source: { ...SOURCE, type: 'MySQL' }, image } },
    }), 'seed')).initContainers[0];
    expect(seed().image).toBe('mysql:8.4.6');
    expect(seed().command[2]).toContain('mysqldump');
    expect(envOf(seed()).SUPERSET_OPERATOR__SEED_SRC_PORT).toBe('3306');
    expect(seed({ tag: '8.0.40', pullPolicy: 'Always' })).toMatchObject({ image: 'mysql:8.0.40', imagePullPolicy: 'Always' });
    expect(seed({ repository: 'percona/percona-server' }).image).toBe('percona/percona-server:8.4.6');
  });

  test('a cron schedule adds a CronJob that repeats the same Job, never two at once', () => {
    const manifests = synthLifecycle({ ...staging, lifecycle: { seed: { source: SOURCE, cronSchedule: '0 3 * * 1' } } });
    const cron = find(manifests, 'CronJob', 'demo-seed');
    const job = jobOf(manifests, 'seed');
    expect(cron.spec).toMatchObject({ schedule: '0 3 * * 1', concurrencyPolicy: 'Forbid' });
    expect(cron.spec.jobTemplate.spec).toEqual(job.spec);
    expect(cron.metadata.labels).toEqual(TASK_LABELS('seed'));
  });

  test('a seed command is taken verbatim', () => {
    const manifests = synthLifecycle({ ...staging, lifecycle: { seed: { source: SOURCE, command: ['/scripts/seed.sh'] } } });
    expect(podOf(jobOf(manifests, 'seed')).initContainers[0].command).toEqual(['/scripts/seed.sh']);
  });

  test('is disabled by seed.disabled or lifecycle.disabled', () => {
    expect(hasJob(synthLifecycle({ ...staging, lifecycle: { seed: { source: SOURCE, disabled: true } } }), 'seed')).toBe(false);
    expect(synthLifecycle({ ...staging, lifecycle: { disabled: true, seed: { source: SOURCE } } }).some((m) => m.kind === 'Job')).toBe(false);
  });
});
