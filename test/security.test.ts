import { restrictedViolations } from './support/pss';
import { find, mainContainer, synth } from './util';

const RESTRICTED_POD = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } };
/** What each container sets itself; runAsNonRoot and the seccomp profile come from the pod's context. */
const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
const ALL = { webServer: {}, celeryWorker: {}, celeryBeat: {}, celeryFlower: {}, mcpServer: {}, websocketServer: { image: { repository: 'ws' } } };

describe('secure by default', () => {
  test('every pod and container meets the restricted Pod Security Standard', () => {
    const deployments = synth({
      ...ALL,
      podTemplate: { sidecars: [{ name: 'proxy', image: 'envoy:1' }], initContainers: [{ name: 'wait', image: 'busybox:1' }] },
    }).filter((m) => m.kind === 'Deployment');
    expect(deployments).toHaveLength(6);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.securityContext).toEqual(RESTRICTED_POD);
      for (const container of [...pod.containers, ...pod.initContainers]) {
        expect(container.securityContext).toEqual(RESTRICTED_CONTAINER);
      }
      expect(restrictedViolations(pod)).toEqual([]);
    }
  });

  test('containers inherit the pod\'s non-root and seccomp settings, including the user\'s choice of them', () => {
    const localhost = { type: 'Localhost', localhostProfile: 'profiles/superset.json' };
    const deployment = find(synth({
      webServer: {},
      podTemplate: {
        podSecurityContext: { seccompProfile: localhost },
        sidecars: [{ name: 'proxy', image: 'envoy:1' }],
        initContainers: [{ name: 'wait', image: 'busybox:1' }],
      },
    }), 'Deployment', 'demo-web-server');
    const pod = deployment.spec.template.spec;
    expect(pod.securityContext.seccompProfile).toEqual(localhost);
    for (const container of [...pod.containers, ...pod.initContainers]) expect(container.securityContext).toEqual(RESTRICTED_CONTAINER);
    expect(restrictedViolations(pod)).toEqual([]);

    // The dev example's Flower runs as root: one pod-level choice reaches every container.
    const root = find(synth({ celeryFlower: { podTemplate: { podSecurityContext: { runAsNonRoot: false, runAsUser: 0 } } } }),
      'Deployment', 'demo-celery-flower').spec.template.spec;
    expect(root.containers[0].securityContext).toEqual(RESTRICTED_CONTAINER);
    expect(restrictedViolations(root)).toEqual([
      'pod: runAsUser 0', 'pod: runAsNonRoot false', 'container superset: runAsNonRoot is not true',
    ]);
  });

  test('no pod mounts a Kubernetes API token, nor does the ServiceAccount', () => {
    const manifests = synth(ALL);
    expect(manifests.filter((m) => m.kind === 'Deployment').every((d) => d.spec.template.spec.automountServiceAccountToken === false)).toBe(true);
    expect(find(manifests, 'ServiceAccount', 'demo').automountServiceAccountToken).toBe(false);
  });

  test('user settings win field by field and keep the rest of the hardening', () => {
    const deployment = find(synth({
      podTemplate: { podSecurityContext: { fsGroup: 2000, runAsUser: 1001 } },
      webServer: { podTemplate: { container: { securityContext: { readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } } } } },
    }), 'Deployment', 'demo-web-server');
    expect(deployment.spec.template.spec.securityContext).toEqual({ ...RESTRICTED_POD, fsGroup: 2000, runAsUser: 1001 });
    expect(mainContainer(deployment).securityContext).toEqual({
      ...RESTRICTED_CONTAINER, readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
    });
    expect(restrictedViolations(deployment.spec.template.spec)).toEqual([]);
  });
});

describe('ServiceAccount', () => {
  test('is named after the instance and carries the parent labels and user annotations', () => {
    const sa = find(synth({ serviceAccount: { annotations: { 'iam.gke.io/gcp-service-account': 'bi@p.iam.gserviceaccount.com' } } }), 'ServiceAccount', 'demo');
    expect(sa.metadata).toMatchObject({
      labels: { 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo' },
      annotations: { 'iam.gke.io/gcp-service-account': 'bi@p.iam.gserviceaccount.com' },
    });
  });

  test('a custom name is used by every pod', () => {
    const manifests = synth({ serviceAccount: { name: 'superset-sa' }, webServer: {} });
    expect(find(manifests, 'ServiceAccount', 'superset-sa')).toBeDefined();
    expect(find(manifests, 'Deployment', 'demo-web-server').spec.template.spec.serviceAccountName).toBe('superset-sa');
  });

  test('with create: false none is created and pods use the existing one', () => {
    const manifests = synth({ serviceAccount: { create: false, name: 'existing' }, webServer: {} });
    expect(manifests.some((m) => m.kind === 'ServiceAccount')).toBe(false);
    expect(find(manifests, 'Deployment', 'demo-web-server').spec.template.spec.serviceAccountName).toBe('existing');
  });
});
