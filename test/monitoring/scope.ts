import { NAMESPACE } from './fixture';
import { COMPONENT_TYPES } from '../../src/base/component-types';
import { TASK_TYPES } from '../../src/base/task-types';
import { type LabelMatcher, matcherAccepts, parsePromQL, type VectorSelector } from '../support/promql';

/**
 * The objects of several instances side by side: this one (`demo` in the test namespace), one of the same name in
 * another namespace, and neighbours whose names share a prefix or suffix with it or end like a task. Each has the
 * identity labels its series carry: namespace, pod (as a Deployment names pods), deployment and scraped service,
 * or for lifecycle Jobs, job_name (hooks, Jobs named after their content, Jobs of a scheduled seed).
 */
const NEIGHBOURS: readonly [string, string][] = [
  ['demo', 'staging'], ['demo-web', NAMESPACE], ['demo2', NAMESPACE], ['web', NAMESPACE], ['x-demo', NAMESPACE],
  ['demo-seed', NAMESPACE], ['demo-init', NAMESPACE],
];
function objectsOf(instance: string, namespace: string): Record<string, string>[] {
  const components = COMPONENT_TYPES.map((component) => ({
    namespace,
    pod: `${instance}-${component}-7d9f8c6b5-x2x4z`,
    deployment: `${instance}-${component}`,
    service: `${instance}-${component}`,
    owner_kind: 'ReplicaSet',
    owner_name: `${instance}-${component}-7d9f8c6b5`,
  }));
  // The pods of its lifecycle Jobs (owned by Jobs, so without a ReplicaSet owner).
  const jobPods = TASK_TYPES.flatMap((task) => [`${instance}-${task}-x7k2p`, `${instance}-${task}-1a2b3c-x7k2p`])
    .map((pod) => ({ namespace, pod, owner_kind: 'Job', owner_name: pod.replace(/-[^-]+$/, '') }));
  const jobs = TASK_TYPES.flatMap((task) => [`${instance}-${task}`, `${instance}-${task}-1a2b3c`])
    .concat(`${instance}-seed-28912345`)
    .map((job) => ({ namespace, job_name: job }));
  return [...components, ...jobPods, ...jobs];
}
const IDENTITY = new Set(['namespace', 'pod', 'deployment', 'service', 'job_name', 'owner_kind', 'owner_name']);

/**
 * The matchers a selector's series must pass: its own, and those of the selectors it is joined with on the pod
 * (`and on (namespace, pod) kube_pod_owner{...}`), which each object carries for its pod.
 */
export function matchersOf(selector: VectorSelector): LabelMatcher[] {
  const onPod = selector.joins.filter((join) => join.on.every((label) => label === 'namespace' || label === 'pod'));
  return [...selector.matchers, ...onPod.flatMap((join) => join.selector.matchers)];
}

/** Which objects a selector's identity matchers, with those of its joins, accept. */
function accepted(selector: VectorSelector, objects: Record<string, string>[]): Record<string, string>[] {
  const identity = matchersOf(selector).filter((m) => IDENTITY.has(m.label));
  return objects.filter((labels) => identity.every((m) => matcherAccepts(m, labels)));
}

/**
 * Asserts that every selector of `exprs` is valid PromQL scoped to this instance: it names the namespace, narrows
 * (itself or through a join on the pod) to the instance's pods, Deployments, Services or Jobs, accepts some of its
 * objects and none of its neighbours'.
 */
export function expectScopedToInstance(exprs: string[], known: Set<string>): void {
  const own = objectsOf('demo', NAMESPACE);
  const others = NEIGHBOURS.flatMap(([instance, namespace]) => objectsOf(instance, namespace));
  for (const expr of exprs) {
    const { errors, selectors } = parsePromQL(expr);
    expect({ expr, errors }).toEqual({ expr, errors: [] });
    expect(selectors.length).toBeGreaterThan(0);
    for (const selector of selectors) {
      const where = `${selector.metric} in ${expr}`;
      expect([where, known.has(selector.metric)]).toEqual([where, true]);
      expect([where, selector.matchers.some((m) => m.label === 'namespace' && m.op === '=' && m.value === NAMESPACE)]).toEqual([where, true]);
      expect([where, matchersOf(selector).some((m) => ['pod', 'deployment', 'service', 'job_name', 'owner_name'].includes(m.label))]).toEqual([where, true]);
      expect([where, accepted(selector, own).length > 0]).toEqual([where, true]);
      expect([where, accepted(selector, others)]).toEqual([where, []]);
    }
  }
}
