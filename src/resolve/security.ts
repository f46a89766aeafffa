import type * as k8s from '../../imports/k8s';

/**
 * The user's fields that carry a value. A field present as `undefined` (`{ ...a, seccompProfile: undefined }`)
 * must not remove a default by spreading over it; a value the user does set wins, even one that weakens the
 * profile (`seccompProfile: { type: 'Unconfined' }`): that is an explicit choice. Empty or malformed settings such
 * as `seccompProfile: {}` never get here: validation refuses them against the Kubernetes schema.
 */
function setFields<T extends object>(user: T): Partial<T> {
  return Object.fromEntries(Object.entries(user).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}

/*
 * The contexts are merged with `Object.assign`, not spread: each pod keeps them, and a spread followed by more keys
 * gives every result a hidden class of its own on Node 20, where `Object.assign` reuses one.
 */

/** The UID and GID of the `superset` user in the official Superset image. */
export const SUPERSET_UID = 1000;

/**
 * Pod-level settings that meet the Pod Security Standard `restricted` profile. The user's fields win one by one,
 * so setting `fsGroup` alone keeps the rest of the hardening.
 */
export function restrictedPodSecurityContext(user: k8s.PodSecurityContext = {}): k8s.PodSecurityContext {
  return Object.assign({
    runAsNonRoot: true,
    runAsUser: SUPERSET_UID,
    runAsGroup: SUPERSET_UID,
    fsGroup: SUPERSET_UID,
    seccompProfile: { type: 'RuntimeDefault' },
  }, setFields(user));
}

/**
 * Container-level settings that meet the `restricted` profile; the user's fields win one by one, and so do the
 * `add` and `drop` lists of `capabilities`: adding `NET_BIND_SERVICE` keeps dropping `ALL`, and an empty
 * `capabilities: {}` changes nothing. Dropping nothing takes an explicit `drop: []`. `runAsNonRoot` and
 * `seccompProfile` are defaults of the container only where the pod's context does not set them: a container
 * inherits them from the pod (and a value the user sets on the pod is the user's choice for every container).
 */
export function restrictedContainerSecurityContext(user: k8s.SecurityContext = {}, pod: k8s.PodSecurityContext = {}): k8s.SecurityContext {
  const capabilities: k8s.Capabilities = Object.assign({ drop: ['ALL'] }, setFields(user.capabilities ?? {}));
  return Object.assign(
    pod.runAsNonRoot === undefined ? { runAsNonRoot: true } : {},
    { allowPrivilegeEscalation: false },
    pod.seccompProfile === undefined ? { seccompProfile: { type: 'RuntimeDefault' } } : {},
    setFields(user),
    { capabilities },
  );
}

/** Sidecars and init containers get the same hardening as the main container. */
export function hardenContainer(container: k8s.Container, pod: k8s.PodSecurityContext): k8s.Container {
  return Object.assign({}, container, { securityContext: restrictedContainerSecurityContext(container.securityContext, pod) });
}
