import { NAMESPACE, synthMonitored } from './fixture';
import { matchersOf } from './scope';
import { COMPONENT_TYPES, type ComponentType } from '../../src/base/component-types';
import type { MonitoringModel } from '../../src/base/model/monitoring';
import { ofOwnPods, ownedPods, podScope, selector } from '../../src/render/promql';
import { matcherAccepts, parsePromQL } from '../support/promql';
import { find } from '../util';

/**
 * The name Kubernetes gives a pod of Deployment `deployment`: the ReplicaSet is `<deployment>-<hash>`, and the
 * name generator keeps at most 58 characters of the prefix `<ReplicaSet>-` before its 5 random characters.
 */
function kubernetesPodName(deployment: string, hash: string, random = 'x2x4z'): string {
  return `${`${deployment}-${hash}-`.slice(0, 58)}${random}`;
}

/** A pod-template-hash of each possible length (1 to 10 characters). */
const HASHES = Array.from({ length: 10 }, (_, i) => '7d9f8c6b5c'.slice(0, i + 1));

/** A DNS label of `length` characters that looks like a real instance name. */
function instanceName(length: number): string {
  const name = 'superset-analytics-eu-west-production-reporting-team-'.repeat(2).slice(0, length);
  return name.endsWith('-') ? `${name.slice(0, -1)}x` : name;
}

/** The components an instance of this name may have: `<name>-<component>` fits 63 characters. */
function fitting(name: string): ComponentType[] {
  return COMPONENT_TYPES.filter((component) => `${name}-${component}`.length <= 63);
}

/** The labels of a series of a Deployment's pod, with the owner kube-state-metrics reports for the pod. */
function podOf(deployment: string, hash: string, random?: string): Record<string, string> {
  return { namespace: NAMESPACE, pod: kubernetesPodName(deployment, hash, random), owner_kind: 'ReplicaSet', owner_name: `${deployment}-${hash}` };
}

/** Whether a series of the pod `labels` passes the pod-scoped query of an instance: its selector and its owner join. */
function counts(expr: string, labels: Record<string, string>): boolean {
  const { errors, selectors } = parsePromQL(expr);
  expect(errors).toEqual([]);
  return matchersOf(selectors[0]).every((m) => matcherAccepts(m, labels));
}

const queryOf = (name: string, components = fitting(name)) => {
  const model = { instance: name, namespace: NAMESPACE, components } as Partial<MonitoringModel> as MonitoringModel;
  return ofOwnPods(selector('kube_pod_container_status_restarts_total', ...podScope(model)), model);
};

describe('the pods that count', () => {
  test('are every pod Kubernetes gives the Deployments, whose names it cut short or not, for every name length and hash length', () => {
    for (let length = 1; length <= 52; length++) {
      const name = instanceName(length);
      const query = queryOf(name);
      for (const component of fitting(name)) {
        for (const hash of HASHES) {
          const pod = podOf(`${name}-${component}`, hash);
          expect([pod, counts(query, pod)]).toEqual([pod, true]);
        }
      }
    }
  });

  test('are no pod of an instance whose name only starts or ends like this one, nor of other workloads named like it', () => {
    for (let length = 2; length <= 52; length++) {
      const name = instanceName(length);
      const query = queryOf(name);
      const neighbours = [name.slice(0, -1).replace(/-$/, 'y'), `${name.slice(0, -1)}2`, `${name}2`, `x-${name}`, `${name}-web`]
        .filter((other) => other !== name && other.length <= 63);
      for (const other of neighbours) {
        for (const component of fitting(other)) {
          for (const hash of HASHES) {
            const pod = podOf(`${other}-${component}`, hash);
            expect([name, pod, counts(query, pod)]).toEqual([name, pod, false]);
          }
        }
      }
      for (const component of fitting(name)) {
        const deployment = `${name}-${component}`;
        const strangers = [
          podOf(`${deployment}-proxy`, '7d9f8c6b5'),
          { ...podOf(deployment, '7d9f8c6b5', 'b5n7m'), owner_kind: 'StatefulSet', owner_name: deployment },
          { ...podOf(deployment, '7d9f8c6b5', 'b5n7m'), owner_kind: '<none>', owner_name: '<none>' },
          { namespace: NAMESPACE, pod: `${deployment}-x7k2p`, owner_kind: 'Job', owner_name: deployment },
        ];
        for (const pod of strangers) expect([name, pod, counts(query, pod)]).toEqual([name, pod, false]);
      }
    }
  });

  test('are chosen by their ReplicaSet owners: the instance\'s Deployments and one hyphen-free hash', () => {
    const model = { instance: 'demo', namespace: NAMESPACE, components: ['web-server', 'mcp-server'] } as Partial<MonitoringModel> as MonitoringModel;
    expect(ownedPods(model)).toBe('kube_pod_owner{namespace="analytics", owner_kind="ReplicaSet", owner_name=~"demo-(web-server|mcp-server)-[^-]+"}');
  });

  test('for alerts of a 48-character instance, include its pods, whose names Kubernetes cut short', () => {
    const name = instanceName(48);
    expect(name).toHaveLength(48);
    const manifests = synthMonitored({ name });
    const expr = find(manifests, 'PrometheusRule', name).spec.groups[0].rules[0].expr;
    const deployments = manifests.filter((m) => m.kind === 'Deployment').map((m) => m.metadata.name);
    expect(deployments).toEqual(['web-server', 'celery-worker', 'celery-beat', 'celery-flower'].map((c) => `${name}-${c}`));
    for (const deployment of deployments) {
      const pod = podOf(deployment, '7d9f8c6b5');
      expect(pod.pod).toHaveLength(63);
      expect([pod, counts(expr, pod)]).toEqual([pod, true]);
      const neighbour = podOf(deployment.replace(name, `${name.slice(0, -1)}2`), '7d9f8c6b5');
      expect([neighbour, counts(expr, neighbour)]).toEqual([neighbour, false]);
    }
    // The web server's pods are `<48 characters>-web-serve` and 5 random characters: no hash, no last hyphen.
    expect(kubernetesPodName(`${name}-web-server`, '7d9f8c6b5')).toBe(`${name}-web-servex2x4z`);
    expect(kubernetesPodName(`${name}-celery-beat`, '7d9f8c6b5')).toBe(`${name}-celery-bex2x4z`);
    // A shorter name loses the end of the hash and its hyphen: `<40 characters>-web-server-<6 of 9>` and the suffix.
    const shorter = instanceName(40);
    const pod = podOf(`${shorter}-web-server`, '7d9f8c6b5');
    expect(pod.pod).toBe(`${shorter}-web-server-7d9f8cx2x4z`);
    expect(counts(queryOf(shorter), pod)).toBe(true);
  });
});
