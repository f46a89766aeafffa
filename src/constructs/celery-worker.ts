import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentSettings } from './superset-component';
import type { KubeConfigMap } from '../../imports/k8s';
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
  constructor(scope: Construct, id: string, props: CeleryWorkerProps) {
    super(scope, id, 'celery-worker', props);
  }
}
