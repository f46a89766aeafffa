import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import type { LdapAuthSpec, SupersetInstanceProps } from '../../src';
import { ldapFilterProblem } from '../../src/base/ldap-filter';
import { SYSTEM_PYTHON } from '../support/python';
import { importingSource, renderComponent } from '../support/rendered-instance';
import { run } from '../support/servers';
import { startSlapd, type SlapdServer } from '../support/slapd-server';
import { makeCertificates, type TestCertificates } from '../support/tls';

/*
 * LDAP sign-in against a real OpenLDAP server: the web server's rendered superset_config.py, executed by Debian's
 * python3, drives python-ldap (libldap and its TLS) the way Flask-AppBuilder 5.0.2's auth_user_ldap does
 * (fab_ldap_probe.py follows its code) against slapd over LDAPS and StartTLS, with the bind password from the pod's
 * environment.
 */

const PROBE = path.join(__dirname, '..', 'support', 'fab_ldap_probe.py');
const ORACLE = path.join(__dirname, '..', 'support', 'ldap_filter_oracle.py');
const BIND_PASSWORD = 'bind-pw \'"\\{x} %s';
const SECRETS = { 'app-secret/secret-key': 'flask-key', 'superset-ldap/bind-password': BIND_PASSWORD };
const PEOPLE = 'ou=people,dc=example,dc=com';
const BI = 'cn=bi,ou=groups,dc=example,dc=com';
const ADMINS = 'cn=bi-admins,ou=groups,dc=example,dc=com';

const DIRECTORY = `
dn: dc=example,dc=com
objectClass: dcObject
objectClass: organization
o: Example
dc: example

dn: ou=people,dc=example,dc=com
objectClass: organizationalUnit
ou: people

dn: ou=services,dc=example,dc=com
objectClass: organizationalUnit
ou: services

dn: ou=groups,dc=example,dc=com
objectClass: organizationalUnit
ou: groups

dn: cn=superset,ou=services,dc=example,dc=com
objectClass: person
cn: superset
sn: superset
userPassword: ${BIND_PASSWORD}

dn: uid=alice,${PEOPLE}
objectClass: inetOrgPerson
uid: alice
cn: Alice Liddell
givenName: Alice
sn: Liddell
mail: alice@example.com
userPassword: alice-pw

dn: uid=bob,${PEOPLE}
objectClass: inetOrgPerson
uid: bob
cn: Bob
sn: Builder
userPassword: bob-pw

dn: ${BI}
objectClass: groupOfNames
cn: bi
member: uid=alice,${PEOPLE}

dn: ${ADMINS}
objectClass: groupOfNames
cn: bi-admins
member: uid=alice,${PEOPLE}
`;

let certs: TestCertificates;
let otherCa: string;
let slapd: SlapdServer;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'ldap-slapd-'));
  mkdirSync(path.join(work, 'server'));
  mkdirSync(path.join(work, 'other'));
  certs = makeCertificates(path.join(work, 'server'));
  otherCa = makeCertificates(path.join(work, 'other')).caFile;
  slapd = await startSlapd(certs, DIRECTORY);
}, 60_000);

afterAll(async () => {
  await slapd?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface SignIn {
  readonly user: { username: string; dn: string; roles: string[]; first_name?: string; last_name?: string; email?: string } | null;
  readonly log: string[];
}

function signIn(ldap: LdapAuthSpec, username: string, password: string, auth: Partial<SupersetInstanceProps['auth']> = {}, existing = false): SignIn {
  const rendered = renderComponent('bi', 'demo', { webServer: {}, auth: { ...auth, ldap } }, 'web-server', SECRETS);
  const folder = mkdtempSync(path.join(tmpdir(), 'ldap-pythonpath-'));
  try {
    const out = run(SYSTEM_PYTHON, [PROBE], {
      env: { ...rendered.env, PYTHONDONTWRITEBYTECODE: '1' },
      input: JSON.stringify({ config: importingSource(folder, rendered.files), username, password, existing }),
    });
    return JSON.parse(out);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const ldaps = (): LdapAuthSpec => ({
  serverUrl: `ldaps://127.0.0.1:${slapd.ldapsPort}`,
  caFile: certs.caFile,
  bindDn: 'cn=superset,ou=services,dc=example,dc=com',
  bindPasswordFrom: { name: 'superset-ldap', key: 'bind-password' },
  searchBase: PEOPLE,
  searchFilter: `(memberOf=${BI})`,
});
const REGISTER = { userRegistration: true, registrationRole: 'Gamma', rolesMapping: { [ADMINS]: ['Admin'] } };

describe('LDAP sign-in against slapd', () => {
  test('LDAPS with a bind user: a member of the filtered group signs in, registered with mapped roles and directory names', () => {
    expect(signIn(ldaps(), 'alice', 'alice-pw', REGISTER).user).toEqual({
      username: 'alice',
      dn: `uid=alice,${PEOPLE}`,
      first_name: 'Alice',
      last_name: 'Liddell',
      email: 'alice@example.com',
      roles: ['Admin', 'Gamma'],
    });
  });

  test('refused: outside the search filter, a wrong password', () => {
    expect(signIn(ldaps(), 'bob', 'bob-pw', REGISTER).user).toBeNull();
    const wrong = signIn(ldaps(), 'alice', 'not-alice', REGISTER);
    expect(wrong.user).toBeNull();
    expect(wrong.log).toContainEqual(expect.stringContaining('login failed'));
  });

  test('StartTLS on ldap://, verified with the CA file', () => {
    const spec = { ...ldaps(), serverUrl: `ldap://127.0.0.1:${slapd.ldapPort}`, startTls: true };
    expect(signIn(spec, 'alice', 'alice-pw', REGISTER).user?.roles).toEqual(['Admin', 'Gamma']);
  });

  test('a server certificate the CA file does not vouch for is refused, over LDAPS and StartTLS', () => {
    const ldapsOther = signIn({ ...ldaps(), caFile: otherCa }, 'alice', 'alice-pw', REGISTER);
    expect(ldapsOther.user).toBeNull();
    expect(ldapsOther.log.join('\n')).toMatch(/Can't contact LDAP server|certificate/i);
    const startTlsOther = signIn({ ...ldaps(), serverUrl: `ldap://127.0.0.1:${slapd.ldapPort}`, startTls: true, caFile: otherCa },
      'alice', 'alice-pw', REGISTER);
    expect(startTlsOther.user).toBeNull();
  });

  test('roles are synced at sign-in for an existing user; without a mapping match only the registration role', () => {
    expect(signIn(ldaps(), 'alice', 'alice-pw', { ...REGISTER, syncRolesAtLogin: true }, true).user?.roles).toEqual(['Admin', 'Gamma']);
    const noAdmins = signIn(ldaps(), 'alice', 'alice-pw', { ...REGISTER, rolesMapping: { 'cn=other,ou=groups,dc=example,dc=com': ['Admin'] } });
    expect(noAdmins.user?.roles).toEqual(['Gamma']);
  });

  test('direct bind without a bind user: the name typed is bound as given, or made a DN by usernameFormat', () => {
    const direct = { serverUrl: `ldaps://127.0.0.1:${slapd.ldapsPort}`, caFile: certs.caFile, searchBase: PEOPLE };
    expect(signIn(direct, 'alice', 'alice-pw', REGISTER).user).toBeNull();
    expect(signIn(direct, `uid=alice,${PEOPLE}`, 'alice-pw', REGISTER).user).toBeNull(); // bound, but no uid matches the DN
    const formatted = { ...direct, usernameFormat: `uid=%s,${PEOPLE}` };
    expect(signIn(formatted, 'alice', 'alice-pw', REGISTER).user).toMatchObject({ dn: `uid=alice,${PEOPLE}`, roles: ['Admin', 'Gamma'] });
    expect(signIn(formatted, 'alice', 'bob-pw', REGISTER).user).toBeNull();
    expect(signIn(formatted, 'bob', 'bob-pw', REGISTER).user).toMatchObject({ dn: `uid=bob,${PEOPLE}`, roles: ['Gamma'] });
    // A literal '%' in the format, written '%%', reaches the directory as one '%' (no such entry: refused, not a crash).
    const percent = signIn({ ...direct, usernameFormat: 'uid=%s,ou=100%% people,dc=example,dc=com' }, 'alice', 'alice-pw', REGISTER);
    expect(percent.user).toBeNull();
    expect(percent.log.join('\n')).toContain('login failed for user: uid=alice,ou=100% people,dc=example,dc=com');
  });
});

describe('searchFilter validation agrees with libldap', () => {
  function libldapAccepts(filters: readonly string[]): boolean[] {
    return JSON.parse(run(SYSTEM_PYTHON, [ORACLE], {
      input: JSON.stringify({ server: `ldap://127.0.0.1:${slapd.ldapPort}`, dn: `uid=alice,${PEOPLE}`, password: 'alice-pw', base: PEOPLE, filters }),
    }));
  }

  test('examples', () => {
    const filters = ['(memberOf=x)', '(a=b)(c=d)', '(!(a=b))', '(a=b\\28)', '(&)', '(|)', '(a=*)', '(a=x*y*)', '(cn:dn:=x)',
      '(:dn:2.5.13.5:=x)', '(a~=b)', '(a>=1)', '( a=b )', '(a= b)', '(1.2.3=x)', '(a;lang-en=b)', '(a=ü)', ' (a=b) ',
      '(a=b))(|(c=d)', '(a)', '(a=b(c)', '(a=b\\zz)', '(a=b', 'a=b', '()', '(=b)', '(&(a=b)', '(!(a=b)(c=d))', '(a b=c)',
      '( cn>=\\', '(!(a=b) )', '(:dn:=x)', '(a =x)', '(cn=a**b)', '(1~=x)', '(cn>=a*)', '(cn;=x)', '(a_b=x)',
      '\t(a=b)\n', '(&\n(a=b)\t)', '\r(a=b)', '(\u00a0a=b)', '(a=b)\u2003',
      '(cn::=x)', '(cn;x::=y)', '(1.2.3::=x)', '(cn:dn::=x)', '(:dn:dn:=x)', '(:DN:Dn:=x)', '(::=x)', '(:dn::=x)', '(:=x)',
      '(cn:dn:dn:=x)', '(cn:dn:dn::=x)', '(cn:1.2::=x)', '(cn::1.2:=x)', '(:Dn:=x)', '(cn=a\u0000b)'];
    const ours = filters.map((f) => ldapFilterProblem(f) === undefined);
    expect(ours).toEqual(libldapAccepts(filters));
  });

  test('random filters: accepted by the validation exactly when libldap runs them', () => {
    // Filters built from RFC 4515's parts, some parts invalid, some filters cut or with a character removed.
    const attribute = fc.constantFrom('cn', 'memberOf', 'a-1', '1.2.3', 'cn;lang-en', ' cn', '\tcn', '\rcn', '', '1.', 'a b', '-a', '2a');
    const operator = fc.constantFrom('=', '=', '~=', '>=', '<=', ':=', ':dn:=', ':1.2:=', 'cn:dn:1.2:=', '', '==', '!=', '::=', ':dn::=',
      ':dn:dn:=', ':DN:1.2:=', '::1.2:=', ':1.2::=', ':rule:=');
    const value = fc.array(fc.constantFrom('x', 'x', '*', '\\2a', '\\28', '\\', '\\z', ' ', 'ü', '(', ')', '=', '\u0000'), { maxLength: 4 })
      .map((parts) => parts.join(''));
    const space = fc.constantFrom('', '', '', ' ', '\t', '\n', '\r', '\u00a0');
    const { node } = fc.letrec((tie) => ({
      item: fc.tuple(attribute, operator, value).map(([a, o, v]) => `(${a}${o}${v})`),
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        tie('item'),
        fc.tuple(fc.constantFrom('&', '|'), fc.array(fc.tuple(space, tie('node')), { maxLength: 3 }), space)
          .map(([op, items, s]) => `(${op}${items.map(([sp, n]) => sp + n).join('')}${s})`),
        fc.tuple(space, tie('node')).map(([sp, n]) => `(!${sp}${n})`)),
    }));
    const filter = fc.tuple(fc.array(node as fc.Arbitrary<string>, { minLength: 1, maxLength: 2 }), fc.nat(), fc.constantFrom('keep', 'keep', 'cut', 'drop'))
      .map(([nodes, at, how]) => {
        const text = nodes.join('');
        const i = at % Math.max(1, text.length);
        return how === 'cut' ? text.slice(0, i) : how === 'drop' ? text.slice(0, i) + text.slice(i + 1) : text;
      });
    // A filter of spaces only is refused as empty (libldap runs it; Flask-AppBuilder would then compose a no-op).
    const samples = fc.sample(filter, { numRuns: 1000, seed: 4515 }).filter((f) => f.trim() !== '');
    const ours = samples.map((f) => ldapFilterProblem(f) === undefined);
    const libldap = libldapAccepts(samples);
    const disagreements = samples.flatMap((f, i) => (ours[i] === libldap[i] ? [] : [`${JSON.stringify(f)}: libldap ${libldap[i]}`]));
    expect(disagreements).toEqual([]);
    // Both answers occur often enough to mean something.
    expect(libldap.filter(Boolean).length).toBeGreaterThan(50);
    expect(libldap.filter((x) => !x).length).toBeGreaterThan(50);
  });
});
