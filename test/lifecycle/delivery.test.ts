import { Testing } from 'cdk8s';
import { initContainerNames, jobOf, METASTORE, podOf, synthLifecycle, taskContainer } from './helpers';
import { SupersetInstance, type SupersetInstanceProps } from '../../src';
import { containerEnv, pythonPath } from '../support/pod';
import { runSupersetConfig } from '../support/python';
import { BASE, find, type Manifest } from '../util';

const ws = { image: { repository: 'ws', tag: '1' } };
const ALL = { webServer: {}, celeryWorker: {}, celeryBeat: {}, celeryFlower: {}, mcpServer: {}, websocketServer: ws };
const EVERY_TASK: Partial<SupersetInstanceProps> = {
  environment: 'Staging',
  metastore: METASTORE,
  previousSecretKeyFrom: { name: 'old', key: 'k' },
};
const SEED = { source: { host: 'prod', database: 'superset', username: 'r', passwordFrom: { name: 'p', key: 'k' } } };

function withDelivery(delivery: 'Plain' | 'ArgoCD' | 'Helm', lifecycle: object = {}, props: Partial<SupersetInstanceProps> = {}): Manifest[] {
  return synthLifecycle({ ...EVERY_TASK, ...ALL, ...props, lifecycle: { delivery, rotate: {}, ...lifecycle } });
}

const jobNames = (manifests: Manifest[]) => Object.fromEntries(manifests.filter((m) => m.kind === 'Job')
  .map((job) => [job.metadata.labels!['superset.apache.org/init-task'], job.metadata.name]));

describe('Plain delivery (the default)', () => {
  const manifests = withDelivery('Plain', {}, ALL);

  test('names every Job after a hash of its content, and adds no hook annotations', () => {
    const names = jobNames(manifests);
    for (const task of ['migrate', 'rotate', 'init']) expect(names[task]).toMatch(new RegExp(`^demo-${task}-[0-9a-f]{6}$`));
    expect(jobNames(withDelivery('Plain', { seed: SEED })).seed).toMatch(/^demo-seed-[0-9a-f]{6}$/);
    for (const m of manifests) {
      const keys = Object.keys(m.metadata.annotations ?? {});
      expect(keys.filter((k) => k.startsWith('argocd.argoproj.io/') || k.startsWith('helm.sh/'))).toEqual([]);
    }
    expect(find(synthLifecycle(), 'Job', jobNames(synthLifecycle()).migrate)).toBeDefined();
  });

  test.each(['web-server', 'celery-worker', 'celery-beat', 'celery-flower', 'mcp-server'])(
    '%s pods wait for migrations in a copy of their main container', (component) => {
      const pod = find(manifests, 'Deployment', `demo-${component}`).spec.template.spec;
      const main = pod.containers[0];
      const wait = pod.initContainers.find((c: any) => c.name === 'wait-for-migrations');
      expect(wait).toBeDefined();
      // Every variable too, the gunicorn settings included: the user's config, which the wait loads, may read them.
      for (const field of ['image', 'imagePullPolicy', 'env', 'envFrom', 'volumeMounts', 'resources', 'securityContext']) {
        expect(wait[field]).toEqual(main[field]);
      }
      // The program is a file of the pod's PYTHONPATH, shared by the instance's pods.
      expect(wait.command).toEqual(['python', '/app/pythonpath/wait_for_migrations.py']);
      expect(pythonPath(manifests, find(manifests, 'Deployment', `demo-${component}`))['wait_for_migrations.py'])
        .toContain('SELECT version_num FROM alembic_version');
      expect(find(manifests, 'ConfigMap', 'demo-shared-config').data['wait_for_migrations.py']).toContain('SELECT version_num FROM alembic_version');
      for (const field of ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'args']) expect(wait[field]).toBeUndefined();
    },
  );

  test('the websocket server, which is not Superset, does not wait', () => {
    expect(find(manifests, 'Deployment', 'demo-websocket-server').spec.template.spec.initContainers).toBeUndefined();
  });

  test('rotate and init wait for migrations; migrate does not, nor the seed, whose pod migrates before the rest', () => {
    expect(initContainerNames(podOf(jobOf(manifests, 'rotate')))).toEqual(['wait-for-migrations']);
    expect(initContainerNames(podOf(jobOf(manifests, 'init')))).toEqual(['wait-for-migrations']);
    expect(initContainerNames(podOf(jobOf(manifests, 'migrate')))).toEqual([]);
    expect(initContainerNames(podOf(jobOf(withDelivery('Plain', { seed: SEED }), 'seed')))).toEqual(['seed', 'migrate', 'rotate']);
  });

  test('the instance\'s ServiceAccount is the Jobs\' too, and no hook', () => {
    expect(manifests.filter((m) => m.kind === 'ServiceAccount').map((m) => m.metadata.name)).toEqual(['demo']);
    expect(find(manifests, 'ServiceAccount', 'demo').metadata.annotations).toBeUndefined();
    for (const task of ['migrate', 'rotate', 'init']) expect(podOf(jobOf(manifests, task)).serviceAccountName).toBe('demo');
  });

  test('the wait sources the component\'s bootstrap script, which may install the database driver', () => {
    const boot = synthLifecycle({ bootstrapScript: 'echo top', webServer: { bootstrapScript: 'echo web' }, celeryWorker: {} });
    const wait = (component: string) => find(boot, 'Deployment', `demo-${component}`).spec.template.spec.initContainers[0].command;
    expect(wait('web-server')).toEqual(['/bin/sh', '-c', '. \'/app/pythonpath/superset_bootstrap.sh\'; exec \'python\' \'/app/pythonpath/wait_for_migrations.py\'']);
    expect(pythonPath(boot, find(boot, 'Deployment', 'demo-web-server'))['superset_bootstrap.sh']).toBe('echo web');
    expect(find(boot, 'ConfigMap', 'demo-web-server-overlay').data['superset_bootstrap.sh']).toBe('echo web');
    expect(wait('celery-worker')[0]).toBe('/bin/sh');
  });

  test('the wait runs after the user\'s pod template is applied: its security context follows the main container\'s', () => {
    const pod = find(synthLifecycle({ webServer: { podTemplate: { container: { securityContext: { readOnlyRootFilesystem: true } } } } }),
      'Deployment', 'demo-web-server').spec.template.spec;
    expect(pod.initContainers[0].securityContext.readOnlyRootFilesystem).toBe(true);
  });

  test('nothing waits when this instance does not migrate', () => {
    for (const lifecycle of [{ disabled: true }, { migrate: { disabled: true } }]) {
      const m = synthLifecycle({ lifecycle, webServer: {} });
      expect(find(m, 'Deployment', 'demo-web-server').spec.template.spec.initContainers).toBeUndefined();
    }
    expect(initContainerNames(podOf(jobOf(synthLifecycle({ lifecycle: { migrate: { disabled: true } } }), 'init')))).toEqual([]);
  });
});

describe('the files and variables a task pod reads', () => {
  /** Test values of the Secrets EVERY_TASK references, keyed `<secret>/<key>`. */
  const SECRETS = { 'app-secret/secret-key': 's', 'old/k': 'o', 'db/pw': 'p w' };
  const props = { config: 'ROW_LIMIT = 5000' };
  const plain = withDelivery('Plain', {}, props);
  const TASKS = ['migrate', 'rotate', 'init'];

  test('with Plain delivery a task reads the shared ConfigMaps, as the components do', () => {
    // The tasks run the same superset_config.py: one ConfigMap of the lifecycle holds it for all of them.
    expect(plain.filter((m) => m.kind === 'ConfigMap' && m.metadata.labels?.['app.kubernetes.io/component'] === 'init').map((m) => m.metadata.name))
      .toEqual(['demo-lifecycle-overlay']);
    for (const task of TASKS) {
      const job = jobOf(plain, task);
      expect(podOf(job).volumes).toEqual([{
        name: 'superset-config',
        projected: { sources: [{ configMap: { name: 'demo-shared-config' } }, { configMap: { name: 'demo-lifecycle-overlay' } }] },
      }]);
      expect(Object.keys(find(plain, 'ConfigMap', 'demo-lifecycle-overlay').data)).toEqual(['superset_config.py']);
      // One folder: a shared file of the same name would hide the task's own.
      expect(find(plain, 'ConfigMap', 'demo-shared-config').data['superset_config.py']).toBeUndefined();
      expect(Object.keys(pythonPath(plain, job)).sort()).toEqual(['superset_base.py', 'superset_config.py', 'superset_shared.py', 'wait_for_migrations.py']);
      for (const container of [...podOf(job).initContainers ?? [], ...podOf(job).containers]) {
        expect(container.envFrom).toEqual([{ configMapRef: { name: 'demo-shared-env' } }]);
      }
    }
  });

  // Hooks run before the instance's other objects exist, so they cannot read its shared ConfigMaps.
  test.each(['ArgoCD', 'Helm'] as const)('with %s delivery a task\'s own ConfigMap holds every file it reads and its env is inline', (delivery) => {
    const hooks = withDelivery(delivery, {}, props);
    for (const task of TASKS) {
      const job = jobOf(hooks, task);
      expect(podOf(job).volumes).toEqual([{ name: 'superset-config', configMap: { name: `demo-${task}-config` } }]);
      expect(Object.keys(find(hooks, 'ConfigMap', `demo-${task}-config`).data).sort()).toEqual(['superset_base.py', 'superset_config.py', 'superset_shared.py']);
      for (const container of [...podOf(job).initContainers ?? [], ...podOf(job).containers]) expect(container.envFrom).toBeUndefined();
      expect(JSON.stringify(job)).not.toContain('demo-shared-');
      // The pod reads the same files and variables as the Plain Job's, the schema-wait program aside: hooks do not wait.
      const { 'wait_for_migrations.py': program, ...plainFiles } = pythonPath(plain, jobOf(plain, task));
      expect(program).toBeDefined();
      expect(pythonPath(hooks, job)).toEqual(plainFiles);
      const env = containerEnv(hooks, taskContainer(job), 'bi', SECRETS);
      expect(env).toEqual(containerEnv(plain, taskContainer(jobOf(plain, task)), 'bi', SECRETS));
      // And a real Python loads the config from those files alone.
      const settings = runSupersetConfig(pythonPath(hooks, job), env);
      expect(settings).toMatchObject({ ROW_LIMIT: 5000, SQLALCHEMY_DATABASE_URI: 'postgresql+psycopg2://superset:p%20w@pg:5432/superset' });
    }
  });
});

describe('Plain Job names change exactly when the Job would', () => {
  const base: Partial<SupersetInstanceProps> = { ...EVERY_TASK, webServer: {}, lifecycle: { rotate: {} } };
  const names = (change: Partial<SupersetInstanceProps> = {}) => jobNames(synthLifecycle({ ...base, ...change }));
  const before = names();
  const changed = (change: Partial<SupersetInstanceProps>) => {
    const after = names(change);
    return Object.keys(before).filter((task) => before[task] !== after[task]).sort();
  };
  const lifecycle = (extra: object) => ({ lifecycle: { rotate: {}, ...extra } });

  test('the same props give the same names', () => {
    expect(names()).toEqual(before);
  });

  test.each<[string, Partial<SupersetInstanceProps>, string[]]>([
    ['a new image', { image: { tag: '6.1.1' } }, ['init', 'migrate', 'rotate']],
    ['lifecycle.config (the mounted file)', lifecycle({ config: 'X = 1' }), ['init', 'migrate', 'rotate']],
    ['the top-level config', { config: 'X = 1' }, ['init', 'migrate', 'rotate']],
    // What the tasks read from the instance's shared files and variables is theirs too.
    ['the feature flags (a shared file)', { featureFlags: { ALERT_REPORTS: true } }, ['init', 'migrate', 'rotate']],
    ['the metastore host (a shared variable)', { metastore: { ...METASTORE, host: 'pg2' } }, ['init', 'migrate', 'rotate']],
    ['a migrate trigger', lifecycle({ migrate: { trigger: 'again' } }), ['migrate']],
    ['an init trigger', lifecycle({ init: { trigger: 'again' } }), ['init']],
    ['the init command', lifecycle({ init: { command: ['superset', 'init'] } }), ['init']],
    ['a retry count', lifecycle({ rotate: { maxRetries: 5 } }), ['rotate']],
    // forceReload restarts the components; as with the operator, it does not re-run the tasks.
    ['forceReload', { forceReload: '2' }, []],
    ['a component\'s settings', { webServer: { replicas: 3, config: 'WEB = 1' } }, []],
    ['the delivery mode spelled out', lifecycle({ delivery: 'Plain' }), []],
  ])('%s: re-runs exactly the tasks whose Job changed', (_what, change, tasks) => {
    expect(changed(change)).toEqual(tasks);
  });
});

describe('with a seed, its Job is the only one, and it seeds again exactly when something it runs changes', () => {
  const base: Partial<SupersetInstanceProps> = { ...EVERY_TASK, webServer: {}, lifecycle: { seed: SEED, rotate: {} } };
  const name = (change: Partial<SupersetInstanceProps> = {}) => jobNames(synthLifecycle({ ...base, ...change })).seed;
  const lifecycle = (extra: object) => ({ lifecycle: { seed: SEED, rotate: {}, ...extra } });

  test.each<[string, Partial<SupersetInstanceProps>, boolean]>([
    ['nothing', {}, false],
    ['a seed trigger', lifecycle({ seed: { ...SEED, trigger: 'again' } }), true],
    ['the source', lifecycle({ seed: { ...SEED, excludeTables: ['logs'] } }), true],
    ['a new image', { image: { tag: '6.1.1' } }, true],
    // The tasks after the seed run in its pod, so re-running one of them runs the whole pod again.
    ['an init trigger', lifecycle({ init: { trigger: 'again' } }), true],
    ['lifecycle.config (the mounted file)', lifecycle({ config: 'X = 1' }), true],
    ['the feature flags (a shared file)', { featureFlags: { ALERT_REPORTS: true } }, true],
    ['the metastore host (a shared variable)', { metastore: { ...METASTORE, host: 'pg2' } }, true],
    ['forceReload', { forceReload: '2' }, false],
    ['a component\'s settings', { webServer: { replicas: 3, config: 'WEB = 1' } }, false],
  ])('%s: %s', (_what, change, renamed) => {
    expect(name(change) !== name()).toBe(renamed);
  });
});

describe('ArgoCD delivery', () => {
  const manifests = withDelivery('ArgoCD');
  const annotations = (task: string) => jobOf(manifests, task).metadata.annotations;

  test('migrate, rotate and init are PreSync hooks named as with the operator, in sync waves in task order', () => {
    expect(jobNames(manifests)).toMatchObject({ migrate: 'demo-migrate', rotate: 'demo-rotate', init: 'demo-init' });
    expect(['migrate', 'rotate', 'init'].map((task) => annotations(task))).toEqual(['1', '2', '3'].map((wave) => expect.objectContaining({
      'argocd.argoproj.io/hook': 'PreSync',
      'argocd.argoproj.io/sync-wave': wave,
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation,HookSucceeded',
    })));
  });

  test('their ConfigMaps and ServiceAccount are PreSync hooks before them, replaced on every sync', () => {
    const prerequisite = {
      'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/sync-wave': '0', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
    };
    for (const name of ['demo-migrate-config', 'demo-rotate-config', 'demo-init-config']) {
      expect(find(manifests, 'ConfigMap', name).metadata.annotations).toEqual(prerequisite);
    }
    expect(find(manifests, 'ServiceAccount', 'demo-lifecycle').metadata.annotations).toEqual(prerequisite);
  });

  test('components are ordinary resources and do not wait: the hooks ran before them', () => {
    for (const component of ['web-server', 'celery-worker']) {
      const deployment = find(manifests, 'Deployment', `demo-${component}`);
      expect(deployment.metadata.annotations).toBeUndefined();
      expect(deployment.spec.template.spec.initContainers).toBeUndefined();
    }
    expect(initContainerNames(podOf(jobOf(manifests, 'init')))).toEqual([]);
  });

  test.each([
    ['Retain', 'BeforeHookCreation'],
    ['RetainOnFailure', 'BeforeHookCreation,HookSucceeded'],
    ['Delete', 'BeforeHookCreation,HookSucceeded,HookFailed'],
  ] as const)('podRetention %s deletes hooks with %s', (policy, deletePolicy) => {
    const m = withDelivery('ArgoCD', { podRetention: { policy } });
    expect(jobOf(m, 'migrate').metadata.annotations!['argocd.argoproj.io/hook-delete-policy']).toBe(deletePolicy);
  });

  test('a ServiceAccount brought by the user is left alone, and the hooks run as it', () => {
    const m = withDelivery('ArgoCD', {}, { serviceAccount: { create: false, name: 'mine' } });
    expect(m.some((x) => x.kind === 'ServiceAccount')).toBe(false);
    for (const task of ['migrate', 'rotate', 'init']) expect(podOf(jobOf(m, task)).serviceAccountName).toBe('mine');
  });
});

describe.each(['ArgoCD', 'Helm'] as const)('%s delivery and the ServiceAccounts', (delivery) => {
  const annotations = { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/superset' };
  const manifests = withDelivery(delivery, {}, { serviceAccount: { annotations } });

  test('the instance\'s ServiceAccount is an ordinary object, never deleted and recreated under running pods', () => {
    const sa = find(manifests, 'ServiceAccount', 'demo');
    expect(sa.metadata.annotations).toEqual(annotations);
    expect(find(manifests, 'Deployment', 'demo-web-server').spec.template.spec.serviceAccountName).toBe('demo');
  });

  test('the Jobs run as a hook ServiceAccount of their own, with the same annotations and no API token', () => {
    const sa = find(manifests, 'ServiceAccount', 'demo-lifecycle');
    expect(sa.metadata.annotations).toMatchObject(annotations);
    expect(sa.metadata.labels).toEqual(find(manifests, 'ServiceAccount', 'demo').metadata.labels);
    expect(sa.automountServiceAccountToken).toBe(false);
    for (const task of ['migrate', 'rotate', 'init']) expect(podOf(jobOf(manifests, task)).serviceAccountName).toBe('demo-lifecycle');
    // Before the Jobs in the file, as in the sync.
    const order = manifests.map((m) => `${m.kind}/${m.metadata.name}`);
    expect(order.indexOf('ServiceAccount/demo-lifecycle')).toBeLessThan(order.indexOf('Job/demo-migrate'));
  });

  test('exposes the hook ServiceAccount', () => {
    const instance = new SupersetInstance(Testing.chart(), 'demo', { ...BASE, lifecycle: { delivery } });
    expect(instance.lifecycle?.serviceAccount?.name).toBe('demo-lifecycle');
    expect(instance.serviceAccount?.name).toBe('demo');
  });
});

test('with Plain delivery there is no lifecycle ServiceAccount', () => {
  const instance = new SupersetInstance(Testing.chart(), 'demo', { ...BASE, lifecycle: {} });
  expect(instance.lifecycle?.serviceAccount).toBeUndefined();
});

describe('Helm delivery', () => {
  const manifests = withDelivery('Helm');

  test('migrate, rotate and init are pre-install and pre-upgrade hooks weighted in task order', () => {
    expect(jobNames(manifests)).toMatchObject({ migrate: 'demo-migrate', rotate: 'demo-rotate', init: 'demo-init' });
    expect(['migrate', 'rotate', 'init'].map((task) => jobOf(manifests, task).metadata.annotations)).toEqual(['1', '2', '3'].map((weight) => expect.objectContaining({
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-weight': weight,
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    })));
  });

  test('their ConfigMaps and ServiceAccount are hooks of weight 0, kept after the run', () => {
    const prerequisite = { 'helm.sh/hook': 'pre-install,pre-upgrade', 'helm.sh/hook-weight': '0', 'helm.sh/hook-delete-policy': 'before-hook-creation' };
    expect(find(manifests, 'ConfigMap', 'demo-init-config').metadata.annotations).toEqual(prerequisite);
    expect(find(manifests, 'ServiceAccount', 'demo-lifecycle').metadata.annotations).toEqual(prerequisite);
  });

  test('podRetention Delete also deletes failed hooks', () => {
    const m = withDelivery('Helm', { podRetention: { policy: 'Delete' } });
    expect(jobOf(m, 'init').metadata.annotations!['helm.sh/hook-delete-policy']).toBe('before-hook-creation,hook-succeeded,hook-failed');
  });
});

test('with the longest instance name the operator allows, every Job name fits in 63 characters', () => {
  const name = 'a'.repeat(47);
  const seeded = synthLifecycle({ ...EVERY_TASK, name, lifecycle: { seed: { ...SEED, cronSchedule: '0 3 * * *' } } });
  const manifests = [...seeded, ...synthLifecycle({ ...EVERY_TASK, name, lifecycle: { rotate: {} } })];
  const names = manifests.filter((m) => m.kind === 'Job' || m.kind === 'CronJob').map((m) => m.metadata.name);
  expect(names).toHaveLength(5);
  for (const jobName of names) expect(jobName.length).toBeLessThanOrEqual(63);
  const migrate = synthLifecycle({ name: 'b'.repeat(48) }).find((m) => m.kind === 'Job')!.metadata.name;
  expect(migrate).toHaveLength(63);
});
