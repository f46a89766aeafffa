import type * as k8s from '../../imports/k8s';

/** The UID and GID of the `superset` user in the official Superset image. */
export const SUPERSET_UID = 1000;

/**
 * Pod-level settings that meet the Pod Security Standard `restricted` profile. The user's fields win one by one,
 * so setting `fsGroup` alone keeps the rest of the hardening.
 */
export function restrictedPodSecurityContext(user: k8s.PodSecurityContext = {}): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: SUPERSET_UID,
    runAsGroup: SUPERSET_UID,
    fsGroup: SUPERSET_UID,
    seccompProfile: { type: 'RuntimeDefault' },
    ...user,
  };
}

/** Container-level settings that meet the `restricted` profile; the user's fields win one by one. */
export function restrictedContainerSecurityContext(user: k8s.SecurityContext = {}): k8s.SecurityContext {
  return {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
    ...user,
  };
}

/** Sidecars and init containers get the same hardening as the main container. */
export function hardenContainer(container: k8s.Container): k8s.Container {
  return { ...container, securityContext: restrictedContainerSecurityContext(container.securityContext) };
}
