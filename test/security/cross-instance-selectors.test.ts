// No label selector of one instance selects an object of another instance in the same namespace, whatever their
// names: every selector `a` emits (workloads, Services, disruption budgets, NetworkPolicies and their peers,
// ServiceMonitors) is checked against the labels of every object, and every pod template, of its neighbours.
import { type Manifest, synth } from '../util';

type Labels = Record<string, string>;

const FULL = {
  namespace: 'bi',
  environment: 'Development' as const,
  devDependencies: {},
  webServer: { podDisruptionBudget: { minAvailable: 1 } },
  celeryWorker: {},
  celeryBeat: {},
  celeryFlower: {},
  mcpServer: {},
  lifecycle: {},
  monitoring: { serviceMonitor: {} },
  networkPolicy: { egress: 'Restricted' as const },
};

/** Every label selector in an object, with where it is. */
function selectorsOf(m: Manifest): [string, Labels][] {
  const found: [string, Labels][] = [];
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) {value.forEach((v, i) => walk(v, `${at}[${i}]`));} else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'matchLabels') found.push([`${at}.matchLabels`, child as Labels]);
        else if (key === 'selector' && m.kind === 'Service') found.push([`${at}.selector`, child as Labels]);
        else walk(child, `${at}.${key}`);
      }
    }
  };
  walk(m.spec, `${m.kind} ${m.metadata.name} spec`);
  return found;
}

/** The label sets of an object: its own and its pod template's (Deployments, Jobs, CronJobs). */
function labelSetsOf(m: Manifest): Labels[] {
  const spec = m.spec ?? {};
  const template = spec.template ?? spec.jobTemplate?.spec?.template;
  return [m.metadata.labels ?? {}, ...(template?.metadata?.labels ? [template.metadata.labels] : [])];
}

const selects = (selector: Labels, labels: Labels) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

test.each(['a-web-server', 'a-celery', 'a-celery-worker', 'a-postgres', 'a-web', 'a2', 'x-a'])('no selector of a selects an object of %s', (neighbour) => {
  const own = synth(FULL, 'a');
  const others = synth(FULL, neighbour);
  const selectors = own.flatMap(selectorsOf);
  expect(selectors.length).toBeGreaterThan(20);
  for (const [where, selector] of selectors) {
    // A namespaceSelector picks namespaces, not objects.
    if (where.endsWith('namespaceSelector.matchLabels')) continue;
    const hits = others.filter((m) => labelSetsOf(m).some((labels) => selects(selector, labels))).map((m) => `${m.kind} ${m.metadata.name}`);
    expect([where, hits]).toEqual([where, []]);
  }
});
