import type { MonitoringModel } from './model';
import type { ComponentType } from '../resolve/component-types';

/*
 * PromQL building blocks that scope every query to one instance: its namespace plus its pods (by name), its
 * Deployments or its scraped Services. Names are DNS labels, so they need no escaping inside the literals.
 */

/** A PromQL string literal. */
function literal(value: string): string {
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
 * The names of the instance's pods: `<instance>-<component>-<ReplicaSet hash>-<pod suffix>`, as a Deployment
 * names them. The two hash segments have no hyphen, so pods of an instance whose name merely starts the same
 * (`demo` and `demo-web`) never match each other.
 */
export function podNamePattern(model: MonitoringModel): string {
  return `${model.instance}-(${model.components.join('|')})-[a-z0-9]+-[a-z0-9]+`;
}

/** The instance's pods (kube-state-metrics and cAdvisor series carry `namespace` and `pod`). */
export function podScope(model: MonitoringModel): string[] {
  return [eq('namespace', model.namespace), matches('pod', podNamePattern(model))];
}

/** cAdvisor's per-container series, without the pod-level and pause-container cgroups. */
export function containerScope(model: MonitoringModel): string[] {
  return [...podScope(model), ne('container', ''), ne('container', 'POD')];
}

/** One component's Deployment (kube-state-metrics `kube_deployment_*`). */
export function deploymentScope(model: MonitoringModel, component: ComponentType): string[] {
  return [eq('namespace', model.namespace), eq('deployment', `${model.instance}-${component}`)];
}

/** Series scraped through one of the instance's ServiceMonitors (prometheus-operator sets `service`). */
export function serviceScope(model: MonitoringModel, component: ComponentType): string[] {
  const target = model.targets.find((t) => t.component === component);
  if (!target) throw new Error(`no scrape target for ${component}`);
  return [eq('namespace', model.namespace), eq('service', target.service)];
}
