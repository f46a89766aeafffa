import type { ResolvedComponent } from '../base/model/instance';
import type { ResolvedQueueScaling, ResolvedSecretTarget } from '../base/model/queue-scaling';
import { DEFAULT_VALKEY_PORT } from '../base/ports';
import type { QueueScalingSpec, ValkeySpec } from '../spec';

/**
 * The name of the Valkey list that holds this instance's waiting Celery tasks. The rendered Celery configuration
 * names the default queue after the scope `<namespace>.<instance>` and prefixes every kombu key with the scope and a
 * dot (`global_keyprefix`), so kombu pushes tasks onto `<scope>.<scope>`. Tasks with a priority above 2 or routed to
 * other queues go to other lists, which this does not count.
 */
export function celeryQueueListName(namespace: string, instanceName: string): string {
  const scope = `${namespace}.${instanceName}`;
  return `${scope}.${scope}`;
}

/**
 * The KEDA ScaledObject and TriggerAuthentication of the workers: the Redis list scaler on the instance's queue, on the
 * broker's database, with TLS as `valkey.ssl` says (KEDA cannot read the pods' certificate files: `tls` gives it PEM
 * contents by Secret reference), and the password and TLS material only by reference.
 */
export function resolveQueueScaling(
  spec: QueueScalingSpec, valkey: ValkeySpec, worker: ResolvedComponent, instanceName: string, namespace: string,
): ResolvedQueueScaling {
  const port = valkey.port ?? DEFAULT_VALKEY_PORT;
  const trigger: Record<string, string> = {
    // IPv6 literals need brackets in host:port.
    address: `${valkey.host.includes(':') ? `[${valkey.host}]` : valkey.host}:${port}`,
    listName: celeryQueueListName(namespace, instanceName),
    listLength: String(spec.tasksPerReplica ?? 5),
    databaseIndex: String(valkey.celeryBroker?.database ?? 0),
  };
  if (valkey.username) trigger.username = valkey.username;
  if (valkey.ssl) {
    trigger.enableTLS = 'true';
    if (valkey.ssl.certRequired === 'none') trigger.unsafeSsl = 'true';
  }
  const tls = spec.tls ?? {};
  const secretTargets: ResolvedSecretTarget[] = [
    ...(valkey.passwordFrom ? [{ parameter: 'password' as const, secret: valkey.passwordFrom }] : []),
    ...(tls.caFrom ? [{ parameter: 'ca' as const, secret: tls.caFrom }] : []),
    ...(tls.certFrom ? [{ parameter: 'cert' as const, secret: tls.certFrom }] : []),
    ...(tls.keyFrom ? [{ parameter: 'key' as const, secret: tls.keyFrom }] : []),
  ];
  return {
    name: worker.name,
    namespace,
    labels: worker.labels,
    minReplicas: spec.minReplicas ?? 1,
    maxReplicas: spec.maxReplicas,
    idleReplicas: spec.scaleToZero ? 0 : undefined,
    pollingSeconds: spec.pollingSeconds ?? 30,
    cooldownSeconds: spec.cooldownSeconds ?? 300,
    trigger,
    secretTargets,
  };
}
