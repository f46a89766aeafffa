import { SupersetValidationError } from '../src';
import { find, mainContainer, synth } from './util';

/*
 * No user value silently removes a security default: an empty or malformed setting is refused by validation (the
 * Kubernetes schema requires `seccompProfile.type`), a field given as `undefined` keeps the default, and a valid,
 * explicit weakening stays the user's choice.
 */

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SupersetValidationError);
    return (error as SupersetValidationError).violations.map((v) => `${v.path}: ${v.rule}${v.fix ? `; ${v.fix}` : ''}`);
  }
  return [];
}

describe('security defaults', () => {
  test('an empty seccomp profile is refused instead of replacing RuntimeDefault', () => {
    expect(problems(() => synth({ podTemplate: { podSecurityContext: { seccompProfile: {} as never } } }))).toEqual([
      'podTemplate.podSecurityContext.seccompProfile.type: is required in a Kubernetes core/v1 SeccompProfile',
    ]);
  });

  test('a misspelt seccomp profile is refused with a hint', () => {
    const found = problems(() => synth({
      webServer: { podTemplate: { container: { securityContext: { seccompProfile: { typ: 'RuntimeDefault' } as never } } } },
    }));
    expect(found).toEqual([
      'webServer.podTemplate.container.securityContext.seccompProfile.type: is required in a Kubernetes core/v1 SeccompProfile',
      'webServer.podTemplate.container.securityContext.seccompProfile.typ: unknown field of a Kubernetes core/v1 '
        + 'SeccompProfile; did you mean \'type\'?',
    ]);
  });

  test('an invalid profile type and a null security setting are refused', () => {
    expect(problems(() => synth({
      podTemplate: {
        podSecurityContext: { seccompProfile: { type: 'runtimedefault' } },
        sidecars: [{ name: 'p', image: 'envoy', securityContext: { capabilities: null as never } }],
      },
    }))).toEqual([
      'podTemplate.podSecurityContext.seccompProfile.type: must be one of \'Localhost\', \'RuntimeDefault\', '
        + '\'Unconfined\'; did you mean \'RuntimeDefault\'?',
      'podTemplate.sidecars[0].securityContext.capabilities: must not be null; remove it or give a value',
    ]);
  });

  test('a field given as undefined keeps the default', () => {
    const deployment = find(synth({
      podTemplate: {
        podSecurityContext: { seccompProfile: undefined, runAsNonRoot: undefined, fsGroup: 2000 },
        container: { securityContext: { capabilities: undefined, allowPrivilegeEscalation: undefined } },
      },
      webServer: {},
    }), 'Deployment', 'demo-web-server');
    const pod = deployment.spec.template.spec;
    expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.fsGroup).toBe(2000);
    expect(mainContainer(deployment).securityContext).toMatchObject({
      capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false,
    });
  });

  test('an explicit, valid weakening stays the user\'s choice', () => {
    const deployment = find(synth({
      podTemplate: { podSecurityContext: { seccompProfile: { type: 'Unconfined' } } }, webServer: {},
    }), 'Deployment', 'demo-web-server');
    expect(deployment.spec.template.spec.securityContext.seccompProfile).toEqual({ type: 'Unconfined' });
  });
});

describe('capabilities', () => {
  const containerOf = (securityContext: object) => mainContainer(find(synth({
    webServer: { podTemplate: { container: { securityContext } } },
  }), 'Deployment', 'demo-web-server')).securityContext;

  test('adding a capability keeps dropping ALL', () => {
    expect(containerOf({ capabilities: { add: ['NET_BIND_SERVICE'] } }).capabilities)
      .toEqual({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] });
  });

  test('empty capabilities change nothing', () => {
    expect(containerOf({ capabilities: {} }).capabilities).toEqual({ drop: ['ALL'] });
  });

  test('dropping nothing is an explicit choice', () => {
    expect(containerOf({ capabilities: { drop: [] } }).capabilities).toEqual({ drop: [] });
  });
});
