import { fullInstanceProps } from './full-instance';
import type { SupersetResource } from '../src';
import { yamlDocuments } from '../src/render/yaml';

/** The benchmark's fully featured tenants as `Superset` resources, as a team keeps them in Git. */
export function tenantResources(count: number): SupersetResource[] {
  return Array.from({ length: count }, (_, tenant) => {
    const { name, namespace, ...spec } = fullInstanceProps(tenant);
    return { apiVersion: 'superset.apache.org/v1alpha1', kind: 'Superset', metadata: { name: name!, namespace }, spec };
  });
}

/** The same as one multi-document YAML file. */
export function tenantResourcesYaml(count: number): string {
  return yamlDocuments(tenantResources(count));
}
