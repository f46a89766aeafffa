import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentSettings } from './superset-component';
import type { KubeService } from '../../imports/k8s';
import type { WebsocketServerSpec } from '../spec';

/** Properties of a `WebsocketServer`: the instance's shared settings and the component's own section of the spec. */
export interface WebsocketServerProps extends SupersetComponentSettings {
  /**
   * The websocket server's own settings (`spec.websocketServer`).
   *
   * @default {}
   */
  readonly websocketServer?: WebsocketServerSpec;
}

/**
 * The Node.js websocket server that pushes asynchronous query results to browsers.
 */
export class WebsocketServer extends SupersetComponent {
  /** The Service. */
  public declare readonly service: KubeService;
  constructor(scope: Construct, id: string, props: WebsocketServerProps) {
    super(scope, id, 'websocket-server', props);
  }
}
