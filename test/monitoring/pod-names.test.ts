import { NAMESPACE, synthMonitored } from './fixture';
import { COMPONENT_TYPES, type ComponentType } from '../../src/base/component-types';
import type { MonitoringModel } from '../../src/base/model/monitoring';
import { podNamePattern } from '../../src/render/promql';
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

function accepts(pattern: string, pod: string): boolean {
  return matcherAccepts({ label: 'pod', op: '=~', value: pattern }, { pod });
}

const patternOf = (name: string, components = fitting(name)) =>
  podNamePattern({ instance: name, components } as Partial<MonitoringModel> as MonitoringModel);

describe('the pod name pattern', () => {
  test('matches every name Kubernetes gives the pods, shortened or not, for every name length and hash length', () => {
    for (let length = 1; length <= 52; length++) {
      const name = instanceName(length);
      const pattern = patternOf(name);
      for (const component of fitting(name)) {
        for (const hash of HASHES) {
          const pod = kubernetesPodName(`${name}-${component}`, hash);
          expect([pod, accepts(pattern, pod)]).toEqual([pod, true]);
        }
      }
    }
  });

  test('matches no pod of an instance whose name only starts or ends like this one', () => {
    for (let length = 2; length <= 52; length++) {
      const name = instanceName(length);
      const pattern = patternOf(name);
      const neighbours = [name.slice(0, -1).replace(/-$/, 'y'), `${name.slice(0, -1)}2`, `${name}2`, `x-${name}`, `${name}-web`]
        .filter((other) => other !== name && other.length <= 63);
      for (const other of neighbours) {
        for (const component of fitting(other)) {
          for (const hash of HASHES) {
            const pod = kubernetesPodName(`${other}-${component}`, hash);
            expect([name, pod, accepts(pattern, pod)]).toEqual([name, pod, false]);
          }
        }
      }
    }
  });

  test('a short name keeps the two hyphenated segments, with their lengths', () => {
    expect(patternOf('demo', ['web-server', 'mcp-server'])).toBe('demo-(web-server|mcp-server)-[b-df-hj-np-tv-xz24-9]{1,10}-[b-df-hj-np-tv-xz24-9]{5}');
  });

  test('alerts of a 48-character instance match its pods, whose names Kubernetes cut short', () => {
    const name = instanceName(48);
    expect(name).toHaveLength(48);
    const manifests = synthMonitored({ name });
    const expr = find(manifests, 'PrometheusRule', name).spec.groups[0].rules[0].expr;
    const { errors, selectors } = parsePromQL(expr);
    expect(errors).toEqual([]);
    const podMatcher = selectors[0].matchers.find((m) => m.label === 'pod')!;
    const deployments = manifests.filter((m) => m.kind === 'Deployment').map((m) => m.metadata.name);
    expect(deployments).toEqual(['web-server', 'celery-worker', 'celery-beat', 'celery-flower'].map((c) => `${name}-${c}`));
    for (const deployment of deployments) {
      const pod = kubernetesPodName(deployment, '7d9f8c6b5');
      expect(pod).toHaveLength(63);
      expect([pod, matcherAccepts(podMatcher, { namespace: NAMESPACE, pod })]).toEqual([pod, true]);
      const neighbour = kubernetesPodName(deployment.replace(name, `${name.slice(0, -1)}2`), '7d9f8c6b5');
      expect([neighbour, matcherAccepts(podMatcher, { namespace: NAMESPACE, pod: neighbour })]).toEqual([neighbour, false]);
    }
    // The web server's pods are `<48 characters>-web-serve` and 5 random characters: no hash, no last hyphen.
    expect(kubernetesPodName(`${name}-web-server`, '7d9f8c6b5')).toBe(`${name}-web-servex2x4z`);
    expect(kubernetesPodName(`${name}-celery-beat`, '7d9f8c6b5')).toBe(`${name}-celery-bex2x4z`);
    // A shorter name loses the end of the hash and its hyphen: `<40 characters>-web-server-<6 of 9>` and the suffix.
    const shorter = instanceName(40);
    const pod = kubernetesPodName(`${shorter}-web-server`, '7d9f8c6b5');
    expect(pod).toBe(`${shorter}-web-server-7d9f8cx2x4z`);
    expect(accepts(patternOf(shorter), pod)).toBe(true);
  });
});
