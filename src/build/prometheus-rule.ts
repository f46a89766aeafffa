import { type PrometheusRuleProps, PrometheusRuleSpecGroupsRulesExpr } from '../../imports/monitoring.coreos.com';
import type { Labels } from '../base/labels';
import type { MonitoringModel } from '../base/model/monitoring';
import { SUPERSET_METRICS } from '../base/monitoring-names';
import { DUMP_TIME_PATTERN } from '../base/names';
import { SCHEMA_WAIT_CONTAINER } from '../base/task-types';
import {
  containerScope, deploymentScope, eq, jobScope, literal, matches, ofOwnPods, podScope, queueLength, selector, serviceScope,
} from '../render/promql';

/** One alert of the instance's PrometheusRule. */
export interface AlertRule {
  /** Alert name, unique within the rule. */
  readonly alert: string;
  /** PromQL, scoped to the instance's namespace and pods, Deployments or Services. */
  readonly expr: string;
  /** How long the condition must hold. */
  readonly for: string;
  readonly severity: 'warning' | 'critical';
  readonly summary: string;
  readonly description: string;
}

/** `sum by (namespace, pod, container) (expr)`: one series per container, whatever else the scrape added. */
function perContainer(expr: string): string {
  return `sum by (namespace, pod, container) (${expr})`;
}

/** `max by (namespace, deployment) (metric{...})`: one series per Deployment, even with replicated kube-state-metrics. */
function perDeployment(metric: string, scope: string[]): string {
  return `max by (namespace, deployment) (${selector(metric, ...scope)})`;
}

/** Usage of a resource against the containers' limit; containers without that limit have no series. */
function usageOverLimit(usage: string, resource: 'cpu' | 'memory', model: MonitoringModel, threshold: number): string {
  const limit = selector('kube_pod_container_resource_limits', ...podScope(model), eq('resource', resource));
  return ofOwnPods([perContainer(usage), '/', perContainer(limit), `> ${threshold}`].join('\n'), model);
}

function podAlerts(model: MonitoringModel, who: string): AlertRule[] {
  const restarts = selector('kube_pod_container_status_restarts_total', ...podScope(model));
  const waiting = selector('kube_pod_container_status_waiting_reason', ...podScope(model), eq('reason', 'CrashLoopBackOff'));
  const memory = selector('container_memory_working_set_bytes', ...containerScope(model));
  const cpu = `rate(${selector('container_cpu_usage_seconds_total', ...containerScope(model))}[5m])`;
  return [
    {
      alert: 'SupersetPodCrashLooping',
      expr: ofOwnPods([`${perContainer(`increase(${restarts}[15m])`)} > 3`, 'or', `${perContainer(`max_over_time(${waiting}[5m])`)} >= 1`].join('\n'), model),
      for: '10m',
      severity: 'warning',
      summary: `A pod of ${who} is crash-looping`,
      description: 'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} restarted more than '
        + '3 times in 15 minutes or is waiting in CrashLoopBackOff.',
    },
    {
      alert: 'SupersetContainerMemoryNearLimit',
      expr: usageOverLimit(memory, 'memory', model, 0.9),
      for: '5m',
      severity: 'warning',
      summary: `A container of ${who} is close to its memory limit`,
      description: 'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} uses '
        + '{{ $value | humanizePercentage }} of its memory limit; it is OOM-killed at 100%.',
    },
    {
      alert: 'SupersetContainerCpuNearLimit',
      expr: usageOverLimit(cpu, 'cpu', model, 0.8),
      for: '5m',
      severity: 'warning',
      summary: `A container of ${who} is close to its CPU limit`,
      description: 'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} uses '
        + '{{ $value | humanizePercentage }} of its CPU limit and is being throttled.',
    },
  ];
}

function workloadAlerts(model: MonitoringModel, who: string): AlertRule[] {
  const has = (component: string) => model.components.some((c) => c === component);
  const available = (component: 'web-server' | 'celery-beat') =>
    perDeployment('kube_deployment_status_replicas_available', deploymentScope(model, component));
  const desired = perDeployment('kube_deployment_spec_replicas', deploymentScope(model, 'web-server'));
  const web: AlertRule[] = has('web-server') ? [
    {
      alert: 'SupersetWebServerReplicasUnavailable',
      expr: [available('web-server'), '< on (namespace, deployment)', desired].join('\n'),
      for: '15m',
      severity: 'warning',
      summary: `The web server of ${who} runs fewer replicas than desired`,
      description: 'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} has had only {{ $value }} available '
        + 'replicas for 15 minutes.',
    },
    {
      alert: 'SupersetWebServerDown',
      expr: [`${available('web-server')} == 0`, 'and on (namespace, deployment)', `${desired} > 0`].join('\n'),
      for: '5m',
      severity: 'critical',
      summary: `The web server of ${who} is down`,
      description: 'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} has no available replica: Superset is '
        + 'unreachable.',
    },
  ] : [];
  const beat: AlertRule[] = has('celery-beat') ? [{
    alert: 'SupersetCeleryBeatNotRunning',
    expr: `${available('celery-beat')} < 1`,
    for: '10m',
    severity: 'warning',
    summary: `Celery beat of ${who} is not running`,
    description: 'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} has no available replica: scheduled '
      + 'reports, alerts and cache warm-ups are not being queued.',
  }] : [];
  // Flower sees workers through their heartbeats; without Flower there is no worker-level signal to use.
  const workers = has('celery-flower') && has('celery-worker') ? [noWorkerOnline(model, who)] : [];
  return [...web, ...beat, ...workers];
}

/**
 * No Celery worker online. With queue scaling to zero, no worker is the normal state of an empty queue: the alert
 * then fires only while tasks wait, so KEDA failing to start a worker still alerts.
 */
function noWorkerOnline(model: MonitoringModel, who: string): AlertRule {
  const online = selector('flower_worker_online', ...serviceScope(model, 'celery-flower'));
  const none = [`sum by (namespace) (${online}) < 1`, 'or', `absent(${online})`];
  const scalesToZero = model.queueLength?.scalesToZero === true;
  return {
    alert: 'SupersetNoCeleryWorkerOnline',
    expr: (scalesToZero ? ['(', ...none.map((line) => `  ${line}`), `) and on () max(${queueLength(model)}) > 0`] : none).join('\n'),
    for: '5m',
    severity: 'critical',
    summary: `No Celery worker of ${who} is online`,
    description: `Flower reports no online Celery worker (or reports nothing)${scalesToZero ? ' while tasks wait in the queue' : ''}: `
      + 'SQL Lab async queries, reports and thumbnails are not being processed.',
  };
}

/**
 * With queue scaling, the Celery queue growing for 10 minutes: the trend over each 5 minutes has been upward for 10
 * minutes, so the workers (at their maximum, or not starting) do not keep up. A queue that grows and drains in bursts
 * does not fire.
 */
function queueAlerts(model: MonitoringModel, who: string): AlertRule[] {
  if (!model.queueLength) return [];
  return [{
    alert: 'SupersetCeleryQueueGrowing',
    // Grouped by ScaledObject alone (the series' `namespace` may be KEDA's), then labelled with the instance's.
    expr: `label_replace(max by (scaledObject) (${queueLength(model, (series) => `deriv(${series}[5m])`)}), "namespace", ${literal(model.namespace)}, "", "") > 0`,
    for: '10m',
    severity: 'warning',
    summary: `The Celery queue of ${who} has been growing for 10 minutes`,
    description: 'The Celery queue of ScaledObject {{ $labels.namespace }}/{{ $labels.scaledObject }} has grown for 10 '
      + 'minutes: the workers do not keep up (at celeryWorker.queueScaling.maxReplicas, or pods not starting).',
  }];
}

/**
 * A lifecycle Job that failed for good (its `Failed` condition, set once its retries or its deadline are spent; a
 * failed attempt that a retry makes good does not count), and with `Plain` delivery, pods still waiting for
 * migrations after 30 minutes.
 */
function lifecycleAlerts(model: MonitoringModel, who: string): AlertRule[] {
  if (!model.lifecycle) return [];
  const failed = selector('kube_job_failed', ...jobScope(model), eq('condition', 'true'));
  const waiting = selector('kube_pod_init_container_status_running', ...podScope(model), eq('container', SCHEMA_WAIT_CONTAINER));
  return [
    {
      alert: 'SupersetLifecycleJobFailed',
      expr: `max by (namespace, job_name) (${failed}) > 0`,
      for: '1m',
      severity: 'critical',
      summary: `A lifecycle Job of ${who} failed`,
      description: 'Job {{ $labels.namespace }}/{{ $labels.job_name }} failed after its last attempt: the metastore may '
        + 'not be migrated or initialised. Read its logs, fix the cause, then run the task again (with Plain delivery, '
        + 'change its trigger).',
    },
    ...(model.lifecycle.schemaWait ? [{
      alert: 'SupersetPodWaitingForMigrations',
      expr: ofOwnPods(`max by (namespace, pod) (${waiting}) == 1`, model),
      for: '30m',
      severity: 'warning' as const,
      summary: `A pod of ${who} has been waiting for migrations for 30 minutes`,
      description: `Pod {{ $labels.namespace }}/{{ $labels.pod }} is still in its ${SCHEMA_WAIT_CONTAINER} init container: `
        + 'the migrate Job has not finished, or the metastore is at a revision this image does not know (see the init '
        + 'container\'s log).',
    }] : []),
  ];
}

/**
 * With `backup`: a backup Job that failed for good and started after the last successful backup (so the failed
 * Job the CronJob keeps in its history stops alerting once a later run succeeds), no successful backup for twice
 * the longest gap between two scheduled runs (counted from the CronJob's creation until the first success), and a
 * restore Job that failed. The restore rule does not depend on `restore` being set: with GitOps the Job is applied
 * by hand from a rendering Git never holds, and it stays after `restore` is removed.
 */
function backupAlerts(model: MonitoringModel, who: string): AlertRule[] {
  if (!model.backup) return [];
  const namespace = eq('namespace', model.namespace);
  const cronJob = [namespace, eq('cronjob', model.backup.cronJob)];
  const jobs = [namespace, matches('job_name', `${model.backup.cronJob}-[0-9]+`)];
  const lastSuccess = `max by (namespace) (${selector('kube_cronjob_status_last_successful_time', ...cronJob)})`;
  const never = `label_replace(vector(0), "namespace", ${JSON.stringify(model.namespace)}, "", "")`;
  const failed = `max by (namespace, job_name) (${selector('kube_job_failed', ...jobs, eq('condition', 'true'))}) == 1`;
  const started = `max by (namespace, job_name) (${selector('kube_job_status_start_time', ...jobs)})`;
  const allowed = 2 * model.backup.intervalSeconds;
  const created = `max by (namespace, cronjob) (${selector('kube_cronjob_created', ...cronJob)})`;
  const succeeded = `max by (namespace, cronjob) (${selector('kube_cronjob_status_last_successful_time', ...cronJob)})`;
  // `<instance>-restore-` and the dump's time in lower case, as the Job is named.
  const restores = [namespace, matches('job_name', `${model.backup.restoreJobPrefix}${DUMP_TIME_PATTERN.toLowerCase()}`), eq('condition', 'true')];
  return [
    {
      alert: 'SupersetBackupFailed',
      expr: [`(${started} and on (namespace, job_name) (${failed}))`, '> on (namespace) group_left ()',
        `(${lastSuccess} or ${never})`].join('\n'),
      for: '1m',
      severity: 'critical',
      summary: `A metastore backup of ${who} failed`,
      description: 'Backup Job {{ $labels.namespace }}/{{ $labels.job_name }} failed after its last attempt and no '
        + 'backup has succeeded since. Read its logs (kubectl logs job/{{ $labels.job_name }} --all-containers).',
    },
    {
      alert: 'SupersetBackupMissing',
      expr: [`time() - ${succeeded} > ${allowed}`, 'or', `(time() - ${created} > ${allowed}`,
        `unless on (namespace, cronjob) ${succeeded})`].join('\n'),
      for: '5m',
      severity: 'critical',
      summary: `No successful metastore backup of ${who} for twice its schedule`,
      description: `CronJob {{ $labels.namespace }}/{{ $labels.cronjob }} has had no successful run for ${allowed} `
        + 'seconds (twice the longest gap in its schedule): runs fail, are skipped or do not start.',
    },
    {
      alert: 'SupersetRestoreFailed',
      expr: `max by (namespace, job_name) (${selector('kube_job_failed', ...restores)}) > 0`,
      for: '1m',
      severity: 'critical',
      summary: `A metastore restore of ${who} failed`,
      description: 'Restore Job {{ $labels.namespace }}/{{ $labels.job_name }} failed. Read its logs (kubectl logs '
        + 'job/{{ $labels.job_name }} --all-containers) before starting any writer: a PostgreSQL restore runs in one '
        + 'transaction and leaves the metastore as it was, a MySQL restore can stop part-way. Fix the cause, delete the '
        + 'Job and apply it again.',
    },
  ];
}

function requestAlerts(model: MonitoringModel, who: string): AlertRule[] {
  if (!model.requestMetrics) return [];
  const scope = serviceScope(model, 'web-server');
  const requests = (...extra: string[]) => `sum by (namespace) (rate(${selector(SUPERSET_METRICS.requests, ...scope, ...extra)}[5m]))`;
  const buckets = selector(`${SUPERSET_METRICS.requestDuration}_bucket`, ...scope);
  return [
    {
      alert: 'SupersetHighServerErrorRatio',
      expr: [requests(eq('outcome', 'error')), '/', requests(), '> 0.05'].join('\n'),
      for: '10m',
      severity: 'warning',
      summary: `The web server of ${who} fails more than 5% of API requests`,
      description: '{{ $value | humanizePercentage }} of Superset API requests in {{ $labels.namespace }} ended in a '
        + 'server error (5xx or an unhandled exception) over the last 5 minutes.',
    },
    {
      alert: 'SupersetHighRequestLatency',
      expr: `histogram_quantile(0.95, sum by (namespace, le) (rate(${buckets}[5m]))) > 2`,
      for: '10m',
      severity: 'warning',
      summary: `The web server of ${who} answers slowly`,
      description: 'The 95th percentile of Superset API request durations in {{ $labels.namespace }} is '
        + '{{ $value | humanizeDuration }}, above 2 seconds.',
    },
  ];
}

/**
 * The alerts of an instance, each matching only its pods, Deployments, Jobs or scraped Services: pods
 * crash-looping, containers near their memory (90%) or CPU (80%) limit, web server replicas unavailable or none at
 * all, Celery beat not running, no Celery worker online (with Flower), a failed lifecycle Job and pods waiting for
 * migrations (with the lifecycle), a failed or missing metastore backup (with `backup`), API server errors above 5%
 * or p95 latency above 2 s (with the exporter), and the Celery queue growing for 10 minutes (with queue scaling).
 */
export function alertRules(model: MonitoringModel): AlertRule[] {
  const who = `Superset ${model.namespace}/${model.instance}`;
  return [
    ...podAlerts(model, who), ...workloadAlerts(model, who), ...queueAlerts(model, who), ...lifecycleAlerts(model, who),
    ...backupAlerts(model, who), ...requestAlerts(model, who),
  ];
}

/**
 * The PrometheusRule `<instance>`: one group with every alert. (In a Helm chart, the escaping of
 * build/helm-delivery.ts leaves the annotations' `{{ … }}`, Prometheus' own templates, to Prometheus.)
 */
export function prometheusRuleProps(model: MonitoringModel, labels: Labels): PrometheusRuleProps {
  return {
    metadata: { name: model.instance, namespace: model.namespace, labels: { ...labels } },
    spec: {
      groups: [{
        name: `superset.${model.instance}`,
        rules: alertRules(model).map((rule) => ({
          alert: rule.alert,
          expr: PrometheusRuleSpecGroupsRulesExpr.fromString(rule.expr),
          for: rule.for,
          labels: { severity: rule.severity },
          annotations: { summary: rule.summary, description: rule.description },
        })),
      }],
    },
  };
}
