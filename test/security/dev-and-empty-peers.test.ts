// Which pods a NetworkPolicy set admits, by Kubernetes' rules (a pod no policy selects admits everything; a rule
// without `ports` covers every port, one without `from` every source), for the development dependencies and for
// empty peer lists.
import { find, type Manifest, synth } from '../util';
import { problemsOf, withMinimal } from '../validation/helpers';

type Labels = Record<string, string>;

const subset = (selector: Labels, labels: Labels) => Object.entries(selector).every(([k, v]) => labels[k] === v);

/** Whether the policies let a pod labelled `source` (same namespace) reach a pod labelled `target` on `port`. */
function admits(manifests: Manifest[], target: Labels, source: Labels, port: number): boolean {
  const policies = manifests.filter((m) => m.kind === 'NetworkPolicy' && subset(m.spec.podSelector.matchLabels ?? {}, target));
  if (policies.length === 0) return true;
  return policies.some((p) => (p.spec.ingress ?? []).some((rule: any) =>
    (rule.ports === undefined || rule.ports.some((q: any) => q.port === port))
    && (rule.from === undefined || rule.from.length === 0
      || rule.from.some((peer: any) => peer.podSelector && !peer.namespaceSelector && subset(peer.podSelector.matchLabels ?? {}, source)))));
}

const podLabels = (m: Manifest): Labels => m.spec.template.metadata.labels;

describe('development dependencies under networkPolicy', () => {
  const demo = synth({ environment: 'Development', devDependencies: {}, webServer: {}, celeryWorker: {}, networkPolicy: {} });
  const other = synth({ environment: 'Development', devDependencies: {}, webServer: {}, networkPolicy: {} }, 'demo-web');

  test.each([['postgres', 5432], ['valkey', 6379]])('%s admits only its own instance\'s pods, on its port', (dependency, port) => {
    const target = podLabels(find(demo, 'Deployment', `demo-${dependency}`));
    const own = podLabels(find(demo, 'Deployment', 'demo-web-server'));
    const neighbour = podLabels(find(other, 'Deployment', 'demo-web-web-server'));
    expect(admits(demo, target, own, port)).toBe(true);
    expect(admits(demo, target, own, 22)).toBe(false);
    expect(admits(demo, target, neighbour, port)).toBe(false);
    expect(admits(demo, target, {}, port)).toBe(false);
    const policy = find(demo, 'NetworkPolicy', `demo-${dependency}-netpol`);
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.egress).toEqual([]);
  });

  test('the lifecycle Jobs of the instance reach its development PostgreSQL', () => {
    const withJobs = synth({ environment: 'Development', devDependencies: {}, webServer: {}, networkPolicy: {}, lifecycle: {} });
    const job = withJobs.find((m) => m.kind === 'Job')!;
    const target = podLabels(find(withJobs, 'Deployment', 'demo-postgres'));
    expect(admits(withJobs, target, job.spec.template.metadata.labels, 5432)).toBe(true);
  });
});

describe('an empty peer list admits no one', () => {
  const stranger = { 'app.kubernetes.io/name': 'anything' };

  test('externalFrom: [] closes the serving port to everyone but the instance', () => {
    const manifests = synth({ webServer: {}, networkPolicy: { externalFrom: [] } });
    const web = podLabels(find(manifests, 'Deployment', 'demo-web-server'));
    expect(admits(manifests, web, stranger, 8088)).toBe(false);
    expect(admits(manifests, web, web, 8088)).toBe(true);
    expect(find(manifests, 'NetworkPolicy', 'demo-web-server-netpol').spec.ingress).toHaveLength(1);
  });

  test('metricsFrom: [] closes the metrics ports to everyone but the instance', () => {
    const manifests = synth({ webServer: {}, celeryWorker: {}, namespace: 'bi', monitoring: { serviceMonitor: {} }, networkPolicy: { metricsFrom: [] } });
    const worker = podLabels(find(manifests, 'Deployment', 'demo-celery-worker'));
    expect(admits(manifests, worker, stranger, 9102)).toBe(false);
    expect(admits(manifests, worker, worker, 9102)).toBe(true);
  });

  test('extraIngress from: [] and extraEgress to: [] are refused', () => {
    const networkPolicy = { extraIngress: [{ from: [] }], extraEgress: [{ to: [{ podSelector: {} }] }, { to: [] }] };
    const problems = problemsOf(withMinimal({ networkPolicy }));
    expect(problems).toEqual([
      'networkPolicy.extraIngress[0].from: an empty from list admits any peer in Kubernetes, so it is refused, got []; '
        + 'list the peers, or remove from to mean any peer',
      'networkPolicy.extraEgress[1].to: an empty to list admits any peer in Kubernetes, so it is refused, got []; '
        + 'list the peers, or remove to to mean any peer',
    ]);
  });
});
