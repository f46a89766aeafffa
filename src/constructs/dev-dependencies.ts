import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeDeployment, KubePersistentVolumeClaim, KubeService } from '../../imports/k8s';
import { devClaimManifest, devDeploymentManifest, devServiceManifest } from '../build/dev-dependencies';
import { devConnections, resolveDevDependencies } from '../resolve/dev-dependencies';
import type { DevDependenciesSpec, MetastoreSpec, ValkeySpec } from '../spec';

/** Properties of `DevDependencies`. */
export interface DevDependenciesProps extends DevDependenciesSpec {
  /** Prefix of the object names (`<instanceName>-postgres`, `<instanceName>-valkey`): the Superset instance's name. */
  readonly instanceName: string;
  /**
   * Namespace of every object; it must be the Superset instance's, which reaches the Services by their short names.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/**
 * A throw-away PostgreSQL and Valkey for Development: single-replica Deployments with pinned images, readiness
 * probes and the `restricted` Pod Security Standard, their Services, and optionally a PersistentVolumeClaim.
 *
 * `SupersetInstance` creates one when `devDependencies` is set and wires `metastore` and `valkey` to it. On its own,
 * pass `metastore` and `valkey` to an instance in the same namespace; their inline passwords are only accepted in
 * Development.
 */
export class DevDependencies extends Construct {
  /** The `metastore` spec that points at the PostgreSQL. */
  public readonly metastore: MetastoreSpec;
  /** The `valkey` spec that points at the Valkey. */
  public readonly valkey: ValkeySpec;
  /** PostgreSQL's claim, with `persistence`. */
  public readonly postgresClaim?: KubePersistentVolumeClaim;
  /** The PostgreSQL Deployment `<name>-postgres`. */
  public readonly postgresDeployment: KubeDeployment;
  /** The PostgreSQL Service `<name>-postgres`. */
  public readonly postgresService: KubeService;
  /** The Valkey Deployment `<name>-valkey`. */
  public readonly valkeyDeployment: KubeDeployment;
  /** The Valkey Service `<name>-valkey`. */
  public readonly valkeyService: KubeService;

  constructor(scope: Construct, id: string, props: DevDependenciesProps) {
    super(scope, id);
    const { instanceName, namespace = Chart.of(this).namespace, ...spec } = props;
    ({ metastore: this.metastore, valkey: this.valkey } = devConnections(instanceName, spec));
    const { postgres, valkey, claim } = resolveDevDependencies(instanceName, namespace, spec);
    this.postgresClaim = claim && new KubePersistentVolumeClaim(this, 'PostgresClaim', devClaimManifest(claim));
    this.postgresDeployment = new KubeDeployment(this, 'PostgresDeployment', devDeploymentManifest(postgres));
    this.postgresService = new KubeService(this, 'PostgresService', devServiceManifest(postgres));
    this.valkeyDeployment = new KubeDeployment(this, 'ValkeyDeployment', devDeploymentManifest(valkey));
    this.valkeyService = new KubeService(this, 'ValkeyService', devServiceManifest(valkey));
  }
}
