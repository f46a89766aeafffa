import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SupersetInstance, type SupersetComponent, type SupersetInstanceProps } from '../../src';
import { expectValidManifests } from '../support/k8s-schema';
import { BASE, find, type Manifest } from '../util';

// Every component, the lifecycle (migrate and init Jobs) and a scheduled seed, so that every kind of pod the
// library creates is in the chart a selector could wrongly match.
const METASTORE = { host: 'pg', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'pw' } };
const VALKEY = { host: 'valkey', passwordFrom: { name: 'vk', key: 'pw' } };
const ALL: Partial<SupersetInstanceProps> = {
  environment: 'Staging',
  metastore: METASTORE,
  valkey: VALKEY,
  webServer: { service: { port: 9000 } },
  celeryWorker: {},
  celeryBeat: {},
  celeryFlower: {},
  mcpServer: {},
  websocketServer: { image: { repository: 'ws', tag: '1' } },
};
const COMPONENTS = ['webServer', 'celeryWorker', 'celeryBeat', 'celeryFlower', 'mcpServer', 'websocketServer'] as const;

interface Scene {
  chart: Chart;
  demo: SupersetInstance;
  warehouse: kplus.Deployment;
}

/** Instance `demo` under test, a second instance `other` with the same components, and a cdk8s-plus warehouse. */
function scene(namespace: string | undefined, demoProps: Partial<SupersetInstanceProps> = {}): Scene {
  const chart = new Chart(Testing.app(), 'test', { namespace });
  const demo = new SupersetInstance(chart, 'demo', { ...BASE, ...ALL, lifecycle: {}, ...demoProps });
  new SupersetInstance(chart, 'other', { ...BASE, ...ALL, lifecycle: {} });
  const warehouse = new kplus.Deployment(chart, 'warehouse', {
    containers: [{ image: 'postgres:17', portNumber: 5432, securityContext: { user: 999, group: 999 } }],
  });
  return { chart, demo, warehouse };
}

type Labels = Record<string, string>;

/** Every pod template in the output, named `<kind>/<name>`, with its labels. */
function podTemplates(manifests: Manifest[]): Map<string, Labels> {
  const templates = new Map<string, Labels>();
  for (const m of manifests) {
    const template = m.kind === 'CronJob' ? m.spec.jobTemplate.spec.template : m.spec?.template;
    if (['Deployment', 'Job', 'CronJob'].includes(m.kind)) templates.set(`${m.kind}/${m.metadata.name}`, template.metadata.labels ?? {});
  }
  return templates;
}

/** The pod templates a label selector matches. */
function matched(manifests: Manifest[], selector: Labels): string[] {
  return [...podTemplates(manifests)].filter(([, labels]) => Object.entries(selector).every(([k, v]) => labels[k] === v))
    .map(([name]) => name).sort();
}

const policies = (manifests: Manifest[]) => manifests.filter((m) => m.kind === 'NetworkPolicy');
const policyOf = (manifests: Manifest[], name: RegExp) => {
  const found = policies(manifests).filter((p) => name.test(p.metadata.name));
  expect(found).toHaveLength(1);
  return found[0];
};

describe('a component as a cdk8s-plus peer: warehouse.connections.allowFrom(component)', () => {
  test.each(COMPONENTS)('%s: the emitted selectors are its Deployment selector and match exactly its pods', (field) => {
    const { chart, demo, warehouse } = scene('analytics');
    const component = demo[field] as SupersetComponent;
    warehouse.connections.allowFrom(component);
    const manifests = Testing.synth(chart);
    const deployment = find(manifests, 'Deployment', component.model.name);
    const selector = deployment.spec.selector.matchLabels;
    expect(matched(manifests, selector)).toEqual([`Deployment/${component.model.name}`]);

    // The warehouse admits the component's pods in the component's namespace, on the warehouse's port.
    const ingress = policyOf(manifests, /allowingress/);
    expect(ingress.metadata.namespace).toBe('analytics');
    expect(ingress.spec.podSelector).toEqual(find(manifests, 'Deployment', warehouseName(manifests)).spec.selector);
    expect(ingress.spec.ingress).toEqual([{
      from: [{ podSelector: { matchLabels: selector }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'analytics' } } }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    }]);
    // The component's pods may reach the warehouse: a policy in their namespace that selects exactly them.
    const egress = policyOf(manifests, /allowegress/);
    expect(egress.metadata.namespace).toBe('analytics');
    expect(egress.spec.podSelector).toEqual({ matchLabels: selector });
    expect(egress.spec.policyTypes).toEqual(['Egress']);
    expect(egress.spec.egress[0].to[0].podSelector).toEqual(ingress.spec.podSelector);
    expectValidManifests(policies(manifests));
  });

  test('the selector is the pod labels that name the component and the instance, and nothing the user can set', () => {
    const { chart, demo, warehouse } = scene('analytics', {
      // Reserved labels (superset.apache.org/) are refused by validation, so only ordinary user labels can be set.
      celeryWorker: { deploymentTemplate: { labels: { team: 'bi' } }, podTemplate: { labels: { team: 'bi', tier: 'batch' } } },
    });
    warehouse.connections.allowFrom(demo.celeryWorker!);
    const egress = policyOf(Testing.synth(chart), /allowegress/);
    expect(egress.spec.podSelector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'superset',
      'app.kubernetes.io/component': 'celery-worker',
      'app.kubernetes.io/instance': 'demo',
    });
  });

  test('the lifecycle selects exactly the pods of its Jobs and scheduled seed', () => {
    const seed = { source: METASTORE, cronSchedule: '0 3 * * *' };
    for (const lifecycle of [{}, { seed }]) {
      const { chart, demo, warehouse } = scene('analytics', { lifecycle });
      warehouse.connections.allowFrom(demo.lifecycle!);
      const manifests = Testing.synth(chart);
      const selector = policyOf(manifests, /allowegress/).spec.podSelector.matchLabels;
      const expected = manifests.filter((m) => ['Job', 'CronJob'].includes(m.kind) && m.metadata.labels?.['superset.apache.org/parent'] === 'demo')
        .map((m) => `${m.kind}/${m.metadata.name}`).sort();
      expect(expected.length).toBeGreaterThanOrEqual(2);
      expect(matched(manifests, selector)).toEqual(expected);
      // The same labels the library's own lifecycle NetworkPolicy selects by.
      expect(selector).toEqual({ 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo', 'app.kubernetes.io/component': 'init' });
    }
  });

  test('an instance in another namespace than the chart is selected in its own namespace', () => {
    const { chart, demo, warehouse } = scene('analytics', { namespace: 'bi' });
    warehouse.connections.allowFrom(demo.celeryWorker!);
    const manifests = Testing.synth(chart);
    const ingress = policyOf(manifests, /allowingress/);
    expect(ingress.metadata.namespace).toBe('analytics');
    expect(ingress.spec.ingress[0].from[0].namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'bi' } });
    expect(policyOf(manifests, /allowegress/).metadata.namespace).toBe('bi');
  });

  test('without any namespace the peer has no namespace selector (the policy\'s own namespace)', () => {
    const { chart, demo, warehouse } = scene(undefined);
    warehouse.connections.allowFrom(demo.celeryWorker!);
    const manifests = Testing.synth(chart);
    expect(policyOf(manifests, /allowingress/).spec.ingress[0].from).toEqual([{ podSelector: { matchLabels: demo.celeryWorker!.model.labels } }]);
    expect(policyOf(manifests, /allowegress/).metadata.namespace).toBeUndefined();
  });
});

describe('a component as the selector of a kplus.NetworkPolicy', () => {
  test('the Celery workers may reach the warehouse: the policy selects exactly the workers of this instance', () => {
    const { chart, demo, warehouse } = scene('analytics');
    new kplus.NetworkPolicy(chart, 'workers-to-warehouse', {
      selector: demo.celeryWorker!,
      egress: { rules: [{ peer: warehouse, ports: [kplus.NetworkPolicyPort.tcp(5432)] }] },
    });
    const manifests = Testing.synth(chart);
    const policy = policyOf(manifests, /workers-to-warehouse/);
    expect(policy.metadata.namespace).toBe('analytics');
    expect(matched(manifests, policy.spec.podSelector.matchLabels)).toEqual(['Deployment/demo-celery-worker']);
    expect(policy.spec.egress).toEqual([{
      to: [{
        podSelector: find(manifests, 'Deployment', warehouseName(manifests)).spec.selector,
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'analytics' } },
      }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    }]);
    expectValidManifests([policy]);
  });

  test('a component can be a peer of a rule on another component', () => {
    const { chart, demo } = scene('analytics');
    new kplus.NetworkPolicy(chart, 'web-from-ws', {
      selector: demo.webServer!,
      ingress: { rules: [{ peer: demo.websocketServer! }] },
    });
    const manifests = Testing.synth(chart);
    const policy = policyOf(manifests, /web-from-ws/);
    expect(matched(manifests, policy.spec.podSelector.matchLabels)).toEqual(['Deployment/demo-web-server']);
    expect(matched(manifests, policy.spec.ingress[0].from[0].podSelector.matchLabels)).toEqual(['Deployment/demo-websocket-server']);
  });

  test('a cdk8s-plus Service can select a component\'s pods', () => {
    const { chart, demo } = scene('analytics');
    const service = new kplus.Service(chart, 'web-internal', { ports: [{ port: 80, targetPort: 8088 }] });
    service.select(demo.webServer!);
    const manifests = Testing.synth(chart);
    const selector = manifests.find((m) => m.kind === 'Service' && /web-internal/.test(m.metadata.name))!.spec.selector;
    expect(matched(manifests, selector)).toEqual(['Deployment/demo-web-server']);
  });
});

describe('the web server as a backend of a cdk8s-plus Ingress', () => {
  test('routes to the library\'s Service on its http port, without a second Service', () => {
    const { chart, demo } = scene('analytics');
    const ingress = new kplus.Ingress(chart, 'public');
    ingress.addHostRule('bi.example.com', '/', demo.webServer!.toIngressBackend());
    const manifests = Testing.synth(chart);
    const rule = manifests.find((m) => m.kind === 'Ingress')!.spec.rules[0];
    const service = find(manifests, 'Service', 'demo-web-server');
    expect(rule.http.paths[0].backend).toEqual({ service: { name: 'demo-web-server', port: { number: 9000 } } });
    expect(service.spec.ports.find((p: { name: string }) => p.name === 'http').port).toBe(9000);
    expect(manifests.filter((m) => m.kind === 'Service' && m.metadata.name.startsWith('demo-web-server'))).toHaveLength(1);
    expectValidManifests(manifests.filter((m) => m.kind === 'Ingress'));
  });

  test('every component with a Service is a backend; one without says so', () => {
    const { demo } = scene('analytics');
    for (const [field, name, port] of [['celeryFlower', 'demo-celery-flower', 5555], ['mcpServer', 'demo-mcp-server', 8088]] as const) {
      const backend = (demo[field] as SupersetComponent).toIngressBackend() as unknown as { _toKube(): object };
      expect(backend._toKube()).toEqual({ service: { name, port: { number: port } } });
    }
    expect(() => demo.celeryBeat!.toIngressBackend())
      .toThrow("CeleryBeat 'test/demo/CeleryBeat': toIngressBackend(): the celery-beat component has no Service, so it cannot be an Ingress backend");
  });
});

function warehouseName(manifests: Manifest[]): string {
  return manifests.find((m) => m.kind === 'Deployment' && m.metadata.name.includes('warehouse'))!.metadata.name;
}

test('the library loads cdk8s-plus-28 only when an app uses it with cdk8s-plus', () => {
  // Loading it costs about as much as synthesizing an instance; apps without cdk8s-plus should not pay for it.
  const script = `
    const { App, Chart } = require('cdk8s');
    const { SupersetInstance } = require('./src');
    const loaded = () => Object.keys(require.cache).some((file) => file.includes('/node_modules/cdk8s-plus-28/'));
    const app = new App();
    const instance = new SupersetInstance(new Chart(app, 'c'), 'demo', ${JSON.stringify({ ...BASE, webServer: {} })});
    app.synthYaml();
    const before = loaded();
    instance.webServer.toPodSelectorConfig();
    console.log(JSON.stringify([before, loaded()]));`;
  const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8', cwd: path.join(__dirname, '../..') });
  expect(JSON.parse(out)).toEqual([false, true]);
});
