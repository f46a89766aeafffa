import fc from 'fast-check';

/*
 * Generators for the fuzz test: valid specs (components, templates at every level, the Kubernetes types they embed)
 * and mutations of them at any depth (wrong types, nulls, unknown keys, bad enum values, deleted fields).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const name = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/);
const quantity = fc.constantFrom('100m', '0.5', '1', '256Mi', '1Gi', '2', 1, 0.25, '1e3');
const resources = fc.record(
  { requests: fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity), limits: fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity) },
  { requiredKeys: [] },
);
const env = fc.oneof(
  fc.record({ name: envName, value: fc.string({ maxLength: 8 }) }),
  fc.record({ name: envName, valueFrom: fc.record({ secretKeyRef: fc.record({ name, key: name }) }) }),
);
const envFrom = fc.oneof(
  fc.record({ configMapRef: fc.record({ name }) }),
  fc.record({ secretRef: fc.record({ name }), prefix: fc.constantFrom('A_', 'B_') }),
);
const volume = fc.oneof(
  fc.record({ name, emptyDir: fc.record({ sizeLimit: quantity, medium: fc.constant('Memory') }, { requiredKeys: [] }) }),
  fc.record({ name, configMap: fc.record({ name, defaultMode: fc.constantFrom(0o444, 0o644) }, { requiredKeys: ['name'] }) }),
  fc.record({ name, secret: fc.record({ secretName: name, items: fc.array(fc.record({ key: name, path: name }), { maxLength: 2 }) }) }),
);
const volumeMount = fc.record({ name, mountPath: fc.constantFrom('/data', '/tmp/x', '/etc/extra'), readOnly: fc.boolean() },
  { requiredKeys: ['name', 'mountPath'] });
const probe = fc.oneof(
  fc.record({ httpGet: fc.record({ path: fc.constant('/health'), port: fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant('http')) }), periodSeconds: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ exec: fc.record({ command: fc.array(name, { minLength: 1, maxLength: 3 }) }), failureThreshold: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ tcpSocket: fc.record({ port: fc.integer({ min: 1, max: 65535 }) }) }),
);
const securityContext = fc.record({
  readOnlyRootFilesystem: fc.boolean(),
  runAsUser: fc.integer({ min: 1000, max: 2000 }),
  capabilities: fc.record({ drop: fc.constant(['ALL']) }),
  seccompProfile: fc.constantFrom({ type: 'RuntimeDefault' }, { type: 'Unconfined' }),
}, { requiredKeys: [] });
const container = fc.record({
  name,
  image: fc.constantFrom('envoy:1', 'busybox:1.36'),
  imagePullPolicy: fc.constantFrom('Always', 'IfNotPresent', 'Never'),
  args: fc.array(name, { maxLength: 2 }),
  env: fc.array(env, { maxLength: 2 }),
  resources,
  ports: fc.array(fc.record({ containerPort: fc.integer({ min: 1, max: 65535 }), protocol: fc.constantFrom('TCP', 'UDP') }), { maxLength: 1 }),
  securityContext,
}, { requiredKeys: ['name', 'image'] });
const toleration = fc.record({
  key: name, operator: fc.constantFrom('Equal', 'Exists'), effect: fc.constantFrom('NoSchedule', 'NoExecute', 'PreferNoSchedule'),
}, { requiredKeys: ['key'] });
const labelSelector = fc.record({ matchLabels: fc.dictionary(name, name, { maxKeys: 2 }) });
const affinity = fc.record({
  podAntiAffinity: fc.record({
    preferredDuringSchedulingIgnoredDuringExecution: fc.array(fc.record({
      weight: fc.integer({ min: 1, max: 100 }),
      podAffinityTerm: fc.record({ topologyKey: fc.constant('kubernetes.io/hostname'), labelSelector }),
    }), { maxLength: 2 }),
  }),
}, { requiredKeys: [] });
const topologySpread = fc.record({
  maxSkew: fc.integer({ min: 1, max: 3 }),
  topologyKey: fc.constant('topology.kubernetes.io/zone'),
  whenUnsatisfiable: fc.constantFrom('DoNotSchedule', 'ScheduleAnyway'),
  labelSelector,
});

const containerTemplate = fc.record({
  resources,
  env: fc.array(env, { maxLength: 3 }),
  envFrom: fc.array(envFrom, { maxLength: 2 }),
  volumeMounts: fc.array(volumeMount, { maxLength: 2 }),
  securityContext,
  livenessProbe: probe,
  readinessProbe: probe,
  lifecycle: fc.constant({ preStop: { exec: { command: ['sleep', '5'] } } }),
}, { requiredKeys: [] });

export const podTemplate = fc.record({
  labels: fc.dictionary(name, name, { maxKeys: 2 }),
  annotations: fc.dictionary(fc.constantFrom('example.com/a', 'b'), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
  affinity,
  tolerations: fc.array(toleration, { maxLength: 2 }),
  nodeSelector: fc.dictionary(name, name, { maxKeys: 1 }),
  topologySpreadConstraints: fc.array(topologySpread, { maxLength: 1 }),
  hostAliases: fc.array(fc.record({ ip: fc.constantFrom('10.0.0.1', '10.0.0.2'), hostnames: fc.array(name, { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
  podSecurityContext: fc.record({ fsGroup: fc.integer({ min: 1000, max: 3000 }), seccompProfile: fc.constantFrom({ type: 'RuntimeDefault' }, { type: 'Unconfined' }) }, { requiredKeys: [] }),
  volumes: fc.uniqueArray(volume, { maxLength: 2, selector: (v) => v.name }),
  sidecars: fc.uniqueArray(container, { maxLength: 2, selector: (c) => c.name }),
  initContainers: fc.uniqueArray(container, { maxLength: 1, selector: (c) => c.name }),
  terminationGracePeriodSeconds: fc.integer({ min: 0, max: 120 }),
  dnsPolicy: fc.constantFrom('ClusterFirst', 'Default'),
  dnsConfig: fc.constant({ options: [{ name: 'ndots', value: '2' }] }),
  container: containerTemplate,
}, { requiredKeys: [] });

const deploymentTemplate = fc.record({
  revisionHistoryLimit: fc.integer({ min: 0, max: 10 }),
  strategy: fc.constantFrom({ type: 'Recreate' }, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } }),
  labels: fc.dictionary(name, name, { maxKeys: 1 }),
}, { requiredKeys: [] });

const autoscaling = fc.record({
  maxReplicas: fc.integer({ min: 2, max: 10 }),
  metrics: fc.constant([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]),
});

const component = (extra: Record<string, fc.Arbitrary<unknown>> = {}) => fc.record<Record<string, unknown>>({
  podTemplate, deploymentTemplate, replicas: fc.integer({ min: 0, max: 3 }), ...extra,
}, { requiredKeys: [] });

const peer = fc.oneof(
  fc.record({ namespaceSelector: labelSelector }),
  fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom('10.0.0.0/8', '192.168.0.0/16') }) }),
);

/** A valid production spec: the required fields, then any of the components and settings. */
export const validSpec: fc.Arbitrary<Record<string, unknown>> = fc.record({
  podTemplate,
  deploymentTemplate,
  // replicas and autoscaling exclude each other.
  webServer: component({ autoscaling, podDisruptionBudget: fc.constant({ maxUnavailable: 1 }) })
    .map(({ replicas, ...rest }) => ('autoscaling' in rest ? rest : { replicas, ...rest })),
  celeryWorker: component(),
  celeryBeat: fc.record({ podTemplate }, { requiredKeys: [] }),
  networkPolicy: fc.record({
    externalFrom: fc.array(peer, { minLength: 1, maxLength: 2 }),
    extraEgress: fc.constant([{ ports: [{ port: 53, protocol: 'UDP' }] }]),
  }, { requiredKeys: [] }),
  celeryFlower: component(),
  mcpServer: component(),
  websocketServer: component({ configFrom: fc.constant({ name: 'ws', key: 'config.json' }) }).map((ws) => ({ ...ws, image: { repository: 'ws' } })),
  monitoring: fc.record({
    serviceMonitor: fc.record({ interval: fc.constantFrom('30s', '1m') }, { requiredKeys: [] }),
    statsdExporter: fc.record({ resources }, { requiredKeys: [] }),
  }),
  lifecycle: fc.record({
    podTemplate,
    podRetention: fc.record({ policy: fc.constantFrom('Delete', 'Retain', 'RetainOnFailure') }),
    migrate: fc.record({ timeout: fc.constantFrom('300s', '1h') }, { requiredKeys: [] }),
  }, { requiredKeys: [] }),
  serviceAccount: fc.record({ annotations: fc.constant({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/bi' }) }),
  environment: fc.constantFrom('Staging', 'Production'),
  featureFlags: fc.dictionary(fc.constantFrom('ALERT_REPORTS', 'THUMBNAILS'), fc.boolean()),
  valkey: fc.record({
    host: fc.constant('valkey'),
    port: fc.integer({ min: 1, max: 65535 }),
    passwordFrom: fc.constant({ name: 'valkey', key: 'password' }),
    cache: fc.record({ database: fc.integer({ min: 0, max: 15 }), defaultTimeout: fc.integer({ min: 1, max: 3600 }) }, { requiredKeys: [] }),
  }, { requiredKeys: ['host'] }),
  auth: fc.record({
    method: fc.oneof(
      fc.record({
        oidc: fc.record({
          issuerUrl: fc.constantFrom('https://sso.example.com/realms/bi', 'https://login.example.com:8443/tenant/v2.0/'),
          clientId: fc.constant('superset'),
          clientSecretFrom: fc.constant({ name: 'oidc', key: 'client-secret' }),
          scopes: fc.constant(['openid', 'email']),
          rolesClaim: fc.constantFrom('groups', 'roles'),
        }, { requiredKeys: ['issuerUrl', 'clientId', 'clientSecretFrom'] }),
      }),
      fc.record({
        ldap: fc.constantFrom(
          { serverUrl: 'ldaps://ldap.example.com', bindDn: 'cn=svc,dc=x', bindPasswordFrom: { name: 'ldap', key: 'pw' }, searchBase: 'dc=x' },
          { serverUrl: 'ldap://ldap.example.com', startTls: true, usernameFormat: 'uid=%s,ou=people,dc=x', searchBase: 'dc=x' },
        ),
      }),
    ),
    userRegistration: fc.boolean(),
    syncRolesAtLogin: fc.boolean(),
  }).map(({ method, ...rest }) => ({ ...method, ...rest, rolesMapping: { admins: ['Admin'] } })),
  networking: fc.record({
    ingress: fc.record({
      host: fc.constant('superset.example.com'),
      tls: fc.constant([{ hosts: ['superset.example.com'], secretName: 'superset-tls' }]),
    }),
  }),
}, { requiredKeys: [] }).map((spec) => ({
  image: { tag: '6.1.0' },
  secretKeyFrom: { name: 'app-secret', key: 'secret-key' },
  metastore: { host: 'db', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'password' } },
  valkey: { host: 'valkey' },
  // Monitoring names the namespace in its queries.
  namespace: 'analytics',
  ...spec,
  // The ingress routes to the web server.
  webServer: spec.webServer ?? {},
}));

/** Every place in `value` a mutation can hit: paths to objects' keys and lists' items. */
export function places(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...at, i], ...places(item, [...at, i])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[...at, key], ...places(item, [...at, key])]);
  }
  return [];
}

export type Mutation = 'null' | 'number' | 'fraction' | 'string' | 'boolean' | 'list' | 'object' | 'unknownKey' | 'delete' | 'badEnum';
const MUTATIONS: Mutation[] = ['null', 'number', 'fraction', 'string', 'boolean', 'list', 'object', 'unknownKey', 'delete', 'badEnum'];

function replacement(mutation: Mutation, old: unknown): unknown {
  switch (mutation) {
    case 'null': return null;
    case 'number': return 3;
    case 'fraction': return 1.5;
    case 'string': return 'abc';
    case 'boolean': return true;
    case 'list': return [old];
    case 'object': return { value: old };
    // A value of the right type that no enum holds.
    case 'badEnum': return typeof old === 'string' ? `${old}x` : 'NotAValue';
    default: return old;
  }
}

export function mutate(spec: Record<string, unknown>, path: (string | number)[], mutation: Mutation): Record<string, unknown> {
  // Through JSON, not structuredClone: that keeps shared sub-objects shared, and one edit would land in two places.
  const copy = JSON.parse(JSON.stringify(spec)) as Json;
  let parent: any = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const last = path[path.length - 1];
  const old = parent[last];
  if (mutation === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (mutation === 'unknownKey') {
    if (typeof old === 'object' && old !== null && !Array.isArray(old)) old.zzUnknown = 1;
    else parent[last] = { zzUnknown: old };
  } else {
    parent[last] = replacement(mutation, old);
  }
  return copy as Record<string, unknown>;
}

/** A valid spec with one to three mutations at random places. */
export const mutatedSpec: fc.Arbitrary<Record<string, unknown>> = validSpec.chain((spec) =>
  fc.array(fc.tuple(fc.nat(), fc.constantFrom(...MUTATIONS)), { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce((current, [index, mutation]) => {
      const all = places(current);
      return all.length === 0 ? current : mutate(current, all[index % all.length], mutation);
    }, spec)));

/** A valid spec and two places in it, neither inside the other, for mutations that must both be reported. */
export const specWithTwoPlaces = validSpec.chain((spec) => {
  const all = places(spec);
  return fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => ({ spec, first: all[a % all.length], second: all[b % all.length] }));
}).filter(({ first, second }) => !isPrefix(first, second) && !isPrefix(second, first));

function isPrefix(a: (string | number)[], b: (string | number)[]): boolean {
  return a.length <= b.length && a.every((key, i) => b[i] === key);
}
