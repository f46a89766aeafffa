import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentProps } from './superset-component';

/**
 * The Node.js websocket server that pushes asynchronous query results to browsers.
 */
export class WebsocketServer extends SupersetComponent {
  /** The Service. */
  public declare readonly service: ApiObject;
  constructor(scope: Construct, id: string, props: SupersetComponentProps) {
    super(scope, id, 'websocket-server', props);
  }
}
