import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentProps } from './superset-component';

/**
 * Celery beat, the scheduler of reports and alerts: one pod, replaced with `Recreate` so two never run at once.
 */
export class CeleryBeat extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: ApiObject;
  constructor(scope: Construct, id: string, props: SupersetComponentProps) {
    super(scope, id, 'celery-beat', props);
  }
}
