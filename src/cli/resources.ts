import { App, Chart } from 'cdk8s';
import type { DocumentSource, InputDocument } from './documents';
import { problemOf, type Problem, type ResourceRef } from './problems';
import { SupersetValidationError } from '../base/errors';
import { isPlainObject } from '../base/plain-data';
import { SupersetInstance } from '../constructs/superset-instance';
import {
  looksLikeSuperset, propsFromResource, resourceEnvelopeViolations, resourcePath, type SupersetResource,
} from '../validate/resource';
import { withoutControllerOnlyFields } from '../validate/rules/controller-only';
import { validateInstanceProps } from '../validate/validate-instance';

/** How `Superset` resources are read. */
export interface ReadSettings {
  /** The namespace of resources that name none. */
  readonly namespace?: string;
  /** Drop controller-only fields (with a warning each) instead of refusing them. */
  readonly dropControllerOnly: boolean;
  /** Refuse documents of other kinds instead of passing them through. */
  readonly refuseOtherKinds: boolean;
}

/** A document to write: a `Superset` to render, or another object to pass through unchanged. */
export type Entry =
  | { readonly type: 'superset'; readonly source: DocumentSource; readonly ref: ResourceRef; readonly resource: SupersetResource }
  | { readonly type: 'other'; readonly source: DocumentSource; readonly ref: ResourceRef; readonly value: object };

/** What reading the documents gave: the entries to write, and every problem (errors and warnings). */
export interface ReadResult {
  readonly entries: readonly Entry[];
  readonly problems: readonly Problem[];
}

function stringField(record: unknown, field: string): string | undefined {
  const value = isPlainObject(record) ? record[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The object a document stands for, as far as it says. */
function refOf(value: Readonly<Record<string, unknown>>): ResourceRef {
  return {
    apiVersion: stringField(value, 'apiVersion') ?? '',
    kind: stringField(value, 'kind') ?? '',
    name: stringField(value.metadata, 'name') ?? '',
    namespace: stringField(value.metadata, 'namespace'),
  };
}

/**
 * Checks a `Superset` document completely (its envelope, then its spec with every rule of the library), with
 * the namespace default and the controller-only drop applied. Returns the resource as it will be rendered.
 */
function readSuperset(
  value: unknown, source: DocumentSource, settings: ReadSettings,
): { resource?: SupersetResource; ref: ResourceRef; problems: Problem[] } {
  const raw = isPlainObject(value) ? value : {};
  const envelope = resourceEnvelopeViolations(value);
  const given = refOf(raw);
  const ref = { ...given, namespace: given.namespace ?? settings.namespace };
  if (envelope.length > 0) return { ref, problems: envelope.map((v) => problemOf(v, 'error', source, ref)) };
  const original = raw as unknown as SupersetResource;
  const { props: spec, dropped } = settings.dropControllerOnly
    ? withoutControllerOnlyFields(original.spec, ref.name)
    : { props: original.spec, dropped: [] };
  const resource: SupersetResource = {
    ...original,
    metadata: ref.namespace === undefined ? original.metadata : { ...original.metadata, namespace: ref.namespace },
    spec,
  };
  const warnings = dropped.map((v) => problemOf(
    { path: resourcePath(v.path), rule: `dropped: ${v.rule}` }, 'warning', source, ref));
  try {
    // Rendered in a chart of its own without a namespace: the resource's (or --namespace) is the only one.
    validateInstanceProps(propsFromResource(resource), ref.name, { chart: {} });
  } catch (error) {
    if (!(error instanceof SupersetValidationError)) throw error;
    const errors = error.violations.map((v) => problemOf({ ...v, path: resourcePath(v.path) }, 'error', source, ref));
    return { ref, problems: [...warnings, ...errors] };
  }
  return { resource, ref, problems: warnings };
}

/**
 * Sorts parsed documents into `Superset` resources (checked) and other objects, and collects every problem:
 * syntax errors, documents that are not Kubernetes objects, invalid resources, refused kinds, and two resources
 * that would render the same instance.
 */
export function readDocuments(documents: readonly InputDocument[], settings: ReadSettings): ReadResult {
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  const instances = new Map<string, DocumentSource>();
  for (const document of documents) {
    const { source, value } = document;
    if (document.errors.length > 0) {
      problems.push(...document.errors.map((message): Problem => ({ severity: 'error', source, message: `not valid YAML: ${message}` })));
      continue;
    }
    if (looksLikeSuperset(value)) {
      const read = readSuperset(value, source, settings);
      problems.push(...read.problems);
      if (!read.resource) continue;
      const key = `${read.ref.namespace ?? ''}/${read.ref.name}`;
      const first = instances.get(key);
      if (first) {
        problems.push({
          severity: 'error',
          source,
          resource: read.ref,
          path: 'metadata.name',
          message: `another Superset with this name and namespace is in ${first.file} (document ${first.index + 1}): `
            + 'both would render the same objects; rename one or move it to another namespace',
        });
        continue;
      }
      instances.set(key, source);
      entries.push({ type: 'superset', source, ref: read.ref, resource: read.resource });
      continue;
    }
    if (!isPlainObject(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') {
      problems.push({ severity: 'error', source, message: 'not a Kubernetes object: a mapping with apiVersion and kind is expected' });
      continue;
    }
    const ref = refOf(value);
    if (settings.refuseOtherKinds) {
      problems.push({
        severity: 'error',
        source,
        resource: ref,
        path: 'kind',
        message: `only superset.apache.org/v1alpha1 Superset resources are accepted (--other-kinds refuse), got ${ref.apiVersion} ${ref.kind}`,
      });
      continue;
    }
    entries.push({ type: 'other', source, ref, value });
  }
  return { entries, problems };
}

/**
 * The manifests of one checked `Superset` resource: exactly what `SupersetInstance.fromResource` synthesizes in a
 * chart of its own, in the order `cdk8s synth` writes them. Each resource gets a fresh app, so nothing of one
 * stays in memory while the next is rendered.
 */
export function renderSuperset(resource: SupersetResource): object[] {
  const app = new App();
  const chart = new Chart(app, 'superset');
  SupersetInstance.fromResource(chart, 'instance', resource);
  return chart.toJson();
}
