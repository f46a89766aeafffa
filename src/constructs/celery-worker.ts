import type { Construct } from 'constructs';
import { deliveredByHelm, escapeForHelm } from './helm-delivery';
import { SupersetComponent, type SupersetComponentSettings } from './superset-component';
import type { KubeConfigMap } from '../../imports/k8s';
import { ScaledObject, TriggerAuthentication } from '../../imports/keda.sh';
import { scaledObjectProps, triggerAuthenticationProps } from '../build/queue-scaling';
import type { CeleryWorkerSpec } from '../spec';

/** Properties of a `CeleryWorker`: the instance's shared settings and the component's own section of the spec. */
export interface CeleryWorkerProps extends SupersetComponentSettings {
  /**
   * The celery worker's own settings (`spec.celeryWorker`).
   *
   * @default {}
   */
  readonly celeryWorker?: CeleryWorkerSpec;
}

/**
 * Celery workers: asynchronous SQL Lab queries, reports, alerts and thumbnails.
 */
export class CeleryWorker extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: KubeConfigMap;
  /** The KEDA TriggerAuthentication, with `queueScaling` and a Valkey password or TLS material to read. */
  public readonly triggerAuthentication?: TriggerAuthentication;
  /** The KEDA ScaledObject, with `queueScaling`. */
  public readonly scaledObject?: ScaledObject;
  constructor(scope: Construct, id: string, props: CeleryWorkerProps) {
    super(scope, id, 'celery-worker', props);
    const queue = this.instanceModel.queueScaling;
    this.triggerAuthentication = queue && queue.secretTargets.length > 0
      ? new TriggerAuthentication(this, 'TriggerAuthentication', triggerAuthenticationProps(queue))
      : undefined;
    this.scaledObject = queue && new ScaledObject(this, 'ScaledObject', scaledObjectProps(queue));
    if (deliveredByHelm(this.instanceModel)) escapeForHelm(this);
  }
}
