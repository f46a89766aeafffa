// The Pod Security Standard check the tests rely on refuses what the admission plugin refuses.
import { restrictedViolations } from './pss';

const CONTAINER = { name: 'c', image: 'i', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } };
const POD = { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [CONTAINER] };

describe('restrictedViolations', () => {
  test('passes a pod whose containers inherit non-root and seccomp from the pod', () => {
    expect(restrictedViolations(POD)).toEqual([]);
  });

  test('refuses a pod-level runAsNonRoot false even when every container sets true', () => {
    const container = { ...CONTAINER, securityContext: { ...CONTAINER.securityContext, runAsNonRoot: true } };
    expect(restrictedViolations({ ...POD, securityContext: { ...POD.securityContext, runAsNonRoot: false }, containers: [container] }))
      .toEqual(['pod: runAsNonRoot false']);
  });

  test('refuses unsafe sysctls, SELinux users and roles or other types, and an unmasked /proc', () => {
    expect(restrictedViolations({
      ...POD,
      securityContext: { ...POD.securityContext, sysctls: [{ name: 'kernel.msgmax', value: '1' }, { name: 'net.ipv4.tcp_syncookies', value: '1' }] },
      containers: [{ ...CONTAINER, securityContext: { ...CONTAINER.securityContext, procMount: 'Unmasked', seLinuxOptions: { user: 'u', type: 'spc_t' } } }],
    })).toEqual(['pod: sysctl kernel.msgmax', 'container c: procMount Unmasked', 'container c: seLinuxOptions.type spc_t', 'container c: seLinuxOptions.user']);
  });

  test('refuses a container that does not inherit or set what the profile needs', () => {
    expect(restrictedViolations({ containers: [{ name: 'c', image: 'i' }] })).toEqual([
      'container c: allowPrivilegeEscalation is not false', 'container c: capabilities do not drop ALL',
      'container c: runAsNonRoot is not true', 'container c: seccompProfile',
    ]);
  });
});
