import type { Construct } from 'constructs';
import { SupersetComponent, type SupersetComponentSettings } from './superset-component';
import type { KubeConfigMap, KubeService } from '../../imports/k8s';
import type { McpServerSpec } from '../spec';

/** Properties of a `McpServer`: the instance's shared settings and the component's own section of the spec. */
export interface McpServerProps extends SupersetComponentSettings {
  /**
   * The mcp server's own settings (`spec.mcpServer`).
   *
   * @default {}
   */
  readonly mcpServer?: McpServerSpec;
}

/**
 * The MCP server, which exposes Superset to AI assistants over the Model Context Protocol.
 */
export class McpServer extends SupersetComponent {
  /** The ConfigMap with `superset_config.py`. */
  public declare readonly configMap: KubeConfigMap;
  /** The Service. */
  public declare readonly service: KubeService;
  constructor(scope: Construct, id: string, props: McpServerProps) {
    super(scope, id, 'mcp-server', props);
  }
}
