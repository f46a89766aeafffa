import type { SupersetInstanceProps } from '../../src';
import { find, synth } from '../util';

const REF = { name: 'superset-oidc', key: 'client-secret' };
const tcp = (port: number) => ({ protocol: 'TCP', port });

function policyEgress(auth: SupersetInstanceProps['auth'], component: string, egressPolicy: 'Restricted' | 'Open') {
  const manifests = synth({ webServer: {}, celeryWorker: {}, auth, networkPolicy: { egress: egressPolicy } });
  return find(manifests, 'NetworkPolicy', `demo-${component}-netpol`).spec.egress;
}

/** The ports a component's pods may reach at any destination: those of the rules without peers. */
function egress(auth: SupersetInstanceProps['auth'], component = 'web-server') {
  return policyEgress(auth, component, 'Restricted').filter((rule: any) => rule.to === undefined).flatMap((rule: any) => rule.ports ?? []);
}

const oidc = (url: { issuerUrl?: string; discoveryUrl?: string }) => ({ oidc: { ...url, clientId: 'superset', clientSecretFrom: REF } });

describe('restricted egress to the identity provider', () => {
  test('the web server reaches the OIDC provider on the discovery URL\'s port, 443 by default', () => {
    expect(egress(oidc({ issuerUrl: 'https://login.example.com/realms/bi' }))).toContainEqual(tcp(443));
    expect(egress(oidc({ issuerUrl: 'https://kc.example.com:8443/realms/bi' }))).toContainEqual(tcp(8443));
    expect(egress(oidc({ discoveryUrl: 'https://idp.example.com:9443/.well-known/openid-configuration' }))).toContainEqual(tcp(9443));
  });

  test('LDAP: the server URL\'s port, else 389 or 636', () => {
    expect(egress({ ldap: { serverUrl: 'ldap://ldap.example.com', startTls: true } })).toContainEqual(tcp(389));
    expect(egress({ ldap: { serverUrl: 'ldaps://ldap.example.com' } })).toContainEqual(tcp(636));
    expect(egress({ ldap: { serverUrl: 'ldaps://ldap.example.com:3269' } })).toContainEqual(tcp(3269));
  });

  test('only the web server signs users in: the other components stay closed', () => {
    const auth = oidc({ issuerUrl: 'https://kc.example.com:8443/realms/bi' });
    expect(egress(auth, 'celery-worker')).not.toContainEqual(tcp(8443));
    expect(egress(undefined)).not.toContainEqual(tcp(443));
  });

  test('open egress is unchanged', () => {
    expect(policyEgress(oidc({ issuerUrl: 'https://login.example.com/realms/bi' }), 'web-server', 'Open')).toEqual([{}]);
  });
});
