import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentProps } from './superset-component';

/**
 * Celery workers: asynchronous SQL Lab queries, reports, alerts and thumbnails.
 */
export class CeleryWorker extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: ApiObject;
  constructor(scope: Construct, id: string, props: SupersetComponentProps) {
    super(scope, id, 'celery-worker', props);
  }
}
