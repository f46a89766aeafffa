import { Chart } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { ResolvedInstance } from '../base/model/instance';
import { plainData } from '../base/plain-data';
import { withDevDependencies } from '../resolve/dev-dependencies';
import type { ComponentExtension } from '../resolve/extensions';
import { withExternalSecrets } from '../resolve/external-secrets';
import { schemaWaitExtension } from '../resolve/lifecycle/schema-wait';
import { type ResolveOptions, resolveInstance } from '../resolve/resolve-instance';
import { statsdExporterExtension } from '../resolve/statsd-exporter';
import type { SupersetInstanceProps } from '../spec';
import { validateInstanceProps } from '../validate/validate-instance';

/**
 * The features that add to component pods: monitoring's StatsD exporter and lifecycle's wait for migrations. Chosen
 * here, where instances are prepared, so the resolution of components knows no feature.
 */
const COMPONENT_EXTENSIONS: readonly ComponentExtension[] = [statsdExporterExtension, schemaWaitExtension];

/** An instance's props, validated and resolved: its name, namespace and model. */
export interface PreparedInstance {
  /** The props, validated, as plain JSON-like data (objects with a prototype, no `undefined` surprises). */
  readonly props: SupersetInstanceProps;
  readonly name: string;
  readonly namespace?: string;
  readonly model: ResolvedInstance;
}

/** Prepared props, by props object, then by name and namespace (the same props may be used in two charts). */
const PREPARED = new WeakMap<object, Map<string, PreparedInstance>>();

/**
 * Validates and resolves an instance's props once, however many constructs ask: `SupersetInstance` prepares its
 * props and hands the same object to its components, which find the model here instead of resolving it again. Every
 * feature is resolved before any object is built.
 *
 * @param scope where the instance is built; its chart gives the default namespace
 * @param name the instance name
 * @param props the props as given, possibly parsed from YAML and so not type-checked
 */
export function prepareInstance(scope: IConstruct, name: string, props: SupersetInstanceProps, options: ResolveOptions = {}): PreparedInstance {
  const chartNamespace = Chart.of(scope).namespace;
  const key = preparedKey(name, chartNamespace, options);
  const known = typeof props === 'object' && props !== null ? PREPARED.get(props) : undefined;
  const cached = known?.get(key);
  if (cached) return cached;
  validateInstanceProps(props, name, { chart: { namespace: chartNamespace } });
  const plain = plainData(props);
  const namespace = plain.namespace ?? chartNamespace;
  const model = resolveInstance(withExternalSecrets(withDevDependencies(plain, name), name), name, namespace, COMPONENT_EXTENSIONS, options);
  const prepared: PreparedInstance = { props: plain, name, namespace, model };
  PREPARED.set(props, (known ?? new Map()).set(key, prepared));
  // Constructs handed the plain copy find it prepared too.
  PREPARED.set(plain, (PREPARED.get(plain) ?? new Map()).set(key, prepared));
  return prepared;
}

/** The cache key of a preparation: the same props resolve differently by name, namespace and options. */
function preparedKey(name: string, namespace: string | undefined, options: ResolveOptions): string {
  return JSON.stringify([name, namespace ?? null, options.shareConfig !== false]);
}

/** Whether these props were prepared already by an instance (the one a component belongs to). */
export function isPrepared(scope: IConstruct, name: string, props: object): boolean {
  return PREPARED.get(props)?.has(preparedKey(name, Chart.of(scope).namespace, {})) ?? false;
}
