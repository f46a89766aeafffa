import * as path from 'node:path';
import { requireProgram, run } from './servers';

/** PEM files of a throwaway CA and a server certificate it signed, valid for the loopback addresses and localhost. */
export interface TestCertificates {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** Creates the CA and the server certificate with openssl in `dir`. */
export function makeCertificates(dir: string): TestCertificates {
  const openssl = requireProgram('/usr/bin/openssl', 'openssl');
  const file = (name: string) => path.join(dir, name);
  const extensions = file('server.ext');
  run('/bin/sh', ['-c', 'printf \'%s\\n\' \'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\' > "$1"', 'sh', extensions]);
  run(openssl, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=test-ca',
    '-keyout', file('ca.key'), '-out', file('ca.crt')]);
  run(openssl, ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', file('server.key'), '-out', file('server.csr')]);
  run(openssl, ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-days', '2', '-extfile', extensions, '-out', file('server.crt')]);
  return { caFile: file('ca.crt'), certFile: file('server.crt'), keyFile: file('server.key') };
}
