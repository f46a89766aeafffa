import { Construct } from 'constructs';
import { CeleryBeat } from './celery-beat';
import { CeleryFlower } from './celery-flower';
import { CeleryWorker } from './celery-worker';
import { DevDependencies } from './dev-dependencies';
import { GatewayRouting } from './gateway-routing';
import { deliveredByHelm, escapeForHelm } from './helm-delivery';
import { IngressRouting } from './ingress-routing';
import { InstanceNetworkPolicy } from './instance-network-policy';
import type { ISupersetInstance } from './instance-reference';
import { LifecycleJobs } from './lifecycle-jobs';
import { McpServer } from './mcp-server';
import { MonitoringStack } from './monitoring-stack';
import { claimObjects } from './object-claims';
import { prepareInstance } from './prepared-instance';
import { WebServer } from './web-server';
import { WebsocketServer } from './websocket-server';
import { ExternalSecret } from '../../imports/external-secrets.io';
import { KubeConfigMap, KubeCronJob, KubeJob, KubeServiceAccount } from '../../imports/k8s';
import type { ComponentType } from '../base/component-types';
import { instanceSubject, SupersetValidationError } from '../base/errors';
import type { ResolvedInstance } from '../base/model/instance';
import { backupCronJobManifest, restoreJobManifest } from '../build/backup';
import { serviceAccountManifest, sharedConfigMapManifest } from '../build/component';
import { externalSecretProps } from '../build/external-secret';
import type { SupersetInstanceProps } from '../spec';
import {
  propsFromResource, resourceEnvelopeViolations, resourcePath, type SupersetResource,
} from '../validate/resource';

/**
 * A complete Apache Superset installation from a `Superset` spec: every component the spec enables, with its
 * ConfigMap, Deployment, Service, autoscaler and disruption budget, the ServiceAccount they run as, and the
 * lifecycle Jobs that migrate and initialise the metastore, ordered for the chosen `lifecycle.delivery`.
 *
 * Props are the operator's `Superset` spec plus `name` and `namespace`; names and labels follow the operator,
 * so an instance can move between the operator and GitOps without recreating workloads. Props are validated
 * before anything is created: bad input throws one error that names each offending field.
 *
 * @example
 * new SupersetInstance(chart, 'superset', {
 *   image: { tag: '6.1.0' },
 *   secretKeyFrom: { name: 'superset-secret', key: 'secret-key' },
 *   metastore: { uriFrom: { name: 'superset-db', key: 'uri' } },
 *   webServer: {},
 * });
 */
export class SupersetInstance extends Construct implements ISupersetInstance {
  /**
   * An instance from a `Superset` resource of the operator, as kept in YAML: `metadata.name` names it,
   * `metadata.namespace` (else the chart's namespace) places it, and `spec` is its props. The resource is checked
   * first (`apiVersion` `superset.apache.org/v1alpha1`, kind `Superset`, a name and a spec); problems are reported
   * with the resource's own paths (`spec.webServer.replicas`, `metadata.name`).
   *
   * @example
   * const [resource] = Yaml.load('superset.yaml');
   * SupersetInstance.fromResource(chart, 'superset', resource);
   */
  public static fromResource(scope: Construct, id: string, resource: SupersetResource): SupersetInstance {
    const subject = resourceSubject(resource);
    const envelope = resourceEnvelopeViolations(resource);
    if (envelope.length > 0) throw new SupersetValidationError(subject, envelope);
    try {
      return new SupersetInstance(scope, id, propsFromResource(resource));
    } catch (error) {
      throw error instanceof SupersetValidationError ? error.restate(subject, resourcePath) : error;
    }
  }

  /** The instance name: prefix of every object name and value of `app.kubernetes.io/instance`. */
  public readonly instanceName: string;
  /** The namespace of every object, when one is set on the props or the chart. */
  public readonly namespace?: string;
  /** The resolved model every object was built from. */
  public readonly model: ResolvedInstance;
  /** The ServiceAccount, unless `serviceAccount.create` is false. */
  public readonly serviceAccount?: KubeServiceAccount;
  /**
   * The ConfigMap `<name>-shared-config` of the files the Python pods share (`superset_shared.py`, the top-level
   * `config` as `superset_base.py`, the proxy and StatsD settings, the schema-wait program), stored once; each pod's
   * `superset_config.py` runs the ones it needs.
   */
  public readonly sharedConfigMap?: KubeConfigMap;
  /**
   * The ConfigMap `<name>-shared-env` of the plain variables every Python pod reads through `envFrom` (instance name,
   * metastore and Valkey host, port, database, user); secret references stay in each container's `env`.
   */
  public readonly sharedEnv?: KubeConfigMap;
  /** The development PostgreSQL and Valkey, when `devDependencies` is set. */
  public readonly devDependencies?: DevDependencies;
  /** The ExternalSecret that creates the Secrets the `*From` fields read, when `externalSecrets` is set. */
  public readonly externalSecret?: ExternalSecret;
  /** The lifecycle Jobs (seed, migrate, rotate, init), unless `lifecycle.disabled` is true. */
  public readonly lifecycle?: LifecycleJobs;
  /** The CronJob `<name>-backup` that backs up the metastore, when `backup` is set. */
  public readonly backup?: KubeCronJob;
  /** The Job `<name>-restore-<dump time>` that restores a backup, with `backup.restore.replaceMetastore: true`. */
  public readonly restoreJob?: KubeJob;
  /** The web server, when `webServer` is set. */
  public readonly webServer?: WebServer;
  /** The Celery workers, when `celeryWorker` is set. */
  public readonly celeryWorker?: CeleryWorker;
  /** Celery beat, when `celeryBeat` is set. */
  public readonly celeryBeat?: CeleryBeat;
  /** Celery Flower, when `celeryFlower` is set. */
  public readonly celeryFlower?: CeleryFlower;
  /** The MCP server, when `mcpServer` is set. */
  public readonly mcpServer?: McpServer;
  /** The websocket server, when `websocketServer` is set. */
  public readonly websocketServer?: WebsocketServer;
  /** The HTTPRoute, when `networking.gateway` is set. */
  public readonly gatewayRouting?: GatewayRouting;
  /** The Ingress, when `networking.ingress` is set. */
  public readonly ingressRouting?: IngressRouting;
  /** The per-component NetworkPolicies, when `networkPolicy` is set. */
  public readonly networkPolicy?: InstanceNetworkPolicy;
  /** ServiceMonitors and alert rules, when `monitoring.serviceMonitor` is set. */
  public readonly monitoring?: MonitoringStack;

  constructor(scope: Construct, id: string, given: SupersetInstanceProps) {
    super(scope, id);
    // Props may come from parsed YAML: even `null` must reach the validation, which names the problem.
    const named = typeof given === 'object' && given !== null && !Array.isArray(given);
    this.instanceName = (named ? given.name : undefined) ?? id;
    // The components get these very props, so they find them prepared: every feature is resolved once, first.
    const prepared = prepareInstance(this, this.instanceName, named ? { ...given, name: this.instanceName } : given);
    const props = prepared.props;
    this.namespace = prepared.namespace;
    this.model = prepared.model;

    const dev = props.devDependencies;
    this.devDependencies = dev && new DevDependencies(this, 'DevDependencies', { ...dev, instanceName: this.instanceName, namespace: this.namespace });
    const sa = this.model.serviceAccount;
    this.serviceAccount = sa.create
      ? new KubeServiceAccount(this, 'ServiceAccount', serviceAccountManifest(sa, this.namespace))
      : undefined;
    const shared = this.model.sharedConfigMap;
    this.sharedConfigMap = shared && new KubeConfigMap(this, 'SharedConfigMap', sharedConfigMapManifest(shared, this.namespace));
    const sharedEnv = this.model.sharedEnv;
    this.sharedEnv = sharedEnv && new KubeConfigMap(this, 'SharedEnv', sharedConfigMapManifest(sharedEnv, this.namespace));
    const external = this.model.externalSecret;
    this.externalSecret = external && new ExternalSecret(this, 'ExternalSecret', externalSecretProps(external));
    this.lifecycle = this.model.lifecycle && new LifecycleJobs(this, 'Lifecycle', { lifecycle: this.model.lifecycle });
    const backup = this.model.backup;
    this.backup = backup && new KubeCronJob(this, 'BackupCronJob', backupCronJobManifest(backup));
    this.restoreJob = backup?.restore && new KubeJob(this, 'RestoreJob', restoreJobManifest(backup, backup.restore));
    const has = (type: ComponentType) => this.model.components.some((c) => c.type === type);
    this.webServer = has('web-server') ? new WebServer(this, 'WebServer', props) : undefined;
    this.celeryWorker = has('celery-worker') ? new CeleryWorker(this, 'CeleryWorker', props) : undefined;
    this.celeryBeat = has('celery-beat') ? new CeleryBeat(this, 'CeleryBeat', props) : undefined;
    this.celeryFlower = has('celery-flower') ? new CeleryFlower(this, 'CeleryFlower', props) : undefined;
    this.mcpServer = has('mcp-server') ? new McpServer(this, 'McpServer', props) : undefined;
    this.websocketServer = has('websocket-server') ? new WebsocketServer(this, 'WebsocketServer', props) : undefined;

    // Routing and isolation read the resolved routes and components.
    const { gateway, ingress } = props.networking ?? {};
    this.gatewayRouting = gateway && new GatewayRouting(this, 'GatewayRouting', { instance: this, ...gateway });
    this.ingressRouting = ingress && new IngressRouting(this, 'IngressRouting', { instance: this, ...ingress });
    this.networkPolicy = props.networkPolicy && new InstanceNetworkPolicy(this, 'NetworkPolicy', { instance: this, ...props.networkPolicy });
    const { serviceMonitor, prometheusRule } = props.monitoring ?? {};
    this.monitoring = serviceMonitor && new MonitoringStack(this, 'Monitoring', { instance: this, serviceMonitor, prometheusRule });

    if (deliveredByHelm(this.model)) escapeForHelm(this);

    // Refused as soon as the second instance is built; objects added to an instance later are checked at synth.
    const clashes = claimObjects(this);
    if (clashes.length > 0) throw new SupersetValidationError(instanceSubject(this.instanceName), clashes.map((rule) => ({ path: 'name', rule })));
  }
}

/** `Superset 'namespace/name'` (or `Superset 'name'`, or `Superset resource`) for messages. */
function resourceSubject(resource: unknown): string {
  const metadata = (resource as { metadata?: { name?: unknown; namespace?: unknown } } | undefined)?.metadata;
  const name = typeof metadata?.name === 'string' ? metadata.name : undefined;
  if (name === undefined) return 'Superset resource';
  return typeof metadata?.namespace === 'string' ? `Superset '${metadata.namespace}/${name}'` : `Superset '${name}'`;
}
