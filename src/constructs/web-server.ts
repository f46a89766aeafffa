import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentSettings } from './superset-component';
import type { KubeConfigMap, KubeService } from '../../imports/k8s';
import type { WebServerSpec } from '../spec';

/** Properties of a `WebServer`: the instance's shared settings and the component's own section of the spec. */
export interface WebServerProps extends SupersetComponentSettings {
  /**
   * The web server's own settings (`spec.webServer`).
   *
   * @default {}
   */
  readonly webServer?: WebServerSpec;
}

/**
 * The Superset web server: gunicorn serving the UI and API on port 8088, behind the `<name>-web-server` Service.
 */
export class WebServer extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: KubeConfigMap;
  /** The Service. */
  public declare readonly service: KubeService;
  constructor(scope: Construct, id: string, props: WebServerProps) {
    super(scope, id, 'web-server', props);
  }
}
