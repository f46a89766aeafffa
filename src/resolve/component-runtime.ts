import { authEnv } from './auth';
import {
  BEAT_COMMAND, FLOWER_COMMAND, MCP_SERVER_COMMAND, WEB_SERVER_COMMAND, WEBSOCKET_SERVER_COMMAND,
} from './component-profiles';
import { placeConfigFiles, supersetConfigFiles } from './config-files';
import { envValue, forceReloadEnv, placeEnv } from './env';
import { type ComponentAdditions } from './extensions';
import type { InstanceContext } from './instance-context';
import { gunicornEnv, resolveCeleryWorker, resolveEngineOptions, resolveGunicorn } from './presets';
import type * as k8s from '../../imports/k8s';
import { type ComponentType, SPEC_FIELD } from '../base/component-types';
import { CONFIG_MOUNT_PATH, CONFIG_VOLUME, ENV } from '../base/env-names';
import { contentChecksum, fileDigests } from '../base/hash';
import type { Labels } from '../base/labels';
import { wrapWithBootstrap } from '../render/shell';
import { renderWebsocketConfig } from '../render/websocket-config';
import type {
  CeleryWorkerSpec, ComponentSpec, RoutableSpec, ScalableSpec, SqlaEngineOptionsSpec, SupersetSpec, WebServerSpec,
  WebsocketServerSpec,
} from '../spec';

const WEBSOCKET_CONFIG_VOLUME = 'websocket-config';
const WEBSOCKET_CONFIG_PATH = '/home/superset-websocket/config.json';

/** What a component runs, decided by its kind: command, managed env, mounted files and their checksum. */
export interface Runtime {
  readonly defaultCommand: string[];
  readonly env: k8s.EnvVar[];
  /** Plain variables the pod reads from the instance's shared env ConfigMap, through `envFrom`. */
  readonly sharedEnv?: Labels;
  readonly envFrom?: k8s.EnvFromSource[];
  readonly volumes: k8s.Volume[];
  readonly volumeMounts: k8s.VolumeMount[];
  /** The component's own ConfigMap, when it mounts files. */
  readonly configMap?: { readonly name: string; readonly data: Labels };
  /** What the pod reads from the instance's shared ConfigMap. */
  readonly sharedFiles?: Labels;
  readonly checksum?: string;
}

export type AnyComponentSpec = ComponentSpec & Partial<ScalableSpec & RoutableSpec> & { readonly bootstrapScript?: string; readonly config?: string };

/** The spec of one component; callers only ask for components that are present. */
export function componentSpec(spec: SupersetSpec, type: ComponentType): AnyComponentSpec {
  return spec[SPEC_FIELD[type]] as AnyComponentSpec;
}

/** Flower serves under this prefix, published or not. */
export function flowerUrlPrefix(spec: SupersetSpec): string {
  return spec.celeryFlower?.service?.gatewayPath || '/flower';
}

/** A Python component: its rendered `superset_config.py` (and bootstrap script), managed env and command. */
export function pythonRuntime(
  ctx: InstanceContext, type: ComponentType, own: AnyComponentSpec, firstPort: number | undefined, additions: ComponentAdditions,
): Runtime {
  const spec = ctx.spec;
  const gunicorn = type === 'web-server' ? resolveGunicorn((own as WebServerSpec).gunicorn) : undefined;
  const celery = type === 'celery-worker' ? resolveCeleryWorker((own as CeleryWorkerSpec).celery) : undefined;
  // Flower has no engine options of its own; everyone else's replace the top-level ones entirely.
  const ownEngine = (own as { sqlaEngineOptions?: SqlaEngineOptionsSpec }).sqlaEngineOptions;
  const engineOptions = resolveEngineOptions(type, ownEngine ?? spec.sqlaEngineOptions, {
    gunicornWorkers: gunicorn?.workers ?? 0,
    gunicornThreads: gunicorn?.threads ?? 0,
    celeryConcurrency: celery?.concurrency ?? 0,
  });
  const bootstrap = own.bootstrapScript ?? spec.bootstrapScript;
  const files = supersetConfigFiles(spec, ctx.files, {
    webServerPort: type === 'web-server' ? firstPort : undefined,
    // Only the web server signs users in; workers and beat log in as a machine user, the MCP server serves no login pages.
    servesUsers: type === 'web-server',
    proxySettings: true,
    engineOptions,
    configFiles: additions.configFiles,
    componentConfig: own.config,
    bootstrapScript: bootstrap,
    files: additions.files,
  });
  const placed = placeConfigFiles(files, ctx.name, type, ctx.shared?.config);
  const python = ctx.pythonEnv;
  const podEnv = [
    ...(gunicorn ? gunicornEnv(gunicorn) : []),
    ...(type === 'web-server' ? authEnv(spec.auth) : []),
    ...(type === 'celery-flower' ? [envValue(ENV.FLOWER_URL_PREFIX, flowerUrlPrefix(spec))] : []),
  ];
  const env = placeEnv(python, podEnv, ctx.shared?.env);
  const defaultCommand = {
    'web-server': WEB_SERVER_COMMAND,
    'celery-worker': celery?.command ?? [],
    'celery-beat': BEAT_COMMAND,
    'celery-flower': FLOWER_COMMAND,
    'mcp-server': MCP_SERVER_COMMAND,
    'websocket-server': WEBSOCKET_SERVER_COMMAND,
  }[type];
  return {
    defaultCommand: wrapWithBootstrap(defaultCommand, bootstrap),
    env: env.env,
    sharedEnv: env.shared,
    envFrom: env.envFrom,
    volumes: [placed.volume],
    volumeMounts: [{ name: CONFIG_VOLUME, mountPath: CONFIG_MOUNT_PATH, readOnly: true }],
    configMap: { name: placed.configMap, data: placed.data },
    sharedFiles: placed.sharedFiles,
    // forceReload rolls pods through its own variable; the checksum covers what the pod cannot see change: every
    // file it reads and every variable, its own and the shared ones.
    checksum: contentChecksum({
      files: fileDigests(placed.files), env: [...python, ...podEnv].filter((e) => e.name !== ENV.FORCE_RELOAD), command: defaultCommand,
    }),
  };
}

/** The websocket server: its `config.json` from the spec or a Secret, and no Python env. */
export function websocketRuntime(ctx: InstanceContext, own: WebsocketServerSpec): Runtime {
  const mount = { name: WEBSOCKET_CONFIG_VOLUME, mountPath: WEBSOCKET_CONFIG_PATH, subPath: 'config.json', readOnly: true };
  const base = { defaultCommand: WEBSOCKET_SERVER_COMMAND, env: forceReloadEnv(ctx.spec) };
  if (own.configFrom) {
    const { name, key, optional } = own.configFrom;
    return {
      ...base,
      volumes: [{ name: WEBSOCKET_CONFIG_VOLUME, secret: { secretName: name, items: [{ key, path: 'config.json' }], optional } }],
      volumeMounts: [mount],
      checksum: contentChecksum({ secret: { name, key, optional: optional ?? false } }),
    };
  }
  if (own.config) {
    const configMap = { name: `${ctx.name}-websocket-server-config`, data: { 'config.json': renderWebsocketConfig(own.config) } };
    return {
      ...base,
      volumes: [{ name: WEBSOCKET_CONFIG_VOLUME, configMap: { name: configMap.name, items: [{ key: 'config.json', path: 'config.json' }] } }],
      volumeMounts: [mount],
      configMap,
      checksum: contentChecksum({ files: fileDigests(configMap.data) }),
    };
  }
  return { ...base, volumes: [], volumeMounts: [] };
}
