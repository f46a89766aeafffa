/** The component types of a Superset instance, in the order the operator processes them. */
export const COMPONENT_TYPES = [
  'web-server',
  'celery-worker',
  'celery-beat',
  'celery-flower',
  'mcp-server',
  'websocket-server',
] as const;

/** A component type, as used in object names (`<name>-<type>`) and the `app.kubernetes.io/component` label. */
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** The spec field that enables each component. */
export const SPEC_FIELD: Record<ComponentType, 'webServer' | 'celeryWorker' | 'celeryBeat' | 'celeryFlower' | 'mcpServer' | 'websocketServer'> = {
  'web-server': 'webServer',
  'celery-worker': 'celeryWorker',
  'celery-beat': 'celeryBeat',
  'celery-flower': 'celeryFlower',
  'mcp-server': 'mcpServer',
  'websocket-server': 'websocketServer',
};

/** Components that run Superset's Python code and read `superset_config.py`. */
export const PYTHON_COMPONENTS: readonly ComponentType[] = ['web-server', 'celery-worker', 'celery-beat', 'celery-flower', 'mcp-server'];
