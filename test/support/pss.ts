// The `restricted` Pod Security Standard (Kubernetes 1.28: the restricted and baseline checks of
// k8s.io/pod-security-admission, but for AppArmor annotations and Windows host processes), evaluated on a pod spec
// as the kubelet applies it: a container's runAsNonRoot and seccompProfile come from the pod's security context
// unless the container sets its own.

const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
const ALLOWED_SECCOMP = ['RuntimeDefault', 'Localhost'];
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
];
const ALLOWED_SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];

/** SELinux options may only pick an allowed type; user and role are never set. */
function seLinuxProblems(where: string, options: any): string[] {
  if (!options) return [];
  const problems = ALLOWED_SELINUX_TYPES.includes(options.type ?? '') ? [] : [`${where}: seLinuxOptions.type ${options.type}`];
  return [...problems, ...['user', 'role'].filter((field) => options[field]).map((field) => `${where}: seLinuxOptions.${field}`)];
}

/** Every violation of the `restricted` profile in a pod spec, one line each; empty when the pod meets it. */
export function restrictedViolations(pod: any): string[] {
  const problems: string[] = [];
  const podContext = pod.securityContext ?? {};
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) if (pod[field]) problems.push(`pod: ${field}`);
  for (const volume of pod.volumes ?? []) {
    const type = Object.keys(volume).find((key) => key !== 'name');
    if (!type || !ALLOWED_VOLUMES.includes(type)) problems.push(`volume ${volume.name}: type ${type}`);
  }
  if (podContext.runAsUser === 0) problems.push('pod: runAsUser 0');
  if (podContext.runAsNonRoot === false) problems.push('pod: runAsNonRoot false');
  for (const sysctl of podContext.sysctls ?? []) if (!SAFE_SYSCTLS.includes(sysctl.name)) problems.push(`pod: sysctl ${sysctl.name}`);
  problems.push(...seLinuxProblems('pod', podContext.seLinuxOptions));
  if (podContext.seccompProfile && !ALLOWED_SECCOMP.includes(podContext.seccompProfile.type)) problems.push('pod: seccompProfile');
  for (const container of [...pod.initContainers ?? [], ...pod.containers ?? [], ...pod.ephemeralContainers ?? []]) {
    const context = container.securityContext ?? {};
    const where = `container ${container.name}`;
    if (context.privileged) problems.push(`${where}: privileged`);
    if (context.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
    if (!(context.capabilities?.drop ?? []).includes('ALL')) problems.push(`${where}: capabilities do not drop ALL`);
    for (const added of context.capabilities?.add ?? []) if (added !== 'NET_BIND_SERVICE') problems.push(`${where}: adds ${added}`);
    if ((context.runAsNonRoot ?? podContext.runAsNonRoot) !== true) problems.push(`${where}: runAsNonRoot is not true`);
    if (context.runAsUser === 0) problems.push(`${where}: runAsUser 0`);
    if (!ALLOWED_SECCOMP.includes((context.seccompProfile ?? podContext.seccompProfile)?.type)) problems.push(`${where}: seccompProfile`);
    for (const port of container.ports ?? []) if (port.hostPort) problems.push(`${where}: hostPort ${port.hostPort}`);
    if ((context.procMount ?? 'Default') !== 'Default') problems.push(`${where}: procMount ${context.procMount}`);
    problems.push(...seLinuxProblems(where, context.seLinuxOptions));
  }
  return problems;
}
