import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { SupersetInstanceProps } from '../../src';
import { containerEnv, pythonText } from '../support/pod';
import { SYSTEM_PYTHON } from '../support/python';
import { importingSource, renderComponent } from '../support/rendered-instance';
import { freePort, requireProgram, run, startProcess, waitUntil, type Started } from '../support/servers';
import { find, synth, type Manifest } from '../util';

/*
 * The rendered OIDC sign-in, run for real: the web server's superset_config.py is executed by /usr/bin/python3,
 * its OAUTH_PROVIDERS are registered with Debian's authlib Flask client (as Flask-AppBuilder 5.0.2 does), the
 * authorize redirect is built behind Werkzeug's ProxyFix, the code is exchanged at a local IdP (client secret from
 * the pod's env, checked by the IdP) and the rendered security manager turns the validated ID token into the user.
 * Flask-AppBuilder and Superset are not installable here: fab_login_probe.py stands in for their base class and
 * constants (see there).
 */

const IDP = path.join(__dirname, '..', 'support', 'oidc_idp.py');
const PROBE = path.join(__dirname, '..', 'support', 'fab_login_probe.py');
const SECRET = 'oidc-s3cret-$(whoami)"\'';
const SECRETS = { 'app-secret/secret-key': 'flask-key', 'superset-oidc/client-secret': SECRET };
const FORWARDED = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'bi.example.com', 'X-Forwarded-Port': '443', 'X-Forwarded-For': '203.0.113.9' };

let idp: Started;
let issuer: string;

beforeAll(async () => {
  requireProgram(SYSTEM_PYTHON, 'python3');
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}/realms/bi`;
  idp = startProcess(SYSTEM_PYTHON, [IDP, String(port), 'superset-bi', SECRET]);
  await waitUntil('the test IdP', () => idp.output().includes('listening'));
}, 30_000);

afterAll(async () => {
  await idp?.stop();
});

/** Development only because the local IdP speaks http; everything else is as in production. */
function props(oidc: object = {}, auth: object = {}): Partial<SupersetInstanceProps> {
  return {
    environment: 'Development',
    webServer: {},
    celeryWorker: {},
    networking: { gateway: { gatewayRef: { name: 'public', namespace: 'gateways' }, hostnames: ['bi.example.com'] } },
    auth: {
      oidc: { issuerUrl: issuer, clientId: 'superset-bi', clientSecretFrom: { name: 'superset-oidc', key: 'client-secret' }, ...oidc },
      userRegistration: true,
      registrationRole: 'Gamma',
      rolesMapping: { 'bi-admins': ['Admin'], 'bi-users': ['Gamma', 'sql_lab'] },
      syncRolesAtLogin: true,
      ...auth,
    },
  };
}

interface ProbeResult {
  client_class: string;
  is_oauth2_app: boolean;
  client_secret: string | null;
  settings: Record<string, unknown>;
  authorize_status: number;
  authorize_location: string;
  authorize_query: Record<string, string>;
  callback: {
    token_key_present: boolean;
    token: { redirect_uri_seen: string; pkce_seen: boolean };
    id_token_claims: boolean;
    user: Record<string, unknown>;
  };
}

function login(spec: Partial<SupersetInstanceProps>, claims: { id_token: object; userinfo?: object }, provider = 'oidc'): ProbeResult {
  const web = renderComponent('bi', 'demo', spec, 'web-server', SECRETS);
  const folder = mkdtempSync(path.join(tmpdir(), 'oidc-pythonpath-'));
  try {
    const out = run(SYSTEM_PYTHON, [PROBE, issuer.replace(/\/realms\/bi$/, '')], {
      env: { ...web.env, PYTHONDONTWRITEBYTECODE: '1' },
      input: JSON.stringify({ config: importingSource(folder, web.files), provider, headers: FORWARDED, userinfo: {}, ...claims }),
    });
    return JSON.parse(out);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const ALICE = { sub: 'u-42', preferred_username: 'alice', email: 'alice@example.com', given_name: 'Alice', family_name: 'Liddell', groups: ['bi-admins', 'other'] };

describe('OIDC sign-in through the rendered superset_config.py', () => {
  test('registers with authlib, redirects with an https callback, and maps the validated ID token', () => {
    const result = login(props(), { id_token: ALICE });
    expect(result.is_oauth2_app).toBe(true);
    expect(result.client_secret).toBe(SECRET);
    expect(result.authorize_status).toBe(302);
    expect(result.authorize_location).toBe(`${issuer}/protocol/openid-connect/auth`);
    expect(result.authorize_query).toEqual({
      response_type: 'code',
      client_id: 'superset-bi',
      redirect_uri: 'https://bi.example.com/oauth-authorized/oidc',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(result.callback.token).toEqual({ redirect_uri_seen: 'https://bi.example.com/oauth-authorized/oidc', pkce_seen: true });
    expect(result.callback.token_key_present).toBe(true);
    expect(result.callback.id_token_claims).toBe(true);
    expect(result.callback.user).toEqual({
      username: 'alice', email: 'alice@example.com', first_name: 'Alice', last_name: 'Liddell', role_keys: ['bi-admins', 'other'],
    });
    expect(result.settings).toMatchObject({
      AUTH_TYPE: 4,
      AUTH_USER_REGISTRATION: true,
      AUTH_USER_REGISTRATION_ROLE: 'Gamma',
      AUTH_ROLES_MAPPING: { 'bi-admins': ['Admin'], 'bi-users': ['Gamma', 'sql_lab'] },
      AUTH_ROLES_SYNC_AT_LOGIN: true,
      ENABLE_PROXY_FIX: true,
      PROXY_FIX_CONFIG: { x_for: 1, x_proto: 1, x_host: 1, x_port: 1, x_prefix: 1 },
      PREFERRED_URL_SCHEME: 'https',
      SESSION_COOKIE_SECURE: true,
      WEBDRIVER_BASEURL_USER_FRIENDLY: 'https://bi.example.com/',
    });
  });

  test('asks the userinfo endpoint for claims the ID token lacks; a custom provider name, claims and no PKCE', () => {
    const result = login(
      props({ providerName: 'entra', usernameClaim: 'upn', rolesClaim: 'roles', pkce: false, scopes: ['openid', 'email'] }),
      { id_token: { sub: 'u-7', upn: 'bob@corp.example' }, userinfo: { sub: 'u-7', email: 'bob@corp.example', roles: 'bi-users', upn: 'ignored' } },
      'entra',
    );
    expect(result.authorize_query.redirect_uri).toBe('https://bi.example.com/oauth-authorized/entra');
    expect(result.authorize_query.scope).toBe('openid email');
    expect(result.authorize_query.code_challenge_method).toBeUndefined();
    expect(result.callback.token.pkce_seen).toBe(false);
    // The validated ID token wins over userinfo; a single string becomes one role key.
    expect(result.callback.user).toEqual({ username: 'bob@corp.example', email: 'bob@corp.example', first_name: '', last_name: '', role_keys: ['bi-users'] });
  });

  test('the secret reaches the web server only, by secretKeyRef, and no ConfigMap holds it', () => {
    const manifests: Manifest[] = synth(props());
    const web = find(manifests, 'Deployment', 'demo-web-server').spec.template.spec.containers[0];
    expect(web.env).toContainEqual({
      name: 'SUPERSET_OPERATOR__OIDC_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'superset-oidc', key: 'client-secret' } },
    });
    const workerDeployment = find(manifests, 'Deployment', 'demo-celery-worker');
    const worker = workerDeployment.spec.template.spec.containers[0];
    // What the worker's process gets (its envFrom ConfigMaps and env), not only its own env list.
    expect(Object.keys(containerEnv(manifests, worker, 'bi', SECRETS))).not.toContain('SUPERSET_OPERATOR__OIDC_CLIENT_SECRET');
    // Every file of the worker's PYTHONPATH, the instance's shared files included.
    const workerConfig = pythonText(manifests, workerDeployment);
    expect(workerConfig).not.toContain('AUTH_TYPE');
    // Workers build report links too, so they get the public URL.
    expect(workerConfig).toContain('WEBDRIVER_BASEURL_USER_FRIENDLY = "https://bi.example.com/"');
    for (const configMap of manifests.filter((m) => m.kind === 'ConfigMap')) {
      expect(JSON.stringify(configMap)).not.toContain(SECRET);
      expect(JSON.stringify(configMap)).not.toContain('s3cret');
    }
  });

  test('an issuer written with a trailing slash finds the same discovery document', () => {
    const result = login(props({ issuerUrl: `${issuer}/` }), { id_token: ALICE });
    expect(result.authorize_location).toBe(`${issuer}/protocol/openid-connect/auth`);
    expect(result.callback.user.username).toBe('alice');
  });

  test('the user config comes last and overrides what auth renders', () => {
    const spec = { ...props(), config: 'AUTH_USER_REGISTRATION_ROLE = "Public"\nSESSION_COOKIE_SECURE = False' };
    const result = login(spec, { id_token: ALICE });
    expect(result.settings.AUTH_USER_REGISTRATION_ROLE).toBe('Public');
    expect(result.settings.SESSION_COOKIE_SECURE).toBe(false);
  });
});
