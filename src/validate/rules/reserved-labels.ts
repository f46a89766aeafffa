import { at } from './rule';
import type { Rule } from './rule';
import type { Violation } from '../../base/errors';
import { RESERVED_LABEL_PREFIX } from '../../base/labels';
import type { SupersetInstanceProps } from '../../spec';
import { violation } from '../violations';

/** A label map of the props, and where it is. */
interface LabelMap {
  readonly path: string;
  readonly labels: Record<string, unknown>;
}

/** Free-form data of the spec, whose `labels` keys (if any) are not Kubernetes labels. */
const FREE_FORM = new Set(['websocketServer.config']);

/**
 * Every `labels` map the user writes (deployment, pod, Service, ServiceMonitor, PrometheusRule, HTTPRoute,
 * Ingress labels, at any level), found by walking the props, so a label map added later is covered too. Selectors
 * (`matchLabels`) are not label maps: selecting by a reserved label is legitimate. Props may come from anywhere, so
 * an object met again on the way (a structure that contains itself) is not walked twice.
 */
function labelMaps(value: unknown, path: string, seen = new WeakSet<object>()): LabelMap[] {
  if (typeof value !== 'object' || value === null || seen.has(value) || FREE_FORM.has(path)) return [];
  seen.add(value);
  if (Array.isArray(value)) return value.flatMap((item, i) => labelMaps(item, `${path}[${i}]`, seen));
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = at(path, key);
    if (key === 'labels' && typeof child === 'object' && child !== null && !Array.isArray(child)) {
      return [{ path: childPath, labels: child as Record<string, unknown> }];
    }
    return labelMaps(child, childPath, seen);
  });
}

/**
 * Labels under `superset.apache.org/` tie objects to their instance (NetworkPolicies, selectors and pruning rely on
 * `superset.apache.org/parent`), so a user label there could make one instance's objects pass for another's. The
 * resolver never copies them; this rule refuses them, so nothing the user wrote is dropped silently.
 */
export const reservedLabels: Rule = (props: SupersetInstanceProps): Violation[] => reservedLabelsIn(props);

/** The reserved label keys in every label map of `props` (any props: an instance's, a construct's). */
export function reservedLabelsIn(props: unknown): Violation[] {
  return labelMaps(props, '').flatMap(({ path, labels }) => {
    const reserved = Object.keys(labels).filter((key) => key.startsWith(RESERVED_LABEL_PREFIX));
    return reserved.length === 0 ? [] : [violation(path,
      `label keys under ${RESERVED_LABEL_PREFIX} are reserved: the library sets them to tie objects to their instance`,
      Object.fromEntries(reserved.map((key) => [key, labels[key]])),
      `remove ${reserved.join(', ')} or use another prefix`)];
  });
}

export const RESERVED_LABEL_RULES: readonly Rule[] = [reservedLabels];
