import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentSettings } from './superset-component';
import type { KubeConfigMap, KubeService } from '../../imports/k8s';
import type { CeleryFlowerSpec } from '../spec';

/** Properties of a `CeleryFlower`: the instance's shared settings and the component's own section of the spec. */
export interface CeleryFlowerProps extends SupersetComponentSettings {
  /**
   * The celery flower's own settings (`spec.celeryFlower`).
   *
   * @default {}
   */
  readonly celeryFlower?: CeleryFlowerSpec;
}

/**
 * Celery Flower, the Celery monitoring UI, served under its URL prefix (`/flower` by default).
 */
export class CeleryFlower extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: KubeConfigMap;
  /** The Service. */
  public declare readonly service: KubeService;
  constructor(scope: Construct, id: string, props: CeleryFlowerProps) {
    super(scope, id, 'celery-flower', props);
  }
}
