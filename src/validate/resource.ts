import { missing, violation } from './violations';
import { type Violation } from '../base/errors';
import { isPlainObject } from '../base/plain-data';
import type { SupersetInstanceProps, SupersetSpec } from '../spec';

/** The API version of the operator's `Superset` resource that this library renders. */
export const SUPERSET_API_VERSION = 'superset.apache.org/v1alpha1';

/** The kind of the operator's resource. */
export const SUPERSET_KIND = 'Superset';

/** The API group of the operator's resources. */
export const SUPERSET_API_GROUP = 'superset.apache.org';

/** The metadata of a `Superset` resource that shapes its objects. */
export interface SupersetResourceMetadata {
  /** The instance name: prefix of every object name. */
  readonly name: string;
  /**
   * The namespace of every object.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /** Labels, annotations and the rest of the metadata are accepted and not used. */
  readonly [field: string]: unknown;
}

/**
 * A `Superset` resource of the Apache Superset Kubernetes Operator (`superset.apache.org/v1alpha1`), as kept in
 * YAML. Only `metadata.name`, `metadata.namespace` and `spec` shape the output; `status` is ignored.
 */
export interface SupersetResource {
  /** `superset.apache.org/v1alpha1`. */
  readonly apiVersion: string;
  /** `Superset`. */
  readonly kind: string;
  /** Name and namespace of the instance. */
  readonly metadata: SupersetResourceMetadata;
  /** The operator's spec. */
  readonly spec: SupersetSpec;
}

/**
 * Where a props path of `SupersetInstanceProps` is written in a resource: `name` and `namespace` come from the
 * metadata, everything else from `spec`.
 */
export function resourcePath(propsPath: string): string {
  if (propsPath === 'name' || propsPath === 'namespace') return `metadata.${propsPath}`;
  if (propsPath === 'props') return 'spec';
  return `spec.${propsPath}`;
}

/** Whether a parsed YAML document claims to be a `Superset`, by its kind or its API group. */
export function looksLikeSuperset(document: unknown): boolean {
  if (!isPlainObject(document)) return false;
  const { apiVersion, kind } = document;
  return kind === SUPERSET_KIND || (typeof apiVersion === 'string' && apiVersion.split('/')[0] === SUPERSET_API_GROUP);
}

/** The problems that keep a document from being read as a `Superset` resource at all (before its spec is checked). */
export function resourceEnvelopeViolations(document: unknown): Violation[] {
  if (!isPlainObject(document)) return [violation('resource', 'must be an object', document)];
  const problems: Violation[] = [];
  if (document.apiVersion !== SUPERSET_API_VERSION) {
    problems.push(document.apiVersion === undefined
      ? missing('apiVersion', `is required: '${SUPERSET_API_VERSION}'`)
      : violation('apiVersion', `must be '${SUPERSET_API_VERSION}', the only version this library renders`, document.apiVersion,
        'convert the resource to v1alpha1, or pass other kinds through'));
  }
  if (document.kind !== SUPERSET_KIND) {
    problems.push(document.kind === undefined
      ? missing('kind', `is required: '${SUPERSET_KIND}'`)
      : violation('kind', `must be '${SUPERSET_KIND}'`, document.kind));
  }
  const metadata = document.metadata;
  if (!isPlainObject(metadata)) {
    problems.push(metadata === undefined
      ? missing('metadata.name', 'is required')
      : violation('metadata', 'must be an object', metadata));
  } else if (typeof metadata.name !== 'string' || metadata.name === '') {
    problems.push(metadata.name === undefined
      ? missing('metadata.name', 'is required')
      : violation('metadata.name', 'must be a non-empty string', metadata.name));
  }
  const spec = document.spec;
  if (!isPlainObject(spec)) {
    problems.push(spec === undefined ? missing('spec', 'is required') : violation('spec', 'must be an object', spec));
  } else {
    // They would silently replace the metadata's: the operator's spec has no such fields.
    for (const field of ['name', 'namespace'].filter((key) => spec[key] !== undefined)) {
      problems.push(violation(`spec.${field}`, 'unknown field', spec[field], `set metadata.${field} instead`));
    }
  }
  return problems;
}

/**
 * The props of a `Superset` resource: `{ name: metadata.name, namespace: metadata.namespace, ...spec }`. The
 * namespace is left out when the metadata has none, so the chart's applies. Assumes the envelope is valid.
 */
export function propsFromResource(resource: SupersetResource): SupersetInstanceProps {
  const { name, namespace } = resource.metadata;
  return namespace === undefined ? { ...resource.spec, name } : { ...resource.spec, name, namespace: namespace as string };
}
