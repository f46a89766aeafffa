import { expectProblem, expectValid, MINIMAL, problemsOf } from './helpers';

const REF = { name: 'superset-oidc', key: 'client-secret' };
const OIDC = { issuerUrl: 'https://login.example.com/realms/bi', clientId: 'superset', clientSecretFrom: REF };
const LDAP = { serverUrl: 'ldaps://ldap.example.com', bindDn: 'cn=svc,dc=example,dc=com', bindPasswordFrom: REF, searchBase: 'ou=people,dc=example,dc=com' };
const withAuth = (auth: object, extra: object = {}) => ({ ...MINIMAL, webServer: {}, auth, ...extra });

describe('auth rules', () => {
  test('accepts OIDC and LDAP set up as documented', () => {
    expectValid(withAuth({ oidc: OIDC, userRegistration: true, registrationRole: 'Gamma', rolesMapping: { admins: ['Admin'] }, syncRolesAtLogin: true }));
    expectValid(withAuth({ ldap: LDAP, rolesMapping: { 'cn=bi,ou=groups,dc=example,dc=com': ['Alpha'] } }));
    expectValid(withAuth({ oidc: { discoveryUrl: 'https://login.example.com/.well-known/openid-configuration', clientId: 'x', clientSecretFrom: REF } }));
  });

  test('one method at a time, and one at least', () => {
    // The message names the methods set, not every value of both.
    expectProblem(withAuth({ oidc: OIDC, ldap: LDAP }), 'auth', 'mutually exclusive', 'got ["oidc","ldap"]', 'remove auth.oidc or auth.ldap');
    expectProblem(withAuth({ userRegistration: true }), 'auth.oidc', 'needs a sign-in method');
  });

  test('needs the web server', () => {
    expectProblem({ ...MINIMAL, auth: { oidc: OIDC, rolesMapping: undefined } }, 'auth', 'has no effect without webServer', 'got ["oidc"]');
  });

  test('the client secret and bind password are Secret references, required outside Development', () => {
    expectProblem(withAuth({ oidc: { ...OIDC, clientSecretFrom: undefined } }), 'auth.oidc.clientSecretFrom',
      'is required', 'environment is unset, which means Production', 'reference a Secret key');
    expectProblem(withAuth({ ldap: { ...LDAP, bindPasswordFrom: undefined } }, { environment: 'Staging' }), 'auth.ldap.bindPasswordFrom',
      'is required with bindDn', 'environment is "Staging"');
    expectValid(withAuth({ oidc: { ...OIDC, clientSecretFrom: undefined } }, { environment: 'Development' }));
    // No inline secret exists to put in: unknown fields are refused.
    expect(problemsOf(withAuth({ oidc: { ...OIDC, clientSecret: 'plain' } })).join('\n')).toContain('auth.oidc.clientSecret');
  });

  test('issuer and discovery URLs: exactly one, https outside Development, no credentials, fragment or query', () => {
    expectProblem(withAuth({ oidc: { clientId: 'x', clientSecretFrom: REF } }), 'auth.oidc.issuerUrl', 'set exactly one of issuerUrl and discoveryUrl');
    expectProblem(withAuth({ oidc: { ...OIDC, discoveryUrl: 'https://a/.well-known/openid-configuration' } }), 'auth.oidc', 'mutually exclusive');
    expectProblem(withAuth({ oidc: { ...OIDC, issuerUrl: 'http://login.example.com/realms/bi' } }), 'auth.oidc.issuerUrl',
      'must use https://', 'http is Development only', '"http://login.example.com/realms/bi"');
    expectProblem(withAuth({ oidc: { ...OIDC, issuerUrl: 'login.example.com' } }), 'auth.oidc.issuerUrl', 'must be an absolute URL');
    expectProblem(withAuth({ oidc: { ...OIDC, issuerUrl: 'https://u:pw@login.example.com/' } }), 'auth.oidc.issuerUrl',
      'must not carry credentials', '<hidden>');
    expectProblem(withAuth({ oidc: { ...OIDC, issuerUrl: 'https://login.example.com/#x' } }), 'auth.oidc.issuerUrl', 'fragment');
    expectProblem(withAuth({ oidc: { ...OIDC, issuerUrl: 'https://login.example.com/?tenant=1' } }), 'auth.oidc.issuerUrl', 'query');
    expectValid(withAuth({ oidc: { ...OIDC, issuerUrl: 'http://127.0.0.1:8080/realms/bi' } }, { environment: 'Development' }));
  });

  test('scopes include openid and hold no spaces; the provider name is a safe path segment', () => {
    expectProblem(withAuth({ oidc: { ...OIDC, scopes: ['email'] } }), 'auth.oidc.scopes', 'must include \'openid\'');
    expectProblem(withAuth({ oidc: { ...OIDC, scopes: ['openid email'] } }), 'auth.oidc.scopes', 'whitespace');
    expectProblem(withAuth({ oidc: { ...OIDC, providerName: 'My IdP' } }), 'auth.oidc.providerName', '"My IdP"');
    expectProblem(withAuth({ oidc: { ...OIDC, providerName: 'x/../y' } }), 'auth.oidc.providerName');
  });

  test('LDAP: the server URL, StartTLS only on ldap://, a filter in parentheses, search base when needed', () => {
    expectProblem(withAuth({ ldap: { ...LDAP, serverUrl: 'https://ldap.example.com' } }), 'auth.ldap.serverUrl', 'must use ldap:// or ldaps://');
    expectProblem(withAuth({ ldap: { ...LDAP, serverUrl: 'ldap://ldap.example.com/dc=x' } }), 'auth.ldap.serverUrl', 'must not have a path');
    expectProblem(withAuth({ ldap: { ...LDAP, startTls: true } }), 'auth.ldap.startTls', 'ldaps:// is TLS already');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: 'memberOf=x' } }), 'auth.ldap.searchFilter', 'in parentheses');
    // What would change the meaning of Flask-AppBuilder's composed filter, or fail every sign-in (libldap agrees:
    // test/auth/ldap-slapd.test.ts).
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: '(a=b))(|(c=d)' } }), 'auth.ldap.searchFilter', 'RFC 4515',
      'needs \'(\' where it has \')\' at position 6', '"(a=b))(|(c=d)"');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: '(cn=x\\' } }), 'auth.ldap.searchFilter', 'never closed');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: '(cn=x\\)' } }), 'auth.ldap.searchFilter', 'never closed',
      'the \')\' at position 7 is escaped by the \'\\\' before it', '\\5c');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: '(cn=x\\zz)' } }), 'auth.ldap.searchFilter', 'hex escape');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: '(cn=a(b))' } }), 'auth.ldap.searchFilter', 'unescaped \'(\'', '\\28');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: '(memberOf)' } }), 'auth.ldap.searchFilter', 'without an operator');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: '(cn>=a*)' } }), 'auth.ldap.searchFilter', 'takes no wildcards', 'position 7');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: '   ' } }), 'auth.ldap.searchFilter', 'it is empty');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: '(cn=a\u0000b)' } }), 'auth.ldap.searchFilter', 'NUL character at position 6');
    // A value that messages hide is not quoted back in the rule either: problems are told by position.
    const secret = problemsOf(withAuth({ ldap: { ...LDAP, searchFilter: '(labeledURI=https://svc:S3cretPw@host/\\zz)' } }));
    expect(secret.join('\n')).toContain('auth.ldap.searchFilter: ');
    expect(secret.join('\n')).not.toContain('S3cretPw');
    expectProblem(withAuth({ ldap: { ...LDAP, searchFilter: `${'(!'.repeat(100_000)}(cn=x)${')'.repeat(100_000)}` } }), 'auth.ldap.searchFilter',
      'more than 64 deep');
    expectValid(withAuth({ ldap: { ...LDAP, searchFilter: '(&(objectClass=person)(|(memberOf=cn=a\\29,dc=x)(cn=*admin*)))(!(cn=x))' } }));
    expectProblem(withAuth({ ldap: { serverUrl: 'ldap://ldap', bindDn: 'cn=a', bindPasswordFrom: REF } }), 'auth.ldap.searchBase', 'with bindDn');
    expectProblem(withAuth({ ldap: { serverUrl: 'ldap://ldap' }, userRegistration: true }), 'auth.ldap.searchBase', 'userRegistration or rolesMapping');
    expectProblem(withAuth({ ldap: { serverUrl: 'ldap://ldap', bindPasswordFrom: REF } }), 'auth.ldap.bindPasswordFrom', 'without bindDn');
    expectValid(withAuth({ ldap: { serverUrl: 'ldap://ldap.example.com:389', startTls: true, caFile: '/etc/ldap/ca.pem' } }));
  });

  test('LDAP usernameFormat: %s once, other % doubled, only without a bind user', () => {
    const direct = { serverUrl: 'ldaps://ldap.example.com', searchBase: 'ou=people,dc=example,dc=com' };
    expectValid(withAuth({ ldap: { ...direct, usernameFormat: 'uid=%s,ou=100%% people,dc=example,dc=com' } }));
    expectValid(withAuth({ ldap: { ...direct, usernameFormat: '%s@example.com' } }));
    expectProblem(withAuth({ ldap: { ...direct, usernameFormat: 'uid=alice' } }), 'auth.ldap.usernameFormat', '%s exactly once', '"uid=alice"');
    expectProblem(withAuth({ ldap: { ...direct, usernameFormat: '%s-%s' } }), 'auth.ldap.usernameFormat', '%s exactly once');
    expectProblem(withAuth({ ldap: { ...direct, usernameFormat: 'uid=%s,ou=50% off' } }), 'auth.ldap.usernameFormat', "as '%%'");
    expectProblem(withAuth({ ldap: { ...direct, usernameFormat: 'uid=%(name)s' } }), 'auth.ldap.usernameFormat', '%s exactly once');
    expectProblem(withAuth({ ldap: { ...LDAP, usernameFormat: 'uid=%s' } }), 'auth.ldap.usernameFormat', 'no effect with bindDn');
  });

  test('LDAP attribute names: uidField goes into the search filter, groupField is read from the entry', () => {
    expectValid(withAuth({ ldap: { ...LDAP, uidField: 'sAMAccountName', groupField: 'memberOf' } }));
    expectValid(withAuth({ ldap: { ...LDAP, uidField: '0.9.2342.19200300.100.1.1', groupField: 'isMemberOf;x-opt' } }));
    expectProblem(withAuth({ ldap: { ...LDAP, uidField: 'uid=nobody)(uid' } }), 'auth.ldap.uidField', 'LDAP attribute name', '"uid=nobody)(uid"',
      'sAMAccountName');
    expectProblem(withAuth({ ldap: { ...LDAP, groupField: 'member Of' } }), 'auth.ldap.groupField', 'LDAP attribute name');
  });

  test('one problem per mistake: an empty filter or format is the schema\'s alone; a CA file needs TLS', () => {
    const only = (field: string, props: object) => problemsOf(props).filter((p) => p.startsWith(`auth.ldap.${field}: `));
    expect(only('searchFilter', withAuth({ ldap: { ...LDAP, searchFilter: '' } }))).toHaveLength(1);
    expect(only('usernameFormat', withAuth({ ldap: { serverUrl: 'ldaps://l', usernameFormat: '' } }))).toHaveLength(1);
    const dev = { environment: 'Development' };
    expectProblem(withAuth({ ldap: { serverUrl: 'ldap://ldap.example.com', caFile: '/etc/ca.pem' } }, dev), 'auth.ldap.caFile',
      'no effect on a plain ldap://', 'startTls: true');
    expectValid(withAuth({ ldap: { serverUrl: 'ldap://ldap.example.com', startTls: true, caFile: '/etc/ca.pem' } }));
    // Outside Development plain ldap:// is refused, with the same fix: one problem, not a second one about caFile.
    const plain = problemsOf(withAuth({ ldap: { serverUrl: 'ldap://ldap.example.com', caFile: '/etc/ca.pem' } }));
    expect(plain.filter((p) => p.startsWith('auth.ldap.'))).toEqual([expect.stringMatching(/^auth\.ldap\.serverUrl: /)]);
  });

  test('plain ldap:// sends passwords in the clear: Development only, as plain http for OIDC', () => {
    for (const environment of [undefined, 'Staging', 'Production']) {
      expectProblem(withAuth({ ldap: { serverUrl: 'ldap://ldap.example.com:389' } }, { environment }), 'auth.ldap.serverUrl',
        'in the clear', 'Development only', 'ldaps://', 'startTls: true');
    }
    expectValid(withAuth({ ldap: { serverUrl: 'ldap://ldap.example.com:389' } }, { environment: 'Development' }));
    expectValid(withAuth({ ldap: { serverUrl: 'LDAP://ldap.example.com', startTls: true } }));
    expectValid(withAuth({ ldap: { serverUrl: 'ldaps://ldap.example.com' } }));
    // A startTls of the wrong type gets the schema's error alone, not a second one about plain LDAP.
    const wrongType = problemsOf(withAuth({ ldap: { serverUrl: 'ldap://ldap.example.com', startTls: 'true' } }));
    expect(wrongType.filter((p) => p.startsWith('auth.ldap.'))).toEqual([expect.stringMatching(/^auth\.ldap\.startTls: must be true or false/)]);
  });

  test('a misspelt field under auth.oidc or auth.ldap is hidden, and the reference field it meant suggested', () => {
    expectProblem(withAuth({ ldap: { ...LDAP, bindPasswrd: 'hunter2' } }), 'auth.ldap.bindPasswrd', 'unknown field', '<hidden>',
      'did you mean \'bindPasswordFrom\'?');
    expectProblem(withAuth({ oidc: { issuerUrl: 'https://login.example.com/realms/bi', clientId: 'bi', clientScret: 'hunter2' } }),
      'auth.oidc.clientScret', '<hidden>', 'did you mean \'clientSecretFrom\'?');
    for (const problem of problemsOf(withAuth({ ldap: { ...LDAP, bindPasswrd: 'hunter2', extra: 'hunter2' } }))) expect(problem).not.toContain('hunter2');
  });

  test('LDAP: the search base and the bind DN are distinguished names, which the directory must parse', () => {
    expectProblem(withAuth({ ldap: { ...LDAP, searchBase: 'ou=people,,dc=example,dc=com' } }), 'auth.ldap.searchBase',
      'must be a distinguished name', 'empty RDN', 'position 11', 'ou=people,dc=example,dc=com');
    expectProblem(withAuth({ ldap: { ...LDAP, bindDn: 'cn=superset,services,dc=example' } }), 'auth.ldap.bindDn',
      'must be a distinguished name', 'without \'=\'', 'cn=superset,ou=services');
    expectValid(withAuth({ ldap: { ...LDAP, bindDn: 'CN=Superset\\, BI,OU=Service Accounts,DC=corp,DC=example,DC=com', searchBase: 'dc=corp;dc=example' } }));
  });

  test('LDAP strings hold no NUL character, which python-ldap refuses at every sign-in', () => {
    const direct = { serverUrl: 'ldaps://ldap.example.com', searchBase: 'ou=people,dc=example,dc=com' };
    for (const [field, value] of [['usernameFormat', 'uid=%s\u0000'], ['searchBase', 'ou=p\u0000'], ['uidField', 'u\u0000id'],
      ['groupField', 'memberOf\u0000'], ['caFile', '/etc/ca\u0000.pem'], ['serverUrl', 'ldaps://ldap\u0000.example.com']]) {
      expectProblem(withAuth({ ldap: { ...direct, [field]: value } }), `auth.ldap.${field}`, 'NUL');
    }
    expectProblem(withAuth({ ldap: { ...LDAP, bindDn: 'cn=svc\u0000,dc=x' } }), 'auth.ldap.bindDn', 'NUL');
  });

  test('roles: mapped groups name roles; syncing needs a mapping; a registration role needs registration', () => {
    expectProblem(withAuth({ oidc: OIDC, rolesMapping: { admins: [] } }), 'auth.rolesMapping.admins', 'at least one Superset role');
    expectProblem(withAuth({ oidc: OIDC, syncRolesAtLogin: true }), 'auth.syncRolesAtLogin', 'needs rolesMapping', 'lose their roles');
    expectProblem(withAuth({ oidc: OIDC, syncRolesAtLogin: true, rolesMapping: {} }), 'auth.syncRolesAtLogin', 'needs rolesMapping');
    expectProblem(withAuth({ oidc: OIDC, registrationRole: 'Gamma' }), 'auth.registrationRole', 'without userRegistration');
  });

  test('reports every problem at once', () => {
    const problems = problemsOf(withAuth({ oidc: { clientId: 'x', scopes: ['profile'] }, syncRolesAtLogin: true }));
    expect(problems.filter((p) => p.startsWith('auth')).length).toBeGreaterThanOrEqual(4);
  });

  test('the public URL of networking.proxy is a URL', () => {
    expectProblem({ ...MINIMAL, networking: { proxy: { publicUrl: 'bi.example.com' } } }, 'networking.proxy.publicUrl', 'absolute URL');
    expectValid({ ...MINIMAL, networking: { proxy: { publicUrl: 'https://bi.example.com/' } } });
  });
});
