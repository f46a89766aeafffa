import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { SupersetInstanceProps } from '../../src';
import { SYSTEM_PYTHON } from '../support/python';
import { importingSource, renderComponent } from '../support/rendered-instance';
import { run } from '../support/servers';
import { find, synth } from '../util';

/*
 * The LDAP and proxy settings as Python reads them: the rendered superset_config.py executed by /usr/bin/python3
 * (with fab_login_probe.py's stand-in for Flask-AppBuilder's constants), secrets from the pod's env.
 */

const PROBE = path.join(__dirname, '..', 'support', 'fab_login_probe.py');
const PASSWORD = 'bind-pw \'"\\{x}';
const SECRETS = { 'app-secret/secret-key': 'flask-key', 'superset-ldap/bind-password': PASSWORD };

function settings(spec: Partial<SupersetInstanceProps>, component = 'web-server'): Record<string, unknown> {
  const rendered = renderComponent('bi', 'demo', spec, component, SECRETS);
  const folder = mkdtempSync(path.join(tmpdir(), 'ldap-pythonpath-'));
  try {
    const out = run(SYSTEM_PYTHON, [PROBE, 'unused'], {
      env: { ...rendered.env, PYTHONDONTWRITEBYTECODE: '1' },
      input: JSON.stringify({ config: importingSource(folder, rendered.files), provider: null }),
    });
    return JSON.parse(out).settings;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const LDAP: Partial<SupersetInstanceProps> = {
  webServer: {},
  auth: {
    ldap: {
      serverUrl: 'ldaps://ldap.example.com',
      caFile: '/etc/ldap/ca.pem',
      bindDn: 'cn=superset,ou=services,dc=example,dc=com',
      bindPasswordFrom: { name: 'superset-ldap', key: 'bind-password' },
      searchBase: 'ou=people,dc=example,dc=com',
      searchFilter: '(memberOf=cn=bi,ou=groups,dc=example,dc=com)',
      uidField: 'sAMAccountName',
    },
    userRegistration: true,
    rolesMapping: { 'cn=bi-admins,ou=groups,dc=example,dc=com': ['Admin'] },
  },
};

describe('LDAP sign-in settings', () => {
  test('render what Flask-AppBuilder 5.0 reads, the bind password from env', () => {
    expect(settings(LDAP)).toEqual({
      AUTH_TYPE: 2,
      AUTH_LDAP_SERVER: 'ldaps://ldap.example.com',
      AUTH_LDAP_USE_TLS: false,
      AUTH_LDAP_TLS_DEMAND: true,
      AUTH_LDAP_TLS_CACERTFILE: '/etc/ldap/ca.pem',
      AUTH_LDAP_BIND_USER: 'cn=superset,ou=services,dc=example,dc=com',
      AUTH_LDAP_BIND_PASSWORD: PASSWORD,
      AUTH_LDAP_SEARCH: 'ou=people,dc=example,dc=com',
      AUTH_LDAP_SEARCH_FILTER: '(memberOf=cn=bi,ou=groups,dc=example,dc=com)',
      AUTH_LDAP_UID_FIELD: 'sAMAccountName',
      AUTH_LDAP_GROUP_FIELD: 'memberOf',
      AUTH_USER_REGISTRATION: true,
      AUTH_ROLES_MAPPING: { 'cn=bi-admins,ou=groups,dc=example,dc=com': ['Admin'] },
      AUTH_ROLES_SYNC_AT_LOGIN: false,
    });
  });

  test('group names, roles and DNs arrive in Python exactly as written', () => {
    const group = 'cn=Ünïcode \\"quoted\\",ou=groups,dc=example,dc=com\n{x}\'';
    const s = settings({
      webServer: {},
      auth: { ldap: { serverUrl: 'ldaps://ldap', searchBase: 'ou=p,dc=x', searchFilter: '(cn=a\\2a"{b}")' }, rolesMapping: { [group]: ['Role "1"', 'Rôle\\2'] } },
    });
    expect(s.AUTH_ROLES_MAPPING).toEqual({ [group]: ['Role "1"', 'Rôle\\2'] });
    expect(s.AUTH_LDAP_SEARCH_FILTER).toBe('(cn=a\\2a"{b}")');
  });

  test('StartTLS on ldap://, direct bind without a bind user', () => {
    const s = settings({ webServer: {}, auth: { ldap: { serverUrl: 'ldap://ldap.example.com:389', startTls: true } } });
    expect(s).toMatchObject({ AUTH_LDAP_SERVER: 'ldap://ldap.example.com:389', AUTH_LDAP_USE_TLS: true, AUTH_LDAP_TLS_DEMAND: true });
    expect(s).not.toHaveProperty('AUTH_LDAP_BIND_USER');
    expect(s).not.toHaveProperty('AUTH_LDAP_BIND_PASSWORD');
  });

  test('the password is only a secretKeyRef of the web server, in no ConfigMap', () => {
    const manifests = synth({ ...LDAP, celeryWorker: {} });
    expect(find(manifests, 'Deployment', 'demo-web-server').spec.template.spec.containers[0].env).toContainEqual({
      name: 'SUPERSET_OPERATOR__LDAP_BIND_PASSWORD', valueFrom: { secretKeyRef: { name: 'superset-ldap', key: 'bind-password' } },
    });
    for (const m of manifests.filter((x) => x.kind === 'ConfigMap')) expect(JSON.stringify(m)).not.toContain('bind-pw');
  });
});

describe('proxy settings', () => {
  const gateway = (hostnames?: string[]) => ({ gateway: { gatewayRef: { name: 'public' }, hostnames } });

  test('with a gateway: one trusted hop, https, secure cookies and the first host name for links', () => {
    expect(settings({ webServer: {}, networking: gateway(['bi.example.com', 'other.example.com']) })).toEqual({
      ENABLE_PROXY_FIX: true,
      PROXY_FIX_CONFIG: { x_for: 1, x_proto: 1, x_host: 1, x_port: 1, x_prefix: 1 },
      PREFERRED_URL_SCHEME: 'https',
      SESSION_COOKIE_SECURE: true,
      WEBDRIVER_BASEURL_USER_FRIENDLY: 'https://bi.example.com/',
    });
  });

  test('with an ingress, also in the worker and beat that build report links', () => {
    const spec = { webServer: {}, celeryWorker: {}, celeryBeat: {}, networking: { ingress: { hosts: [{ host: 'bi.example.com' }] } } };
    for (const component of ['celery-worker', 'celery-beat']) {
      expect(settings(spec, component)).toMatchObject({ ENABLE_PROXY_FIX: true, WEBDRIVER_BASEURL_USER_FRIENDLY: 'https://bi.example.com/' });
    }
    expect(settings({ webServer: {}, networking: { ingress: { host: 'one.example.com' } } }).WEBDRIVER_BASEURL_USER_FRIENDLY).toBe('https://one.example.com/');
  });

  test('no public URL from a wildcard or missing host name; none of it without routing', () => {
    expect(settings({ webServer: {}, networking: gateway(['*.example.com']) })).not.toHaveProperty('WEBDRIVER_BASEURL_USER_FRIENDLY');
    expect(settings({ webServer: {}, networking: gateway() })).toMatchObject({ ENABLE_PROXY_FIX: true });
    expect(settings({ webServer: {} })).toEqual({});
  });

  test('typed overrides: off behind a gateway, on without one, an explicit public URL', () => {
    expect(settings({ webServer: {}, networking: { ...gateway(['bi.example.com']), proxy: { enabled: false } } })).toEqual({});
    expect(settings({ webServer: {}, networking: { proxy: { enabled: true, publicUrl: 'https://lb.example.com/bi/' } } })).toMatchObject({
      ENABLE_PROXY_FIX: true, WEBDRIVER_BASEURL_USER_FRIENDLY: 'https://lb.example.com/bi/',
    });
  });
});
