import type { SupersetInstanceProps } from '../../src';
import { find, synth } from '../util';

const REF = { name: 'superset-oidc', key: 'client-secret' };
const tcp = (port: number) => ({ ports: [{ protocol: 'TCP', port }] });

function egress(auth: SupersetInstanceProps['auth'], component = 'web-server', egressPolicy: 'Restricted' | 'Open' = 'Restricted') {
  const manifests = synth({ webServer: {}, celeryWorker: {}, auth, networkPolicy: { egress: egressPolicy } });
  return find(manifests, 'NetworkPolicy', `demo-${component}-netpol`).spec.egress;
}

const oidc = (url: { issuerUrl?: string; discoveryUrl?: string }) => ({ oidc: { ...url, clientId: 'superset', clientSecretFrom: REF } });

describe('restricted egress to the identity provider', () => {
  test('the web server reaches the OIDC provider on the discovery URL\'s port, 443 by default', () => {
    expect(egress(oidc({ issuerUrl: 'https://login.example.com/realms/bi' }))).toContainEqual(tcp(443));
    expect(egress(oidc({ issuerUrl: 'https://kc.example.com:8443/realms/bi' }))).toContainEqual(tcp(8443));
    expect(egress(oidc({ discoveryUrl: 'https://idp.example.com:9443/.well-known/openid-configuration' }))).toContainEqual(tcp(9443));
  });

  test('LDAP: the server URL\'s port, else 389 or 636', () => {
    expect(egress({ ldap: { serverUrl: 'ldap://ldap.example.com' } })).toContainEqual(tcp(389));
    expect(egress({ ldap: { serverUrl: 'ldaps://ldap.example.com' } })).toContainEqual(tcp(636));
    expect(egress({ ldap: { serverUrl: 'ldaps://ldap.example.com:3269' } })).toContainEqual(tcp(3269));
  });

  test('only the web server signs users in: the other components stay closed', () => {
    const auth = oidc({ issuerUrl: 'https://kc.example.com:8443/realms/bi' });
    expect(egress(auth, 'celery-worker')).not.toContainEqual(tcp(8443));
    expect(egress(undefined)).not.toContainEqual(tcp(443));
  });

  test('open egress is unchanged', () => {
    expect(egress(oidc({ issuerUrl: 'https://login.example.com/realms/bi' }), 'web-server', 'Open')).toEqual([{}]);
  });
});
