import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { accepts, freePort, requireProgram, run, startProcess, waitUntil, type Started } from './servers';
import type { TestCertificates } from './tls';

/** A running throwaway OpenLDAP server: plain LDAP (StartTLS offered) and LDAPS on loopback ports. */
export interface SlapdServer {
  readonly ldapPort: number;
  readonly ldapsPort: number;
  /** The directory's suffix, `dc=example,dc=com`. */
  readonly suffix: string;
  readonly process: Started;
  stop(): Promise<void>;
}

const SUFFIX = 'dc=example,dc=com';
const ROOT_DN = `cn=admin,${SUFFIX}`;
const ROOT_PASSWORD = 'admin-pw';

/**
 * Starts slapd (mdb backend, memberof overlay, so users carry `memberOf` of the groupOfNames that list them) with
 * `tls` for StartTLS and LDAPS, and loads `ldif` as the directory's administrator. Bound users read everything but
 * passwords; anonymous clients may only bind.
 */
export async function startSlapd(tls: TestCertificates, ldif: string): Promise<SlapdServer> {
  const slapd = requireProgram('/usr/sbin/slapd', 'slapd');
  const ldapadd = requireProgram('/usr/bin/ldapadd', 'ldap-utils');
  const dir = mkdtempSync(path.join(tmpdir(), 'slapd-'));
  mkdirSync(path.join(dir, 'db'));
  const [ldapPort, ldapsPort] = [await freePort(), await freePort()];
  writeFileSync(path.join(dir, 'slapd.conf'), [
    'include /etc/ldap/schema/core.schema',
    'include /etc/ldap/schema/cosine.schema',
    'include /etc/ldap/schema/inetorgperson.schema',
    'modulepath /usr/lib/ldap',
    'moduleload back_mdb',
    'moduleload memberof',
    `pidfile ${path.join(dir, 'slapd.pid')}`,
    `TLSCACertificateFile ${tls.caFile}`,
    `TLSCertificateFile ${tls.certFile}`,
    `TLSCertificateKeyFile ${tls.keyFile}`,
    'database mdb',
    'maxsize 10485760',
    `suffix "${SUFFIX}"`,
    `rootdn "${ROOT_DN}"`,
    `rootpw ${ROOT_PASSWORD}`,
    `directory ${path.join(dir, 'db')}`,
    'overlay memberof',
    'access to attrs=userPassword by anonymous auth by self read by * none',
    'access to * by users read by * none',
    '',
  ].join('\n'));
  const process = startProcess(slapd, ['-f', path.join(dir, 'slapd.conf'), '-h',
    `ldap://127.0.0.1:${ldapPort}/ ldaps://127.0.0.1:${ldapsPort}/`, '-d', '0']);
  try {
    await waitUntil(`slapd on ports ${ldapPort} and ${ldapsPort}`, async () => {
      if (process.child.exitCode !== null) throw new Error(`slapd exited:\n${process.output()}`);
      return await accepts('127.0.0.1', ldapPort) && accepts('127.0.0.1', ldapsPort);
    }, 15_000);
    run(ldapadd, ['-x', '-H', `ldap://127.0.0.1:${ldapPort}`, '-D', ROOT_DN, '-w', ROOT_PASSWORD], { input: ldif });
  } catch (error) {
    await process.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ldapPort,
    ldapsPort,
    suffix: SUFFIX,
    process,
    stop: async () => {
      await process.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
