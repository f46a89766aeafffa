export * from './spec';
export * from './superset-instance';
export { SupersetSpecError } from './validation/spec-error';
export type { Violation } from './validation/violation';
export * from './components/superset-component';
export * from './components/web-server';
export * from './components/celery-worker';
export * from './components/celery-beat';
export * from './components/celery-flower';
export * from './components/websocket-server';
export * from './components/mcp-server';
export * from './networking/gateway-routing';
export * from './networking/ingress-routing';
export * from './security/instance-network-policy';
export * from './monitoring/monitoring-stack';
export type { MonitoringModel, ScrapeTarget } from './monitoring/model';
export * from './lifecycle/lifecycle-jobs';
export * from './dev/dev-dependencies';
export type { ResolvedLifecycle, ResolvedTask, ResolvedTaskConfigMap, ResolvedTaskPod } from './lifecycle/model';
export type { TaskType } from './lifecycle/task-types';
export type {
  ResolvedComponent, ResolvedInstance, ResolvedPodSpec, ResolvedRoute, ResolvedService, ResolvedServiceAccount,
} from './resolve/model';
export type { ComponentType } from './resolve/component-types';
export type { Labels } from './resolve/labels';
export type * as k8s from '../imports/k8s';
// The generated CRD bindings behind the typed children (`route`, `serviceMonitor`, `prometheusRule`).
export * as gatewayApi from '../imports/gateway.networking.k8s.io';
export * as prometheusOperator from '../imports/monitoring.coreos.com';
