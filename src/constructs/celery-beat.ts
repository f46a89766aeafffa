import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentSettings } from './superset-component';
import type { KubeConfigMap } from '../../imports/k8s';
import type { CeleryBeatSpec } from '../spec';

/** Properties of a `CeleryBeat`: the instance's shared settings and the component's own section of the spec. */
export interface CeleryBeatProps extends SupersetComponentSettings {
  /**
   * The celery beat's own settings (`spec.celeryBeat`).
   *
   * @default {}
   */
  readonly celeryBeat?: CeleryBeatSpec;
}

/**
 * Celery beat, the scheduler of reports and alerts: one pod, replaced with `Recreate` so two never run at once.
 */
export class CeleryBeat extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: KubeConfigMap;
  constructor(scope: Construct, id: string, props: CeleryBeatProps) {
    super(scope, id, 'celery-beat', props);
  }
}
