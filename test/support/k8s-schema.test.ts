import { expectValidManifests, ModelsResult, unknownFields, validateWithModels } from './k8s-schema';

type Manifest = Record<string, any>;

const labels = { 'app.kubernetes.io/name': 'superset', 'app.kubernetes.io/component': 'web' };

function deployment(): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'analytics',
      labels,
      annotations: { 'checksum/config': 'abc123', 'example.com/Any_Key.here': 'x' },
    },
    spec: {
      replicas: 2,
      revisionHistoryLimit: 3,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels, annotations: { 'prometheus.io/scrape': 'true' } },
        spec: {
          serviceAccountName: 'superset',
          // JSON names that differ from the bindings' camelCase names (setHostnameAsFqdn, hostIpc).
          setHostnameAsFQDN: false,
          hostIPC: false,
          enableServiceLinks: false,
          nodeSelector: { 'kubernetes.io/os': 'linux', 'node.example.com/pool': 'general' },
          securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'superset', effect: 'NoSchedule' }],
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: labels } }],
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [{
                weight: 100,
                podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['superset'] }] } },
              }],
            },
          },
          initContainers: [{
            name: 'wait-for-db',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'until nc -z db 5432; do sleep 1; done'],
            // Native sidecar restart policy: alpha in 1.28, but the field exists.
            restartPolicy: 'Always',
          }],
          containers: [{
            name: 'superset',
            image: 'apache/superset:4.0.2',
            imagePullPolicy: 'IfNotPresent',
            args: ['run-server.sh'],
            ports: [{ name: 'http', containerPort: 8088, protocol: 'TCP' }],
            env: [
              { name: 'SUPERSET_PORT', value: '8088' },
              { name: 'DB_PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
              { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            ],
            envFrom: [{ configMapRef: { name: 'superset-env' } }],
            resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { 'memory': '2Gi', 'ephemeral-storage': '1Gi' } },
            resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
            livenessProbe: { httpGet: { path: '/health', port: 'http' }, initialDelaySeconds: 15, periodSeconds: 10 },
            readinessProbe: { httpGet: { path: '/health', port: 8088, httpHeaders: [{ name: 'Host', value: 'x' }] }, failureThreshold: 3 },
            startupProbe: { tcpSocket: { port: 8088 }, failureThreshold: 30 },
            lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
            volumeMounts: [{ name: 'config', mountPath: '/app/pythonpath', readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
          }],
          volumes: [
            { name: 'config', configMap: { name: 'superset-config', items: [{ key: 'superset_config.py', path: 'superset_config.py' }] } },
            { name: 'tmp', emptyDir: { sizeLimit: '1Gi' } },
            { name: 'secret', secret: { secretName: 'superset', defaultMode: 0o440 } },
          ],
        },
      },
    },
  };
}

function validManifests(): Manifest[] {
  return [
    deployment(),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', labels },
      spec: { type: 'ClusterIP', selector: labels, ports: [{ name: 'http', port: 8088, targetPort: 'http', protocol: 'TCP' }] },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'superset-config' },
      // Arbitrary keys, including ones that collide with binding or helper names.
      data: { 'superset_config.py': 'ROW_LIMIT = 5000\n', 'a-b': '1', 'A_B': '2', 'value': 'v', 'map': 'm', 'equals': 'e', '$ref': 'r' },
      binaryData: { 'logo.png': 'iVBORw0KGgo=' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'superset' },
      type: 'Opaque',
      stringData: { 'SECRET_KEY': 'x', 'db-uri': 'postgresql://u:p@db/superset' },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'superset' },
      automountServiceAccountToken: false,
      imagePullSecrets: [{ name: 'registry' }],
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '10Gi' } } },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1500Mi' } } },
        ],
        behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web' },
      spec: { maxUnavailable: '50%', selector: { matchLabels: labels } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'web' },
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{
          from: [
            { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } }, namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['ingress'] }] } },
            { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
          ],
          ports: [{ protocol: 'TCP', port: 8088 }, { port: 'http' }],
        }],
        egress: [{ to: [{ podSelector: {} }], ports: [{ protocol: 'UDP', port: 53 }] }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '10m' } },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['superset.example.com'], secretName: 'superset-tls' }],
        rules: [{
          host: 'superset.example.com',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] },
        }],
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'init-db' },
      spec: {
        backoffLimit: 3,
        ttlSecondsAfterFinished: 600,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'init', image: 'apache/superset:4.0.2', command: ['superset', 'db', 'upgrade'] }] } },
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'cleanup' },
      spec: {
        schedule: '0 3 * * *',
        concurrencyPolicy: 'Forbid',
        jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36' }] } } } },
      },
    },
  ];
}

/** A deployment changed by `edit`, so each negative case differs from a valid manifest in one place only. */
function brokenDeployment(edit: (d: Manifest) => void): Manifest {
  const d = deployment();
  edit(d);
  return d;
}

const container = (d: Manifest): Manifest => d.spec.template.spec.containers[0];

// Manifests that Kubernetes 1.28 accepts the values of but whose keys it does not know.
const unknownFieldCases: Array<[string, Manifest, string[]]> = [
  [
    'HTTPRoute rule backend (not a Gateway API v1.2 field)',
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'web' },
      spec: { parentRefs: [{ name: 'gw' }], rules: [{ backend: { name: 'web' }, backendRefs: [{ name: 'web', port: 80 }] }] },
    },
    ['/spec/rules/0/backend'],
  ],
  [
    'ServiceMonitor endpoint intervall',
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'sm' },
      spec: { selector: { matchLabels: { a: 'b' } }, endpoints: [{ port: 'http', intervall: '30s' }] },
    },
    ['/spec/endpoints/0/intervall'],
  ],
  ['misspelt spec.replica', brokenDeployment(d => { d.spec.replica = d.spec.replicas; delete d.spec.replicas; }), ['/spec/replica']],
  ['container imagePullPolicyy', brokenDeployment(d => { container(d).imagePullPolicyy = 'Always'; }), ['/spec/template/spec/containers/0/imagePullPolicyy']],
  ['top-level sepc', brokenDeployment(d => { d.sepc = d.spec; delete d.spec; }), ['/sepc']],
  ['metadata.label', brokenDeployment(d => { d.metadata.label = { a: 'b' }; }), ['/metadata/label']],
  // Keys that camel-case to a known binding name are still unknown to the API server.
  ['snake_case image_pull_policy', brokenDeployment(d => { container(d).image_pull_policy = 'Always'; }), ['/spec/template/spec/containers/0/image_pull_policy']],
  ['binding name setHostnameAsFqdn', brokenDeployment(d => { d.spec.template.spec.setHostnameAsFqdn = true; }), ['/spec/template/spec/setHostnameAsFqdn']],
  // Fields added after 1.28: pod-level resources (1.32), lifecycle stopSignal (1.33), container restartPolicyRules (1.34).
  ['post-1.28 pod-level resources', brokenDeployment(d => { d.spec.template.spec.resources = { limits: { cpu: '1' } }; }), ['/spec/template/spec/resources']],
  ['post-1.28 lifecycle.stopSignal', brokenDeployment(d => { container(d).lifecycle.stopSignal = 'SIGTERM'; }), ['/spec/template/spec/containers/0/lifecycle/stopSignal']],
  [
    'post-1.28 restartPolicyRules',
    brokenDeployment(d => { container(d).restartPolicyRules = [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }]; }),
    ['/spec/template/spec/containers/0/restartPolicyRules'],
  ],
  [
    'NetworkPolicy podSelecter',
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec: { podSelecter: { matchLabels: labels }, podSelector: {} } },
    ['/spec/podSelecter'],
  ],
  [
    'Service port prot',
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, prot: 'TCP' }], selector: labels } },
    ['/spec/ports/0/prot'],
  ],
  [
    'Ingress v1beta1-style backend',
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { serviceName: 'web', servicePort: 80 } }] } }] },
    },
    ['/spec/rules/0/http/paths/0/backend/serviceName', '/spec/rules/0/http/paths/0/backend/servicePort'],
  ],
  ['Job backoffLimitt', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { backoffLimitt: 1, template: {} } }, ['/spec/backoffLimitt']],
];

// Manifests whose keys are all known but whose values are wrong.
const badValueCases: Array<[string, Manifest, string]> = [
  ['replicas as a string', brokenDeployment(d => { d.spec.replicas = '2'; }), '/spec/replicas must be integer'],
  ['missing selector', brokenDeployment(d => { delete d.spec.selector; }), '/spec must have required property selector'],
  [
    'imagePullPolicy: Sometimes',
    brokenDeployment(d => { container(d).imagePullPolicy = 'Sometimes'; }),
    '/spec/template/spec/containers/0/imagePullPolicy must be equal to one of the allowed values: Always, IfNotPresent, Never',
  ],
  ['container without name', brokenDeployment(d => { delete container(d).name; }), '/spec/template/spec/containers/0 must have required property name'],
  ['quantity cpu: lots', brokenDeployment(d => { container(d).resources.requests.cpu = 'lots'; }), '/spec/template/spec/containers/0/resources/requests/cpu must match format "quantity"'],
  [
    'Ingress pathType: Regex',
    { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' }, spec: { rules: [{ http: { paths: [{ pathType: 'Regex', backend: {} }] } }] } },
    '/spec/rules/0/http/paths/0/pathType must be equal to one of the allowed values',
  ],
  [
    'HPA without maxReplicas',
    { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' } } },
    '/spec must have required property maxReplicas',
  ],
  [
    'HTTPRoute backend port out of range',
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'web' },
      spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'web', port: 70000 }] }] },
    },
    'must be <= 65535',
  ],
  [
    'ServiceMonitor interval not a duration',
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'sm' },
      spec: { selector: {}, endpoints: [{ port: 'http', interval: 'thirty' }] },
    },
    'interval must match pattern',
  ],
];

const removedOrForeign: Manifest[] = [
  { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: 1, selector: { matchLabels: labels } } },
  { apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { maxReplicas: 2, scaleTargetRef: { kind: 'Deployment', name: 'web' } } },
  { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'web' }, spec: {} },
  { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'HTTPRoute', metadata: { name: 'web' }, spec: {} },
  { apiVersion: 'apps/v1', kind: 'DeploymentSpec' },
];

// One child process for every models check in this file.
let models: ModelsResult[];
const modelsInput = [
  ...validManifests(),
  ...unknownFieldCases.map(([, m]) => m),
  ...badValueCases.map(([, m]) => m),
  removedOrForeign[0],
];
const modelsFor = (m: Manifest): ModelsResult => models[modelsInput.indexOf(m)];
beforeAll(() => {
  models = validateWithModels(modelsInput);
});

describe('valid manifests', () => {
  test.each(validManifests().map(m => [`${m.kind} ${m.metadata.name}`, m]))('%s has no unknown fields', (_, m) => {
    expect(unknownFields(m)).toEqual([]);
  });

  test('all pass the models check', () => {
    const valid = modelsInput.slice(0, validManifests().length);
    expect(valid.map(modelsFor)).toEqual(valid.map(m => ({ name: m.metadata.name, kind: m.kind, errors: [] })));
  });

  test('expectValidManifests accepts them', () => {
    expect(() => expectValidManifests(validManifests())).not.toThrow();
  });

  test('frozen input is checked as it is', () => {
    const deepFreeze = (v: any): any => {
      if (v !== null && typeof v === 'object') Object.values(Object.freeze(v)).forEach(deepFreeze);
      return v;
    };
    // Clones, because the fixtures share the `labels` object.
    expect(unknownFields(deepFreeze(structuredClone(deployment())))).toEqual([]);
    expect(unknownFields(deepFreeze(structuredClone(brokenDeployment(d => { d.spec.replica = 1; }))))).toEqual(['/spec/replica']);
  });
});

describe('unknownFields', () => {
  test.each(unknownFieldCases)('reports %s', (_, manifest, paths) => {
    expect(unknownFields(manifest)).toEqual(paths);
  });

  test('a key added to any object of the valid manifests is reported, except in maps with arbitrary keys', () => {
    const accepted: string[] = [];
    let reported = 0;
    for (const manifest of validManifests()) {
      const visit = (node: unknown, at: string): void => {
        if (node === null || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${at}/${i}`));
        const object = node as Record<string, unknown>;
        for (const [key, value] of Object.entries(object)) visit(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        object.zzUnknown = 1;
        if (unknownFields(manifest).includes(`${at}/zzUnknown`)) reported++;
        else accepted.push(`${manifest.kind}${at}`);
        delete object.zzUnknown;
      };
      visit(manifest, '');
    }
    expect(accepted).toEqual([
      'Deployment/metadata/labels',
      'Deployment/metadata/annotations',
      'Deployment/spec/selector/matchLabels',
      'Deployment/spec/template/metadata/labels',
      'Deployment/spec/template/metadata/annotations',
      'Deployment/spec/template/spec/nodeSelector',
      'Deployment/spec/template/spec/topologySpreadConstraints/0/labelSelector/matchLabels',
      'Deployment/spec/template/spec/containers/0/resources/requests',
      'Deployment/spec/template/spec/containers/0/resources/limits',
      'Service/metadata/labels',
      'Service/spec/selector',
      'ConfigMap/data',
      'ConfigMap/binaryData',
      'Secret/stringData',
      'PersistentVolumeClaim/spec/resources/requests',
      'PodDisruptionBudget/spec/selector/matchLabels',
      'NetworkPolicy/spec/podSelector/matchLabels',
      'NetworkPolicy/spec/ingress/0/from/0/podSelector/matchLabels',
      'Ingress/metadata/annotations',
    ]);
    expect(reported).toBe(128);
  });

  test('the models check alone lets these through (why both checks exist)', () => {
    for (const [, manifest] of unknownFieldCases) {
      expect(modelsFor(manifest)).toEqual(expect.objectContaining({ errors: [] }));
    }
  });

  test.each(removedOrForeign.map(m => [`${m.apiVersion} ${m.kind}`, m]))('throws for %s, which 1.28 does not serve', (_, m) => {
    expect(() => unknownFields(m)).toThrow(`have no type for apiVersion ${m.apiVersion}, kind ${m.kind}`);
  });

  test('the models check accepts the removed policy/v1beta1 PDB', () => {
    expect(modelsFor(removedOrForeign[0]).errors).toEqual([]);
  });

  test('wrong value shapes are left to the models check instead of throwing', () => {
    const wrongShapes = brokenDeployment(d => {
      container(d).command = 'run.sh';
      d.spec.template.spec.volumes = { name: 'x' };
      d.spec.selector = 'app=web';
      container(d).ports[0].containerPort = { value: 1 };
      d.metadata.creationTimestamp = null;
    });
    expect(unknownFields(wrongShapes)).toEqual([]);
  });
});

describe('validateWithModels', () => {
  test.each(badValueCases)('rejects %s', (_, manifest, error) => {
    const result = modelsFor(manifest);
    expect(result.kind).toBe(manifest.kind);
    expect(result.errors).toEqual(expect.arrayContaining([expect.stringContaining(error)]));
    expect(unknownFields(manifest)).toEqual([]);
  });

  test('returns nothing for no manifests without starting a process', () => {
    expect(validateWithModels([])).toEqual([]);
  });
});

describe('expectValidManifests', () => {
  test('lists every problem of every failing manifest', () => {
    const failing = [
      validManifests()[1],
      brokenDeployment(d => { d.spec.replica = 2; d.spec.replicas = '2'; }),
      removedOrForeign[0],
    ];
    let message = '';
    try {
      expectValidManifests(failing);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe([
      '2 of 3 manifests are invalid:',
      'apps/v1 Deployment web',
      '  schema: /spec/replicas must be integer',
      '  unknown field: /spec/replica',
      'policy/v1beta1 PodDisruptionBudget web',
      '  unknown-field check: Kubernetes 1.28 and the imported CRDs have no type for apiVersion policy/v1beta1, kind PodDisruptionBudget',
    ].join('\n'));
  });
});
