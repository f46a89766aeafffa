import { prerequisiteAnnotations } from './delivery';
import { parentLabels } from '../../base/labels';
import { mergeMaps } from '../../base/merge';
import type { ResolvedServiceAccount } from '../../base/model/pod';
import type { LifecycleDelivery, SupersetSpec } from '../../spec';

/**
 * The ServiceAccount the lifecycle Jobs run as when they are hooks: `<name>-lifecycle`, a hook itself, ordered
 * before them, so that it exists on the first install. The instance's ServiceAccount is then never a hook: it is
 * not deleted and recreated under running pods on every sync. It carries the instance ServiceAccount's annotations
 * (cloud identities), and like it no API token.
 *
 * Undefined with `Plain` delivery, where the Jobs are ordinary objects, and with `serviceAccount.create: false`,
 * where the Jobs run as the existing ServiceAccount.
 */
export function lifecycleServiceAccount(spec: SupersetSpec, instance: string, delivery: LifecycleDelivery): ResolvedServiceAccount | undefined {
  const hook = prerequisiteAnnotations(delivery);
  const sa = spec.serviceAccount ?? {};
  if (hook === undefined || sa.create === false) return undefined;
  return {
    name: `${instance}-lifecycle`,
    create: true,
    labels: parentLabels(instance),
    annotations: mergeMaps(sa.annotations, hook),
  };
}
