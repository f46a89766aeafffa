import { isHostname } from '../base/patterns';

/**
 * Throws when a host name is not RFC 1123 (a `*.` prefix allowed). The instance's props are validated already;
 * this guards the routing constructs when they are used on their own.
 */
export function assertHostnames(construct: string, field: string, hosts: readonly (string | undefined)[]): void {
  const bad = hosts.find((host) => host !== undefined && host !== '' && !isHostname(host));
  if (bad !== undefined) {
    throw new Error(`${construct}: ${field} must be RFC 1123 host names (optionally starting with '*.'), got ${JSON.stringify(bad)}`);
  }
}
