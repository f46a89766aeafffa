// Distinguished names: what the validation refuses in auth.ldap.searchBase and bindDn, libldap refuses too (asked
// through python-ldap's ldap.dn.str2dn); the structural mistakes people make are refused, the forms directories use
// (Active Directory's included) are not.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { ldapDnProblem } from '../../src/base/ldap-dn';
import { SYSTEM_PYTHON } from '../support/python';

const ORACLE = path.join(__dirname, '..', 'support', 'ldap_dn_oracle.py');
const SEED = 4514;

/** Whether libldap parses each text. */
function libldapParses(texts: readonly string[]): boolean[] {
  return JSON.parse(execFileSync(SYSTEM_PYTHON, [ORACLE], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

const ACCEPTED = [
  'dc=example,dc=com',
  'ou=people,dc=example,dc=com',
  'CN=Superset Service,OU=Service Accounts,DC=corp,DC=example,DC=com',
  'cn=Smith\\, John,ou=people,dc=example,dc=com',
  'cn=Smith\\2C John,ou=people,dc=example,dc=com',
  'cn="Smith, John",ou=people,dc=example,dc=com',
  'ou=people;dc=example;dc=com',
  ' ou = people , dc = example ',
  'cn=a+sn=b,dc=example',
  '2.5.4.11=people,dc=example',
  'uid=ünïcode,dc=example',
  'cn=#04,dc=example',
  'cn=,dc=example',
  'cn=a\\\\b,dc=example',
  // A missing comma is no syntax error ('people dc=example' is one value): only the search can tell.
  'ou=people dc=example',
];

const REFUSED: readonly [string, string][] = [
  ['ou=people,,dc=example,dc=com', 'empty RDN'],
  ['ou=people,dc=example,dc=com,', 'ends with a separator'],
  [',ou=people,dc=example', 'empty RDN'],
  ['ou=people,example,dc=com', 'without \'=\''],
  ['organizational unit=people,dc=example', 'without \'=\''],
  ['-ou=people', 'neither a name'],
  ['1.=people', 'numeric OID'],
  ['cn="Smith, John,dc=example', 'never closed'],
  ['cn=backslash\\', 'escapes nothing'],
  ['ou=x+', 'ends with a separator'],
  ['ou=x++cn=y', 'empty RDN'],
  [' ', 'has no RDN'],
  ['cn=a\u0000', 'NUL'],
];

describe('distinguished names', () => {
  test('the forms directories use are accepted, and libldap parses them too', () => {
    for (const dn of ACCEPTED) expect([dn, ldapDnProblem(dn)]).toEqual([dn, undefined]);
    expect(libldapParses(ACCEPTED)).toEqual(ACCEPTED.map(() => true));
  });

  test('structural mistakes are refused, by position, and libldap refuses them too', () => {
    for (const [dn, problem] of REFUSED) expect([dn, ldapDnProblem(dn)]).toEqual([dn, expect.stringContaining(problem)]);
    expect(ldapDnProblem('ou=people,,dc=example')).toMatch(/at position 11$/);
    expect(libldapParses(REFUSED.map(([dn]) => dn))).toEqual(REFUSED.map(() => false));
  });

  test('whatever is refused, libldap refuses (generated texts, fixed seed)', () => {
    const piece = fc.constantFrom('cn', 'dc', 'ou', 'o-u', '-x', '1.2.3', '1.', '01', ' ', '\t', '\n', '=', '=', ',', ',', ';', '+', '\\',
      '\\\\', '\\,', '\\2c', '\\2', '"', '"x, y"', '#', '#04', '<', '>', 'a', 'é', 'x y', '\\ ', '\\#', '\\e9', '\u00a0', '\\"');
    const texts = fc.sample(fc.oneof(
      fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join('')),
      fc.array(piece, { maxLength: 8 }).map((parts) => `cn=${parts.join('')},dc=example,dc=com`),
    ), { seed: SEED, numRuns: 3000 });
    const parses = libldapParses(texts);
    const refusedButParsed = texts.filter((text, i) => ldapDnProblem(text) !== undefined && parses[i]);
    expect(refusedButParsed).toEqual([]);
    // The check is not vacuous: most of what libldap refuses is refused here too.
    const refused = texts.filter((text) => ldapDnProblem(text) !== undefined).length;
    expect(refused / parses.filter((p) => !p).length).toBeGreaterThan(0.6);
  });
});
