import { ApiObject, Testing } from 'cdk8s';
import { hasJob, initContainerNames, jobOf, METASTORE, podOf, synthLifecycle, taskConfig, taskContainer, taskFiles } from './helpers';
import { SupersetInstance } from '../../src';
import { containerEnv, pythonPath } from '../support/pod';
import { restrictedViolations } from '../support/pss';
import { runSupersetConfig } from '../support/python';
import { BASE, envOf, find } from '../util';

const REF = (name: string) => ({ name, key: 'k' });
const ENGINE = { previousSecretKeyFrom: REF('old'), metastore: METASTORE, valkey: { host: 'valkey', passwordFrom: REF('vk') } };
/** Test values of the Secrets ENGINE references, keyed `<secret>/<key>`. */
const SECRETS = { 'app-secret/secret-key': 's', 'old/k': 'o', 'db/pw': 'p w', 'vk/k': 'v' };
/** What each container sets itself; runAsNonRoot and the seccomp profile come from the pod's context. */
const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
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
    // Secret references and the pod's namespace stay in env; the plain managed values come from the shared ConfigMap.
    expect(container.env.map((e: any) => e.name)).toEqual([
      'SUPERSET_OPERATOR__SECRET_KEY', 'SUPERSET_OPERATOR__PREVIOUS_SECRET_KEY', 'SUPERSET_OPERATOR__DB_PASS',
      'SUPERSET_OPERATOR__NAMESPACE', 'SUPERSET_OPERATOR__VALKEY_PASS',
    ]);
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'demo-shared-env' } }]);
    expect(envOf(container)).toMatchObject({
      SUPERSET_OPERATOR__SECRET_KEY: { secretKeyRef: { name: 'app-secret', key: 'secret-key' } },
      SUPERSET_OPERATOR__DB_PASS: { secretKeyRef: { name: 'db', key: 'pw' } },
      SUPERSET_OPERATOR__VALKEY_PASS: { secretKeyRef: { name: 'vk', key: 'k' } },
    });
    // What the pod sees: every variable the components get, and nothing else (forceReload restarts components only).
    expect(containerEnv(manifests, container, 'bi', SECRETS)).toEqual({
      SUPERSET_OPERATOR__INSTANCE_NAME: 'demo',
      SUPERSET_OPERATOR__SECRET_KEY: 's',
      SUPERSET_OPERATOR__PREVIOUS_SECRET_KEY: 'o',
      SUPERSET_OPERATOR__DB_HOST: 'pg',
      SUPERSET_OPERATOR__DB_PORT: '5432',
      SUPERSET_OPERATOR__DB_NAME: 'superset',
      SUPERSET_OPERATOR__DB_USER: 'superset',
      SUPERSET_OPERATOR__DB_PASS: 'p w',
      SUPERSET_OPERATOR__NAMESPACE: 'bi',
      SUPERSET_OPERATOR__VALKEY_HOST: 'valkey',
      SUPERSET_OPERATOR__VALKEY_PORT: '6379',
      SUPERSET_OPERATOR__VALKEY_PASS: 'v',
    });
    expect(container.volumeMounts).toEqual([{ name: 'superset-config', mountPath: '/app/pythonpath', readOnly: true }]);
    // The instance's shared files, then the task's own superset_config.py, in one folder.
    expect(podOf(job).volumes).toEqual([{
      name: 'superset-config',
      projected: { sources: [{ configMap: { name: 'demo-shared-config' } }, { configMap: { name: 'demo-lifecycle-overlay' } }] },
    }]);
    expect(Object.keys(find(manifests, 'ConfigMap', 'demo-lifecycle-overlay').data)).toEqual(['superset_config.py']);
    expect(Object.keys(taskFiles(manifests, task)).sort()).toEqual(['superset_config.py', 'superset_shared.py', 'wait_for_migrations.py']);
    expect(find(manifests, 'ConfigMap', 'demo-lifecycle-overlay').metadata.labels).toEqual({
      'app.kubernetes.io/name': 'superset', 'app.kubernetes.io/component': 'init', 'app.kubernetes.io/instance': 'demo-lifecycle',
    });
    // A task is not a server: no probes, ports or lifecycle hooks.
    for (const field of ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle']) expect(container[field]).toBeUndefined();
  });

  test('the tasks share the lifecycle\'s ConfigMap, one object; hook Jobs each have their own whole config', () => {
    const plain = new SupersetInstance(Testing.chart(), 'demo', { ...BASE, ...ENGINE, lifecycle: { rotate: {} } }).lifecycle!;
    expect(plain.migrateConfigMap?.name).toBe('demo-lifecycle-overlay');
    expect([plain.rotateConfigMap, plain.initConfigMap]).toEqual([plain.migrateConfigMap, plain.migrateConfigMap]);
    expect(plain.node.findAll().filter((c) => ApiObject.isApiObject(c) && c.kind === 'ConfigMap')).toHaveLength(1);
    const hooks = new SupersetInstance(Testing.chart(), 'demo', { ...BASE, ...ENGINE, lifecycle: { rotate: {}, delivery: 'ArgoCD' } }).lifecycle!;
    expect([hooks.migrateConfigMap?.name, hooks.rotateConfigMap?.name, hooks.initConfigMap?.name])
      .toEqual(['demo-migrate-config', 'demo-rotate-config', 'demo-init-config']);
  });

  test.each(['migrate', 'rotate', 'init'])('%s is a one-pod Job that is never restarted in place, with the operator\'s labels', (task) => {
    const job = jobOf(manifests, task);
    expect(job.spec).toMatchObject({ backoffLimit: 2, completions: 1, parallelism: 1 });
    expect(job.metadata.labels).toEqual(TASK_LABELS(task));
    expect(job.spec.template.metadata.labels).toEqual(TASK_LABELS(task));
    expect(podOf(job)).toMatchObject({ restartPolicy: 'Never', serviceAccountName: 'demo', automountServiceAccountToken: false });
  });

  test.each(['migrate', 'rotate', 'init'])('%s meets the restricted Pod Security Standard, its init containers included', (task) => {
    const pod = podOf(jobOf(manifests, task));
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    for (const container of [...pod.containers, ...pod.initContainers ?? []]) expect(container.securityContext).toEqual(RESTRICTED_CONTAINER);
    expect(restrictedViolations(pod)).toEqual([]);
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
    expect(some.filter((m) => m.kind === 'ConfigMap').map((m) => m.metadata.name)).toEqual(['demo-shared-config', 'demo-shared-env', 'demo-lifecycle-overlay']);
    expect(synthLifecycle({ lifecycle: { migrate: { disabled: true }, init: { disabled: true } } }).some((m) => m.kind === 'Job')).toBe(false);
  });
});

describe('commands and the bootstrap script', () => {
  test('the lifecycle bootstrap script replaces the top-level one and is sourced before the default commands', () => {
    const top = synthLifecycle({ bootstrapScript: 'echo top' });
    expect(taskContainer(jobOf(top, 'migrate')).command).toEqual(['/bin/sh', '-c', '. \'/app/pythonpath/superset_bootstrap.sh\'; superset db upgrade']);
    expect(find(top, 'ConfigMap', 'demo-lifecycle-overlay').data['superset_bootstrap.sh']).toBe('echo top');
    const own = synthLifecycle({ bootstrapScript: 'echo top', lifecycle: { bootstrapScript: 'echo tasks' } });
    expect(find(own, 'ConfigMap', 'demo-lifecycle-overlay').data['superset_bootstrap.sh']).toBe('echo tasks');
    const none = synthLifecycle({ bootstrapScript: 'echo top', lifecycle: { bootstrapScript: '' } });
    expect(taskContainer(jobOf(none, 'init')).command).toEqual(['/bin/sh', '-c', 'superset init']);
    expect(find(none, 'ConfigMap', 'demo-lifecycle-overlay').data['superset_bootstrap.sh']).toBeUndefined();
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
    // The base config is a shared file the task's superset_config.py runs before its own lifecycle.config.
    const files = taskFiles(manifests, 'migrate');
    expect(files['superset_base.py']).toContain('ROW_LIMIT = 5000');
    const overlay = files['superset_config.py'];
    expect(overlay.indexOf('_include("superset_base.py")')).toBeGreaterThan(-1);
    expect(overlay.indexOf('_include("superset_base.py")')).toBeLessThan(overlay.indexOf('TASK_SETTING = "lifecycle"'));
    expect(config).not.toContain('WEB_ONLY');
  });

  test('a real Python runs the base config before lifecycle.config', () => {
    const ordered = synthLifecycle({ config: 'ORDER = ["base"]', lifecycle: { config: 'ORDER = ORDER + ["lifecycle"]' } });
    const job = jobOf(ordered, 'migrate');
    const settings = runSupersetConfig(pythonPath(ordered, job), containerEnv(ordered, taskContainer(job), 'bi', SECRETS));
    expect(settings.ORDER).toEqual(['base', 'lifecycle']);
  });

  test('runs with a real Python and the Job\'s environment', () => {
    const env = containerEnv(manifests, taskContainer(jobOf(manifests, 'init')), 'bi', SECRETS);
    const settings = runSupersetConfig(taskFiles(manifests, 'init'), env);
    expect(settings.SQLALCHEMY_DATABASE_URI).toBe('postgresql+psycopg2://superset:p%20w@pg:5432/superset');
    expect(settings.SQLALCHEMY_ENGINE_OPTIONS).toEqual({ poolclass: 'NullPool' });
    expect(settings.TASK_SETTING).toBe('lifecycle');
    // Tasks the lifecycle sends (init, rotate) go to the instance's own queue and caches, like the components'.
    expect(settings.CELERY_CONFIG).toMatchObject({ task_default_queue: 'bi.demo' });
    expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_KEY_PREFIX: 'bi.demo.superset_' });
    expect(settings.FEATURE_FLAGS).toEqual({ ALERT_REPORTS: true });
  });

  test('lifecycle.sqlaEngineOptions disabled leaves the engine options out', () => {
    const disabled = synthLifecycle({ lifecycle: { sqlaEngineOptions: { preset: 'disabled' } } });
    // The schema-wait program on the shared PYTHONPATH reads the setting; no config file defines it.
    const { 'wait_for_migrations.py': _program, ...config } = taskFiles(disabled, 'migrate');
    expect(Object.values(config).join('\n')).not.toContain('SQLALCHEMY_ENGINE_OPTIONS');
    const job = jobOf(disabled, 'migrate');
    expect(runSupersetConfig(config, containerEnv(disabled, taskContainer(job), 'bi', SECRETS)).SQLALCHEMY_ENGINE_OPTIONS).toBeUndefined();
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
        labels: { 'team': 'bi', 'app.kubernetes.io/component': 'forged' },
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
    expect(containerEnv(manifests, container, 'bi', SECRETS)).toMatchObject({ SUPERSET_OPERATOR__INSTANCE_NAME: 'demo', TZ: 'UTC', LANG: 'C.UTF-8' });
  });

  test.each([
    ['5m', 300], ['1h30m', 5400], ['4.1m', 246], ['90s', 90], ['1.5h', 5400], ['500ms', 1], ['0', undefined], ['0s', undefined],
  ])('timeout %s gives each attempt activeDeadlineSeconds %s', (timeout, seconds) => {
    expect(podOf(jobOf(synthLifecycle({ lifecycle: { migrate: { timeout } } }), 'migrate')).activeDeadlineSeconds).toBe(seconds);
  });

  test('with Plain delivery, rotate and init may also take as long as the migration they wait for', () => {
    const deadlines = (lifecycle: object, delivery: 'Plain' | 'ArgoCD' = 'Plain') => {
      const manifests = synthLifecycle({ previousSecretKeyFrom: REF('old'), lifecycle: { delivery, rotate: {}, ...lifecycle } });
      return ['migrate', 'rotate', 'init'].map((task) => podOf(jobOf(manifests, task)).activeDeadlineSeconds);
    };
    // The defaults: 5 minutes each, and 5 more for the wait.
    expect(deadlines({})).toEqual([300, 600, 600]);
    // A 15-minute migration no longer uses up init's 5 minutes.
    expect(deadlines({ migrate: { timeout: '15m' }, rotate: { timeout: '10m' } })).toEqual([900, 1500, 1200]);
    // No limit on either side means no limit.
    expect(deadlines({ migrate: { timeout: '0' } })).toEqual([undefined, undefined, undefined]);
    expect(deadlines({ init: { timeout: '0' } })).toEqual([300, 600, undefined]);
    // Hooks run after migrate has finished: nothing to wait for.
    expect(deadlines({ migrate: { timeout: '15m' } }, 'ArgoCD')).toEqual([900, 300, 300]);
    // Without migrate, nothing waits either.
    expect(podOf(jobOf(synthLifecycle({ lifecycle: { migrate: { disabled: true } } }), 'init')).activeDeadlineSeconds).toBe(300);
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
  const staging = { environment: 'Staging' as const, metastore: METASTORE, previousSecretKeyFrom: REF('old') };
  const seeded = (lifecycle: object, props: object = {}) =>
    synthLifecycle({ ...staging, ...props, lifecycle: { seed: { source: SOURCE }, ...lifecycle } });
  /** A container of a pod by name, init containers included. */
  const named = (pod: any, name: string) => [...pod.initContainers ?? [], ...pod.containers].find((c: any) => c.name === name);

  test('runs seed, migrate, rotate and init one after the other in one pod, and no other Job', () => {
    const manifests = seeded({ rotate: {} });
    expect(manifests.filter((m) => m.kind === 'Job').map((m) => m.metadata.name)).toEqual([expect.stringMatching(/^demo-seed-[0-9a-f]{6}$/)]);
    const job = jobOf(manifests, 'seed');
    expect(job.metadata.labels).toEqual(TASK_LABELS('seed'));
    const pod = podOf(job);
    // Init containers run in order, each only after the previous one succeeded; the last task is the main container.
    expect(initContainerNames(pod)).toEqual(['seed', 'migrate', 'rotate']);
    expect(pod.containers.map((c: any) => c.name)).toEqual(['init']);
    // The lifecycle's ConfigMap, and the instance's shared files and variables its Superset containers read.
    expect(manifests.filter((m) => m.kind === 'ConfigMap').map((m) => m.metadata.name)).toEqual(['demo-shared-config', 'demo-shared-env', 'demo-lifecycle-overlay']);
    expect(find(manifests, 'ConfigMap', 'demo-lifecycle-overlay').metadata.labels).toEqual({
      'app.kubernetes.io/name': 'superset', 'app.kubernetes.io/component': 'init', 'app.kubernetes.io/instance': 'demo-lifecycle',
    });
  });

  test('each Superset task runs the container of its own Job, on the lifecycle files of the lifecycle\'s ConfigMap', () => {
    const lifecycle = { rotate: {}, config: 'X = 1', bootstrapScript: 'echo tasks', podTemplate: { container: { resources: { requests: { cpu: '1' } } } } };
    const alone = synthLifecycle({ ...staging, lifecycle });
    const manifests = seeded(lifecycle);
    const pod = podOf(jobOf(manifests, 'seed'));
    for (const task of ['migrate', 'rotate', 'init']) expect(named(pod, task)).toEqual({ ...taskContainer(jobOf(alone, task)), name: task });
    expect(find(manifests, 'ConfigMap', 'demo-lifecycle-overlay').data).toEqual(find(alone, 'ConfigMap', 'demo-lifecycle-overlay').data);
    expect(pod.volumes).toEqual([{
      name: 'superset-config',
      projected: { sources: [{ configMap: { name: 'demo-shared-config' } }, { configMap: { name: 'demo-lifecycle-overlay' } }] },
    }]);
    // The seed pod reads the same config files as the task's own Job; only the schema-wait program, which nothing in
    // the seed pod runs, is not shared there.
    const { 'wait_for_migrations.py': program, ...taskOwn } = taskFiles(alone, 'migrate');
    expect(program).toBeDefined();
    expect(pythonPath(manifests, jobOf(manifests, 'seed'))).toEqual(taskOwn);
    // Nothing waits for migrations and nothing creates the database: the seed does, and migrate runs before the rest.
    expect(initContainerNames(pod)).not.toContain('wait-for-migrations');
  });

  test('the seed container copies the source with the database tools, passwords only in variables', () => {
    const seed = named(podOf(jobOf(seeded({}), 'seed')), 'seed');
    expect(seed.image).toBe('postgres:17.6-alpine');
    expect(seed.securityContext).toEqual(RESTRICTED_CONTAINER);
    expect(seed.env.map((e: any) => e.name)).toEqual([
      'SUPERSET_OPERATOR__SEED_SRC_HOST', 'SUPERSET_OPERATOR__SEED_SRC_PORT', 'SUPERSET_OPERATOR__SEED_SRC_DB',
      'SUPERSET_OPERATOR__SEED_SRC_USER', 'SUPERSET_OPERATOR__SEED_SRC_PASS', 'SUPERSET_OPERATOR__DB_HOST',
      'SUPERSET_OPERATOR__DB_PORT', 'SUPERSET_OPERATOR__DB_NAME', 'SUPERSET_OPERATOR__DB_USER', 'SUPERSET_OPERATOR__DB_PASS',
    ]);
    expect(envOf(seed)).toMatchObject({ SUPERSET_OPERATOR__SEED_SRC_PORT: '5432', SUPERSET_OPERATOR__SEED_SRC_PASS: { secretKeyRef: REF('prod') } });
    expect(seed.command[2]).toContain('pg_dump');
  });

  test('pod settings are the top-level podTemplate with seed.podTemplate over it, whatever else the pod runs', () => {
    const props = { podTemplate: { labels: { team: 'bi' }, nodeSelector: { pool: 'general' } } };
    const lifecycle = {
      podTemplate: {
        nodeSelector: { disk: 'ssd' },
        volumes: [{ name: 'extra', emptyDir: {} }],
        container: { volumeMounts: [{ name: 'extra', mountPath: '/extra' }], resources: { requests: { cpu: '1' } } },
      },
    };
    const seedTemplate = {
      nodeSelector: { pool: 'batch' },
      annotations: { note: 'seed' },
      container: { resources: { requests: { cpu: '2' } }, securityContext: { readOnlyRootFilesystem: true } },
    };
    const withTasks = jobOf(seeded({ ...lifecycle, seed: { source: SOURCE, podTemplate: seedTemplate } }, props), 'seed');
    const pod = podOf(withTasks);
    expect(pod.nodeSelector).toEqual({ pool: 'batch' });
    expect(withTasks.metadata.labels!.team).toBe('bi');
    expect(withTasks.spec.template.metadata.annotations.note).toBe('seed');
    // The seed container takes the seed's container settings; the Superset containers keep the lifecycle's...
    expect(named(pod, 'seed')).toMatchObject({ resources: { requests: { cpu: '2' } }, securityContext: { readOnlyRootFilesystem: true } });
    for (const task of ['migrate', 'init']) {
      expect(named(pod, task).resources).toEqual({ requests: { cpu: '1' } });
      expect(named(pod, task).securityContext).toEqual(RESTRICTED_CONTAINER);
    }
    // ...and the volumes they mount.
    expect(pod.volumes.map((v: any) => v.name)).toEqual(['extra', 'superset-config']);
    const off = { migrate: { disabled: true }, init: { disabled: true } };
    const alone = podOf(jobOf(seeded({ ...lifecycle, ...off, seed: { source: SOURCE, podTemplate: seedTemplate } }, props), 'seed'));
    expect(alone.nodeSelector).toEqual({ pool: 'batch' });
    expect(alone.volumes).toBeUndefined();
  });

  test('pulls with the Superset image\'s secrets and the seed image\'s', () => {
    const props = { image: { tag: '6.1.0', pullSecrets: [{ name: 'registry' }, { name: 'hub' }] } };
    const seed = { source: SOURCE, image: { pullSecrets: [{ name: 'hub' }] } };
    expect(podOf(jobOf(seeded({ seed }, props), 'seed')).imagePullSecrets).toEqual([{ name: 'registry' }, { name: 'hub' }]);
    const alone = seeded({ seed, migrate: { disabled: true }, init: { disabled: true } }, props);
    expect(podOf(jobOf(alone, 'seed')).imagePullSecrets).toEqual([{ name: 'hub' }]);
  });

  test('an attempt may take the sum of the tasks\' timeouts, and the seed\'s maxRetries attempts are made', () => {
    const job = jobOf(seeded({ seed: { source: SOURCE, timeout: '10m', maxRetries: 2 }, migrate: { timeout: '20m' }, rotate: {} }), 'seed');
    expect(job.spec.backoffLimit).toBe(1);
    expect(podOf(job).activeDeadlineSeconds).toBe(600 + 1200 + 300 + 300);
    expect(podOf(jobOf(seeded({ init: { timeout: '0' } }), 'seed')).activeDeadlineSeconds).toBeUndefined();
  });

  test('with migrate, rotate and init disabled, the pod only seeds, as the operator\'s seed Job does', () => {
    const manifests = seeded({ migrate: { disabled: true }, init: { disabled: true } });
    const pod = podOf(jobOf(manifests, 'seed'));
    expect(pod.containers.map((c: any) => c.name)).toEqual(['seed']);
    expect(pod.initContainers).toBeUndefined();
    expect(pod.volumes).toBeUndefined();
    expect(pod.imagePullSecrets).toBeUndefined();
    expect(pod.activeDeadlineSeconds).toBe(300);
    expect(manifests.some((m) => m.kind === 'ConfigMap')).toBe(false);
  });

  test('with migrate disabled, init still runs after the seed', () => {
    const pod = podOf(jobOf(seeded({ migrate: { disabled: true } }), 'seed'));
    expect([...initContainerNames(pod), ...pod.containers.map((c: any) => c.name)]).toEqual(['seed', 'init']);
  });

  test('uses the MySQL tools for a MySQL source, and seed.image over them', () => {
    const mysql = { metastore: { ...METASTORE, type: 'MySQL' as const } };
    const seed = (image?: object) => named(podOf(jobOf(seeded({ seed: { source: { ...SOURCE, type: 'MySQL' }, image } }, mysql), 'seed')), 'seed');
    expect(seed().image).toBe('mysql:8.4.6');
    expect(seed().command[2]).toContain('mysqldump');
    expect(envOf(seed()).SUPERSET_OPERATOR__SEED_SRC_PORT).toBe('3306');
    expect(seed({ tag: '8.0.40', pullPolicy: 'Always' })).toMatchObject({ image: 'mysql:8.0.40', imagePullPolicy: 'Always' });
    expect(seed({ repository: 'percona/percona-server' }).image).toBe('percona/percona-server:8.4.6');
  });

  test('a cron schedule adds a CronJob that repeats the same Job, every task included, never two at once', () => {
    const manifests = seeded({ seed: { source: SOURCE, cronSchedule: '0 3 * * 1' } });
    const cron = find(manifests, 'CronJob', 'demo-seed');
    const job = jobOf(manifests, 'seed');
    expect(cron.spec).toMatchObject({ schedule: '0 3 * * 1', concurrencyPolicy: 'Forbid' });
    expect(cron.spec.jobTemplate.spec).toEqual(job.spec);
    expect(cron.spec.jobTemplate.spec.template.spec.containers[0].name).toBe('init');
    expect(cron.metadata.labels).toEqual(TASK_LABELS('seed'));
  });

  test('a seed command is taken verbatim', () => {
    expect(named(podOf(jobOf(seeded({ seed: { source: SOURCE, command: ['/scripts/seed.sh'] } }), 'seed')), 'seed').command).toEqual(['/scripts/seed.sh']);
  });

  test('is disabled by seed.disabled or lifecycle.disabled; the tasks then have their own Jobs again', () => {
    const disabled = seeded({ seed: { source: SOURCE, disabled: true } });
    expect(hasJob(disabled, 'seed')).toBe(false);
    expect(['migrate', 'init'].map((task) => hasJob(disabled, task))).toEqual([true, true]);
    expect(seeded({ disabled: true }).some((m) => m.kind === 'Job')).toBe(false);
  });

  test('exposes its Job and ConfigMap; the tasks it runs have none', () => {
    const instance = new SupersetInstance(Testing.chart(), 'demo', { ...BASE, ...staging, lifecycle: { seed: { source: SOURCE } } });
    expect(instance.lifecycle?.seedJob?.name).toMatch(/^demo-seed-/);
    expect(instance.lifecycle?.seedConfigMap?.name).toBe('demo-lifecycle-overlay');
    const { migrateJob, initJob, initConfigMap } = instance.lifecycle!;
    expect([migrateJob, initJob, initConfigMap]).toEqual([undefined, undefined, undefined]);
    expect(instance.model.lifecycle?.tasks.map((task) => [task.type, task.runs])).toEqual([['seed', ['seed', 'migrate', 'init']]]);
  });
});
