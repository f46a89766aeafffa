import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../base/manifest';
import { nonEmpty } from '../base/merge';
import type { ResolvedComponent, ResolvedConfigMap, ResolvedService } from '../base/model/instance';
import type { ResolvedServiceAccount } from '../base/model/pod';

/** The component's Deployment. */
export function deploymentManifest(c: ResolvedComponent): Manifest<k8s.Deployment> {
  const d = c.deployment;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(c.name, c.namespace, d.labels, d.annotations),
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: c.labels },
      revisionHistoryLimit: d.revisionHistoryLimit,
      minReadySeconds: d.minReadySeconds,
      progressDeadlineSeconds: d.progressDeadlineSeconds,
      strategy: d.strategy,
      template: {
        metadata: { labels: c.pod.labels, annotations: c.pod.annotations },
        spec: c.pod.spec,
      },
    },
  };
}

/** The component's ConfigMap (`superset_config.py`, bootstrap script or websocket `config.json`). */
export function configMapManifest(c: ResolvedComponent, configMap: NonNullable<ResolvedComponent['configMap']>): Manifest<k8s.ConfigMap> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(configMap.name, c.namespace, c.labels),
    data: configMap.data,
  };
}

/** A ConfigMap of what the instance's Python pods share (files, or plain variables). */
export function sharedConfigMapManifest(shared: ResolvedConfigMap, namespace: string | undefined): Manifest<k8s.ConfigMap> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: objectMeta(shared.name, namespace, shared.labels), data: shared.data };
}

/** The component's Service: one TCP port named `http` aimed at the first container port. */
export function serviceManifest(c: ResolvedComponent, service: ResolvedService): Manifest<k8s.Service> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(service.name, c.namespace, service.labels, service.annotations),
    spec: {
      type: service.type,
      selector: service.selector,
      ports: [
        { name: 'http', port: service.port, targetPort: service.targetPort, protocol: 'TCP', nodePort: service.nodePort },
        ...service.extraPorts ?? [],
      ],
    },
  };
}

/** The component's HorizontalPodAutoscaler (`autoscaling/v2`). */
export function autoscalerManifest(c: ResolvedComponent, autoscaling: NonNullable<ResolvedComponent['autoscaling']>): Manifest<k8s.HorizontalPodAutoscaler> {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: objectMeta(c.name, c.namespace, c.labels),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: c.name },
      minReplicas: autoscaling.minReplicas,
      maxReplicas: autoscaling.maxReplicas,
      metrics: nonEmpty(autoscaling.metrics),
    },
  };
}

/** The component's PodDisruptionBudget (`policy/v1`). */
export function disruptionBudgetManifest(c: ResolvedComponent, budget: NonNullable<ResolvedComponent['podDisruptionBudget']>): Manifest<k8s.PodDisruptionBudget> {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: objectMeta(c.name, c.namespace, c.labels),
    spec: {
      selector: { matchLabels: c.labels },
      minAvailable: budget.minAvailable,
      maxUnavailable: budget.maxUnavailable,
    },
  };
}

/** The instance's ServiceAccount, which mounts no API token. */
export function serviceAccountManifest(sa: ResolvedServiceAccount, namespace: string | undefined): Manifest<k8s.ServiceAccount> {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: objectMeta(sa.name, namespace, sa.labels, sa.annotations),
    automountServiceAccountToken: false,
  };
}
