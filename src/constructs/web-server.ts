import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentProps } from './superset-component';

/**
 * The Superset web server: gunicorn serving the UI and API on port 8088, behind the `<name>-web-server` Service.
 */
export class WebServer extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: ApiObject;
  /** The Service. */
  public declare readonly service: ApiObject;
  constructor(scope: Construct, id: string, props: SupersetComponentProps) {
    super(scope, id, 'web-server', props);
  }
}
