export * from './spec';
export * from './constructs/superset-instance';
export * from './constructs/superset-app';
export * from './constructs/instance-reference';
export * from './validate/resource';
export { SupersetValidationError, type Violation } from './base/errors';
export * from './constructs/superset-component';
export * from './constructs/web-server';
export * from './constructs/celery-worker';
export * from './constructs/celery-beat';
export * from './constructs/celery-flower';
export * from './constructs/websocket-server';
export * from './constructs/mcp-server';
export * from './constructs/gateway-routing';
export * from './constructs/ingress-routing';
export * from './constructs/instance-network-policy';
export * from './constructs/monitoring-stack';
export * from './constructs/superset-dashboard';
export type { MonitoringModel, ScrapeTarget } from './base/model/monitoring';
export * from './constructs/lifecycle-jobs';
export * from './constructs/dev-dependencies';
export type { ResolvedLifecycle, ResolvedTask, ResolvedTaskConfigMap, ResolvedTaskPod } from './base/model/lifecycle';
export type { ResolvedComponent, ResolvedConfigMap, ResolvedInstance, ResolvedRoute, ResolvedService } from './base/model/instance';
export type { ResolvedPodSpec, ResolvedServiceAccount } from './base/model/pod';
export type { ComponentType } from './base/component-types';
export type { Labels } from './base/labels';
/** Kubernetes 1.28 types the props use (generated bindings; not listed in API.md). @hidden */
export * as k8s from '../imports/k8s';
// The generated CRD bindings behind the typed children (`route`, `serviceMonitor`, `prometheusRule`); API.md leaves
// them out (@hidden): they mirror the CRD schemas and would triple its size.
/** Gateway API bindings (generated). @hidden */
export * as gatewayApi from '../imports/gateway.networking.k8s.io';
/** prometheus-operator bindings (generated). @hidden */
export * as prometheusOperator from '../imports/monitoring.coreos.com';
export type { TaskType } from './base/task-types';
