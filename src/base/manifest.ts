import type * as k8s from '../../imports/k8s';

/** A Kubernetes object as written to YAML: its type plus `apiVersion` and `kind`. */
export type Manifest<T> = T & { readonly apiVersion: string; readonly kind: string; readonly metadata: k8s.ObjectMeta };

/** Object metadata; the namespace is left out when unset so the chart's applies. */
export function objectMeta(name: string, namespace: string | undefined, labels: k8s.ObjectMeta['labels'], annotations?: k8s.ObjectMeta['annotations']): k8s.ObjectMeta {
  return { name, namespace, labels, annotations };
}
