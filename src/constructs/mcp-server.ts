import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentProps } from './superset-component';

/**
 * The MCP server, which exposes Superset to AI assistants over the Model Context Protocol.
 */
export class McpServer extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: ApiObject;
  /** The Service. */
  public declare readonly service: ApiObject;
  constructor(scope: Construct, id: string, props: SupersetComponentProps) {
    super(scope, id, 'mcp-server', props);
  }
}
