import type { ComponentType } from '../base/component-types';
import { SupersetInternalError } from '../base/errors';
import type { MonitoringModel } from '../base/model/monitoring';
import { NAME_HASH_LENGTH, TASK_TYPES } from '../base/task-types';

/*
 * PromQL building blocks that scope every query to one instance: its namespace plus its pods (by owner), its
 * Deployments, its Jobs or its scraped Services. Names are DNS labels, so they need no escaping inside the literals.
 */

/**
 * Whose series a query reads: an instance's namespace and name, and its components that run as Deployments. The
 * alert rules give one instance's; the shared dashboard gives Grafana's variables (`$namespace`, `$instance`),
 * which Grafana replaces with the selected DNS labels before the query reaches Prometheus.
 */
export type QueryScope = Pick<MonitoringModel, 'namespace' | 'instance' | 'components'>;

/** A PromQL string literal. */
export function literal(value: string): string {
  return JSON.stringify(value);
}

/** `label="value"`. */
export function eq(label: string, value: string): string {
  return `${label}=${literal(value)}`;
}

/** `label=~"regex"` (Prometheus anchors the regex at both ends). */
export function matches(label: string, regex: string): string {
  return `${label}=~${literal(regex)}`;
}

/** `label!="value"`. */
export function ne(label: string, value: string): string {
  return `${label}!=${literal(value)}`;
}

/** `metric{matcher, ...}`. */
export function selector(metric: string, ...matchers: string[]): string {
  return `${metric}{${matchers.join(', ')}}`;
}

/**
 * The instance's Deployment pods by their owner (kube-state-metrics `kube_pod_owner`): the ReplicaSets
 * `<instance>-<component>-<pod-template-hash>`. A ReplicaSet is named after its Deployment plus one hyphen-free
 * segment, and Deployment names are unique in a namespace, so this is exact: pods of an instance whose name extends
 * this one (`<instance>-web`), of other workloads whose names look alike, of Jobs or of no owner never pass, and the
 * pods' own names, which Kubernetes cuts short for long instance names, do not matter.
 */
export function ownedPods(model: QueryScope): string {
  const replicaSets = `${model.instance}-(${model.components.join('|')})-[^-]+`;
  return selector('kube_pod_owner', eq('namespace', model.namespace), eq('owner_kind', 'ReplicaSet'), matches('owner_name', replicaSets));
}

/**
 * `expr` (whose series carry `namespace` and `pod`) restricted to the pods of the instance's Deployments. The join
 * alone decides which pods count; `expr` only narrows what it reads (`podScope`).
 */
export function ofOwnPods(expr: string, model: QueryScope): string {
  return `(${expr})\nand on (namespace, pod) ${ownedPods(model)}`;
}

/**
 * The series of the pods in the instance's namespace whose names start with `<instance>-` (kube-state-metrics and
 * cAdvisor series carry `namespace` and `pod`): only for use inside `ofOwnPods`, which keeps the instance's own.
 * Every pod of the instance passes (a pod's name is its ReplicaSet's cut to 58 characters, and instance names are
 * at most 52 with a component); the prefix only spares Prometheus the other instances' pods of a shared namespace,
 * which would otherwise make each instance's rules read every instance's series.
 */
export function podScope(model: QueryScope): string[] {
  return [eq('namespace', model.namespace), matches('pod', `${model.instance}-.+`)];
}

/** cAdvisor's per-container series (see podScope), without the pod-level and pause-container cgroups. */
export function containerScope(model: QueryScope): string[] {
  return [...podScope(model), ne('container', ''), ne('container', 'POD')];
}

/** One component's Deployment (kube-state-metrics `kube_deployment_*`). */
export function deploymentScope(model: QueryScope, component: ComponentType): string[] {
  return [eq('namespace', model.namespace), eq('deployment', `${model.instance}-${component}`)];
}

/**
 * The instance's lifecycle Jobs (kube-state-metrics `kube_job_*`): `<instance>-<task>` as hooks,
 * `<instance>-<task>-<hash>` when named after their content, and `<instance>-seed-<minute>`, the Jobs the
 * CronJob of a scheduled seed creates.
 */
export function jobScope(model: QueryScope): string[] {
  const tasks = `${model.instance}-(${TASK_TYPES.join('|')})(-[0-9a-f]{${NAME_HASH_LENGTH}})?`;
  return [eq('namespace', model.namespace), matches('job_name', `${tasks}|${model.instance}-seed-[0-9]+`)];
}

/** Series scraped through one of the instance's ServiceMonitors (prometheus-operator sets `service`). */
export function serviceScope(model: MonitoringModel, component: ComponentType): string[] {
  const target = model.targets.find((t) => t.component === component);
  if (!target) throw new SupersetInternalError(`no scrape target for ${component}`);
  return [eq('namespace', model.namespace), eq('service', target.service)];
}

/**
 * The queue length KEDA exports for the workers' ScaledObject (`keda_scaler_metrics_value`, from the KEDA operator's
 * metrics endpoint: the length of the instance's Celery list as the Redis list scaler last read it), as
 * `apply(selector)` for each form the series takes, joined by `or`. KEDA labels it with the ScaledObject's
 * namespace, but the scrape of the operator's own pod sets `namespace` to the operator's, so Prometheus keeps KEDA's
 * as `exported_namespace`; only a scrape that honours labels keeps it as `namespace` (and has no
 * `exported_namespace`, which keeps a ScaledObject of another namespace out when KEDA runs in this one).
 */
export function queueLength(model: MonitoringModel, apply: (series: string) => string = (series) => series): string {
  if (!model.queueLength) throw new SupersetInternalError('no queue scaling to read the queue length of');
  return scaledObjectQueueLength(model.namespace, model.queueLength.scaledObject, apply);
}

/** `queueLength` of the ScaledObject `scaledObject` in `namespace`. */
export function scaledObjectQueueLength(namespace: string, scaledObject: string, apply: (series: string) => string = (series) => series): string {
  const own = [eq('scaledObject', scaledObject), eq('triggerIndex', '0')];
  return [
    selector('keda_scaler_metrics_value', eq('exported_namespace', namespace), ...own),
    selector('keda_scaler_metrics_value', eq('namespace', namespace), eq('exported_namespace', ''), ...own),
  ].map(apply).join(' or ');
}
