import { Chart } from 'cdk8s';
import { Construct, type IConstruct } from 'constructs';
import { escapeForHelm } from './helm-delivery';
import { KubeConfigMap } from '../../imports/k8s';
import type { Violation } from '../base/errors';
import { withManaged } from '../base/labels';
import { GRAFANA_DASHBOARD_LABEL } from '../base/monitoring-names';
import { DEFAULT_DASHBOARD, dashboardManifest } from '../build/dashboard';
import { reservedLabelsIn } from '../validate/rules/reserved-labels';
import { DASHBOARD } from '../validate/spec-schema';
import { validatePart } from '../validate/validate-part';
import { violation } from '../validate/violations';

/** Properties of `SupersetDashboard`: where its ConfigMap goes and what it carries. */
export interface SupersetDashboardProps {
  /**
   * Namespace of the ConfigMap: one the Grafana dashboard sidecar loads dashboards from (kube-prometheus-stack's
   * loads its own namespace's, or every namespace's with `sidecar.dashboards.searchNamespace: ALL`).
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Name of the ConfigMap.
   *
   * @default - `<uid>-dashboard`: `cdk8s-superset-dashboard` without a `uid`
   */
  readonly name?: string;
  /**
   * Extra labels. The sidecar loads ConfigMaps labelled `grafana_dashboard: "1"`, which is set unless you give that
   * key another value here.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Annotations, for example `grafana_folder` for a sidecar that reads the folder from one.
   *
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * The dashboard's uid, unique in a Grafana; the ConfigMap's file is `<uid>.json`. Give each dashboard of one Grafana
   * its own (with `instanceNamespaces`, say, for one dashboard per tenant in the tenant's folder).
   *
   * @default 'cdk8s-superset'
   */
  readonly uid?: string;
  /**
   * The dashboard's title.
   *
   * @default 'Superset'
   */
  readonly title?: string;
  /**
   * Offer only the instances in these namespaces (for example one tenant's, with the dashboard in that tenant's
   * Grafana folder). It narrows what the Namespace variable lists; what a viewer may read is their data source's
   * business (Grafana's data source permissions, or one data source per tenant). Not empty.
   *
   * @default - every namespace with an instance
   */
  readonly instanceNamespaces?: readonly string[];
  /**
   * The ConfigMap goes into a Helm chart (`cdk8s synth --format helm`): its `{{ … }}` (Grafana's legends) are escaped
   * so that Helm renders them back unchanged, as for an instance with `lifecycle.delivery: 'Helm'`.
   *
   * @default false
   */
  readonly helmChart?: boolean;
}

/** An empty list would offer no instance: refused rather than read as "every namespace". */
function emptyNamespaceList(props: SupersetDashboardProps): Violation[] {
  return props.instanceNamespaces?.length === 0
    ? [violation('instanceNamespaces', 'must name at least one namespace', props.instanceNamespaces,
      'list the namespaces whose instances the dashboard offers, or leave instanceNamespaces out for every namespace')]
    : [];
}

/** The ConfigMaps of dashboards, by app: two of one namespace and name would replace each other on apply. */
const PLACED = new WeakMap<IConstruct, Map<string, string>>();

/** A problem when another dashboard of the app already has this ConfigMap's namespace and name. */
function placedTwice(dashboard: SupersetDashboard, namespace: string | undefined, name: string): Violation[] {
  const placed = PLACED.get(dashboard.node.root) ?? new Map<string, string>();
  PLACED.set(dashboard.node.root, placed);
  const key = JSON.stringify([namespace ?? '', name]);
  const other = placed.get(key);
  if (other !== undefined) {
    return [violation('name', `SupersetDashboard '${other}' already writes ConfigMap '${name}'${namespace ? ` in namespace '${namespace}'` : ''}: `
      + 'one would replace the other on apply', name, 'give each dashboard its own uid (the name follows it) or name')];
  }
  placed.set(key, dashboard.node.path);
  return [];
}

/**
 * One Grafana dashboard for every Superset instance that `monitoring.serviceMonitor` watches: its Namespace and
 * Instance variables pick the instance, and every panel reads only that instance's series (API requests, errors
 * and latency, chart loads and SQL Lab from the StatsD exporters; CPU, memory and restarts of its pods; Celery tasks,
 * workers and runtime from Flower; the queue and worker replicas with queue scaling). Add it once per Grafana, in a
 * namespace its dashboard sidecar loads: a thousand instances are one dashboard, not a thousand.
 *
 * Grafana finds the instances by their web server Deployments (`<instance>-web-server`) as kube-state-metrics reports
 * them, so another workload's Deployment whose name ends in `-web-server` is offered too (its panels stay empty).
 */
export class SupersetDashboard extends Construct {
  /** The ConfigMap holding the dashboard, for the sidecar of kube-prometheus-stack. */
  public readonly configMap: KubeConfigMap;

  constructor(scope: Construct, id: string, props: SupersetDashboardProps = {}) {
    super(scope, id);
    validatePart(`SupersetDashboard '${id}'`, DASHBOARD, props, [...reservedLabelsIn(props), ...emptyNamespaceList(props)]);
    const uid = props.uid ?? DEFAULT_DASHBOARD.uid;
    const name = props.name ?? `${uid}-dashboard`;
    const namespace = props.namespace ?? Chart.of(this).namespace;
    validatePart(`SupersetDashboard '${id}'`, DASHBOARD, {}, placedTwice(this, namespace, name));
    this.configMap = new KubeConfigMap(this, 'ConfigMap', dashboardManifest({
      dashboard: { uid, title: props.title ?? DEFAULT_DASHBOARD.title, instanceNamespaces: props.instanceNamespaces },
      name,
      namespace: props.namespace,
      labels: withManaged({ [GRAFANA_DASHBOARD_LABEL]: '1', ...props.labels }, { 'app.kubernetes.io/name': 'superset' }),
      annotations: props.annotations && Object.keys(props.annotations).length > 0 ? props.annotations : undefined,
    }));
    this.node.defaultChild = this.configMap;
    if (props.helmChart === true) escapeForHelm(this);
  }
}
