import type { SupersetInstanceProps } from '../../src';
import { expectValidManifests } from '../support/k8s-schema';
import { find, synth, type Manifest } from '../util';
import { expectProblem, expectValid, problemsOf, withMinimal } from '../validation/helpers';

const STORE = { name: 'vault', kind: 'ClusterSecretStore' as const };
const ALL_VALUES = {
  storeRef: STORE,
  refreshInterval: '15m',
  secretKey: { key: 'superset/prod', property: 'secret-key' },
  previousSecretKey: { key: 'superset/prod', property: 'previous-secret-key', version: '3' },
  metastorePassword: { key: 'superset/db', property: 'password' },
  valkeyPassword: { key: 'superset/valkey' },
};
// Production props whose credentials all come from the store: none of the `*From` fields is set.
const PROPS: Partial<SupersetInstanceProps> = {
  secretKeyFrom: undefined,
  metastore: { host: 'pg', database: 'superset', username: 'superset' },
  valkey: { host: 'valkey' },
  webServer: {},
  celeryWorker: {},
  externalSecrets: ALL_VALUES,
};

const ES = 'demo-external-secrets';
const externalSecret = (manifests: Manifest[]) => find(manifests, 'ExternalSecret', ES);
const jobs = (manifests: Manifest[]) => manifests.filter((m) => m.kind === 'Job');
const hookJobs = (manifests: Manifest[]) => jobs(manifests).filter((j) => j.metadata.annotations?.['argocd.argoproj.io/hook']
  || j.metadata.annotations?.['helm.sh/hook']);

/** Every `secretKeyRef` of every pod template (Deployments and Jobs), with where it is used. */
function secretRefs(manifests: Manifest[]): { env: string; name: string; key: string }[] {
  return manifests.flatMap((m) => {
    const pod = m.spec?.template?.spec;
    if (!pod) return [];
    return [...(pod.initContainers ?? []), ...pod.containers].flatMap((c: any) => (c.env ?? [])
      .filter((e: any) => e.valueFrom?.secretKeyRef)
      .map((e: any) => ({ env: e.name, name: e.valueFrom.secretKeyRef.name, key: e.valueFrom.secretKeyRef.key })));
  });
}

describe('externalSecrets: off unless asked for', () => {
  test('renders no ExternalSecret by default', () => {
    expect(synth({ webServer: {} }).filter((m) => m.kind === 'ExternalSecret')).toEqual([]);
  });
});

describe('externalSecrets: the ExternalSecret and the references that read it', () => {
  const manifests = synth({ ...PROPS, lifecycle: {} });

  test('reads every value asked for from the store into one Secret named like it', () => {
    const es = externalSecret(manifests);
    expect(es.apiVersion).toBe('external-secrets.io/v1');
    expect(es.metadata.labels).toEqual({ 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo' });
    expect(es.spec).toEqual({
      secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
      refreshInterval: '15m',
      target: { name: ES, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: [
        { secretKey: 'secret-key', remoteRef: { key: 'superset/prod', property: 'secret-key' } },
        { secretKey: 'previous-secret-key', remoteRef: { key: 'superset/prod', property: 'previous-secret-key', version: '3' } },
        { secretKey: 'metastore-password', remoteRef: { key: 'superset/db', property: 'password' } },
        { secretKey: 'valkey-password', remoteRef: { key: 'superset/valkey' } },
      ],
    });
  });

  test('every pod reads the credentials from exactly the keys the ExternalSecret creates, and each key is read', () => {
    const created = externalSecret(manifests).spec.data.map((d: any) => d.secretKey);
    const refs = secretRefs(manifests);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.name).toBe(ES);
      expect(created).toContain(ref.key);
    }
    const byEnv = Object.fromEntries(refs.map((r) => [r.env, r.key]));
    expect(byEnv).toEqual({
      SUPERSET_OPERATOR__SECRET_KEY: 'secret-key',
      SUPERSET_OPERATOR__PREVIOUS_SECRET_KEY: 'previous-secret-key',
      SUPERSET_OPERATOR__DB_PASS: 'metastore-password',
      SUPERSET_OPERATOR__VALKEY_PASS: 'valkey-password',
    });
  });

  test('a complete metastore URI comes from the store as metastore.uriFrom; the default store kind and interval apply', () => {
    const out = synth({
      secretKeyFrom: undefined,
      webServer: {},
      externalSecrets: { storeRef: { name: 'aws' }, secretKey: { key: 'sk' }, metastoreUri: { key: 'db-uri' } },
    });
    const es = externalSecret(out);
    expect(es.spec.secretStoreRef).toEqual({ name: 'aws', kind: 'SecretStore' });
    expect(es.spec.refreshInterval).toBe('1h');
    const env = Object.fromEntries(secretRefs(out).map((r) => [r.env, `${r.name}/${r.key}`]));
    expect(env.SUPERSET_OPERATOR__DB_URI).toBe(`${ES}/metastore-uri`);
    expect(env.SUPERSET_OPERATOR__DB_PASS).toBeUndefined();
  });

  test('only the values asked for come from the store; the user\'s own references stay as written', () => {
    const out = synth({
      webServer: {},
      valkey: { host: 'v', passwordFrom: { name: 'mine', key: 'pw' } },
      externalSecrets: { storeRef: STORE, previousSecretKey: { key: 'old' } },
    });
    const env = Object.fromEntries(secretRefs(out).map((r) => [r.env, `${r.name}/${r.key}`]));
    expect(env).toEqual({
      SUPERSET_OPERATOR__SECRET_KEY: 'app-secret/secret-key',
      SUPERSET_OPERATOR__PREVIOUS_SECRET_KEY: `${ES}/previous-secret-key`,
      SUPERSET_OPERATOR__VALKEY_PASS: 'mine/pw',
    });
  });

  test('passes the unknown-field check of the binding generated from the External Secrets CRD, with everything else', () => {
    expectValidManifests(manifests);
  });

  test('adds no pod and changes no pod security setting (the restricted profile is unaffected)', () => {
    const security = (out: Manifest[]) => out.filter((m) => m.spec?.template?.spec).map((m) => ({
      kind: m.kind,
      pod: m.spec.template.spec.securityContext,
      containers: m.spec.template.spec.containers.map((c: any) => c.securityContext),
    }));
    const without = synth({
      secretKeyFrom: { name: 's', key: 'k' },
      previousSecretKeyFrom: { name: 's', key: 'p' },
      lifecycle: {},
      webServer: {},
      celeryWorker: {},
      metastore: { ...PROPS.metastore, passwordFrom: { name: 's', key: 'db' } },
      valkey: { host: 'valkey', passwordFrom: { name: 's', key: 'v' } },
    });
    expect(security(manifests)).toEqual(security(without));
  });
});

describe('externalSecrets: ordered before the lifecycle hooks', () => {
  test('Plain delivery: an ordinary object that owns its Secret', () => {
    const es = externalSecret(synth({ ...PROPS, lifecycle: {} }));
    expect(es.metadata.annotations).toBeUndefined();
    expect(es.spec.target.creationPolicy).toBe('Owner');
  });

  test('ArgoCD: a PreSync hook in a wave before every hook Job, so Argo CD waits for it to be Ready', () => {
    const out = synth({ ...PROPS, lifecycle: { delivery: 'ArgoCD', rotate: {} } });
    const es = externalSecret(out);
    expect(es.metadata.annotations).toEqual({
      'argocd.argoproj.io/hook': 'PreSync',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      'argocd.argoproj.io/sync-wave': '-1',
    });
    const hooks = out.filter((m) => m !== es && m.metadata.annotations?.['argocd.argoproj.io/hook']);
    expect(hookJobs(out).length).toBe(3);
    for (const hook of hooks) expect(Number(hook.metadata.annotations!['argocd.argoproj.io/sync-wave'])).toBeGreaterThan(-1);
    // Replaced on every sync: the Secret must outlive it, or pods starting meanwhile would not find it.
    expect(es.spec.target.creationPolicy).toBe('Orphan');
  });

  test('Helm: a pre-install/pre-upgrade hook weighted before every other hook', () => {
    const out = synth({ ...PROPS, lifecycle: { delivery: 'Helm' } });
    const es = externalSecret(out);
    expect(es.metadata.annotations).toEqual({
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-delete-policy': 'before-hook-creation',
      'helm.sh/hook-weight': '-1',
    });
    const hooks = out.filter((m) => m !== es && m.metadata.annotations?.['helm.sh/hook']);
    expect(hooks.length).toBeGreaterThan(0);
    for (const hook of hooks) expect(Number(hook.metadata.annotations!['helm.sh/hook-weight'])).toBeGreaterThan(-1);
    expect(es.spec.target.creationPolicy).toBe('Orphan');
  });

  test('hook delivery without lifecycle Jobs: nothing to order before, so an ordinary object', () => {
    const es = externalSecret(synth({ ...PROPS, lifecycle: { delivery: 'ArgoCD', disabled: true } }));
    expect(es.metadata.annotations).toBeUndefined();
    expect(es.spec.target.creationPolicy).toBe('Owner');
  });
});

describe('externalSecrets: validation', () => {
  const base = { image: { tag: '6.1.0' } };

  test('accepts the complete example, and needs no secretKeyFrom when the store gives the secret key', () => {
    expectValid({ ...base, metastore: { host: 'pg', database: 'd', username: 'u' }, valkey: { host: 'v' }, externalSecrets: ALL_VALUES });
  });

  test.each([
    ['secretKeyFrom', { secretKeyFrom: { name: 'a', key: 'b' } }],
    ['secretKey', { environment: 'Development', secretKey: 'inline' }],
    ['previousSecretKeyFrom', { previousSecretKeyFrom: { name: 'a', key: 'b' } }],
    ['metastore.passwordFrom', { metastore: { host: 'pg', passwordFrom: { name: 'a', key: 'b' } } }],
    ['valkey.passwordFrom', { valkey: { host: 'v', passwordFrom: { name: 'a', key: 'b' } } }],
  ])('refuses %s next to the value that fills it in', (path, extra) => {
    expectProblem({ ...base, metastore: { host: 'pg', database: 'd', username: 'u' }, valkey: { host: 'v' }, ...extra, externalSecrets: ALL_VALUES },
      path, 'must not be set with externalSecrets.', 'fills it in from the store', 'remove');
  });

  test('refuses metastore.uriFrom next to metastoreUri, and metastorePassword with metastoreUri', () => {
    const props = {
      ...base,
      metastore: { uriFrom: { name: 'a', key: 'b' } },
      externalSecrets: { storeRef: STORE, secretKey: { key: 's' }, metastoreUri: { key: 'u' }, metastorePassword: { key: 'p' } },
    };
    const problems = problemsOf(props).join('\n');
    expect(problems).toContain('metastore.uriFrom: must not be set with externalSecrets.metastoreUri');
    expect(problems).toContain('metastorePassword and metastoreUri are mutually exclusive');
  });

  test('refuses metastorePassword without structured metastore fields, and metastoreUri with them', () => {
    expectProblem({ ...base, externalSecrets: { storeRef: STORE, secretKey: { key: 's' }, metastorePassword: { key: 'p' } } },
      'externalSecrets.metastorePassword', 'at least metastore.host', 'externalSecrets.metastoreUri');
    expectProblem({
      ...base,
      metastore: { host: 'pg', database: 'd' },
      externalSecrets: { storeRef: STORE, secretKey: { key: 's' }, metastoreUri: { key: 'u' } },
    },
    'metastore', 'mutually exclusive with externalSecrets.metastoreUri', 'metastore.host, metastore.database');
  });

  test('refuses a Valkey password without valkey, and store passwords for devDependencies', () => {
    expectProblem({ ...base, externalSecrets: { storeRef: STORE, secretKey: { key: 's' }, valkeyPassword: { key: 'v' } } },
      'externalSecrets.valkeyPassword', 'needs valkey to be set');
    expectProblem({
      ...base,
      environment: 'Development',
      devDependencies: {},
      externalSecrets: { storeRef: STORE, secretKey: { key: 's' }, metastorePassword: { key: 'p' } },
    },
    'externalSecrets.metastorePassword', 'must not be set with devDependencies');
  });

  test('refuses an ExternalSecret that reads nothing (an empty list never means everything)', () => {
    expectProblem(withMinimal({ externalSecrets: { storeRef: STORE } }), 'externalSecrets', 'at least one value');
  });

  test('checks the store reference, the interval and the remote keys against the CRD\'s limits', () => {
    const problems = problemsOf(withMinimal({
      externalSecrets: {
        storeRef: { name: 'Not_A_Name', kind: 'Vault' }, refreshInterval: 'hourly', previousSecretKey: { key: '' },
      },
    })).join('\n');
    expect(problems).toContain('externalSecrets.storeRef.name');
    expect(problems).toContain('externalSecrets.storeRef.kind');
    expect(problems).toContain('externalSecrets.refreshInterval');
    expect(problems).toContain('externalSecrets.previousSecretKey.key');
    expectProblem(withMinimal({ externalSecrets: { previousSecretKey: { key: 'k' } } }), 'externalSecrets.storeRef');
  });
});

describe('externalSecrets: the sign-in secrets', () => {
  const OIDC = { issuerUrl: 'https://sso.example.com/realms/bi', clientId: 'superset' };
  const LDAP = { serverUrl: 'ldaps://ldap.example.com', bindDn: 'cn=superset,dc=example,dc=com', searchBase: 'dc=example,dc=com' };
  const env = (out: Manifest[]) => Object.fromEntries(secretRefs([find(out, 'Deployment', 'demo-web-server')])
    .map((r) => [r.env, `${r.name}/${r.key}`]));

  test('the OIDC client secret from the store reaches the web server, and the config reads it', () => {
    const out = synth({ webServer: {}, auth: { oidc: OIDC }, externalSecrets: { storeRef: STORE, oidcClientSecret: { key: 'bi/oidc', property: 'secret' } } });
    expect(externalSecret(out).spec.data).toEqual([{ secretKey: 'oidc-client-secret', remoteRef: { key: 'bi/oidc', property: 'secret' } }]);
    expect(env(out).SUPERSET_OPERATOR__OIDC_CLIENT_SECRET).toBe(`${ES}/oidc-client-secret`);
    expect(find(out, 'ConfigMap', 'demo-web-server-overlay').data['superset_config.py']).toContain('SUPERSET_OPERATOR__OIDC_CLIENT_SECRET');
  });

  test('the LDAP bind password from the store reaches the web server', () => {
    const out = synth({ webServer: {}, auth: { ldap: LDAP }, externalSecrets: { storeRef: STORE, ldapBindPassword: { key: 'bi/ldap' } } });
    expect(env(out).SUPERSET_OPERATOR__LDAP_BIND_PASSWORD).toBe(`${ES}/ldap-bind-password`);
  });

  test('satisfies the rules that need the secret outside Development; refuses the reference next to it and a secret for no sign-in', () => {
    expectValid(withMinimal({ webServer: {}, auth: { oidc: OIDC }, externalSecrets: { storeRef: STORE, oidcClientSecret: { key: 'k' } } }));
    expectValid(withMinimal({ webServer: {}, auth: { ldap: LDAP }, externalSecrets: { storeRef: STORE, ldapBindPassword: { key: 'k' } } }));
    expectProblem(withMinimal({
      webServer: {},
      auth: { oidc: { ...OIDC, clientSecretFrom: { name: 'a', key: 'b' } } },
      externalSecrets: { storeRef: STORE, oidcClientSecret: { key: 'k' } },
    }), 'auth.oidc.clientSecretFrom', 'must not be set with externalSecrets.oidcClientSecret');
    expectProblem(withMinimal({ externalSecrets: { storeRef: STORE, oidcClientSecret: { key: 'k' } } }),
      'externalSecrets.oidcClientSecret', 'needs auth.oidc');
    expectProblem(withMinimal({
      auth: { ldap: { serverUrl: LDAP.serverUrl } }, externalSecrets: { storeRef: STORE, ldapBindPassword: { key: 'k' } },
    }), 'externalSecrets.ldapBindPassword', 'needs auth.ldap.bindDn');
  });
});

describe('externalSecrets: the rules that need a secret accept one from the store', () => {
  test('lifecycle.rotate is satisfied by externalSecrets.previousSecretKey', () => {
    expectValid(withMinimal({ lifecycle: { rotate: {} }, externalSecrets: { storeRef: STORE, previousSecretKey: { key: 'old' } } }));
  });
});
