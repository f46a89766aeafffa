import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentProps } from './superset-component';

/**
 * Celery Flower, the Celery monitoring UI, served under its URL prefix (`/flower` by default).
 */
export class CeleryFlower extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: ApiObject;
  /** The Service. */
  public declare readonly service: ApiObject;
  constructor(scope: Construct, id: string, props: SupersetComponentProps) {
    super(scope, id, 'celery-flower', props);
  }
}
