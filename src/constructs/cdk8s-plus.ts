import type * as kplus from 'cdk8s-plus-28';
import type { Labels } from '../base/labels';
import type { ResolvedService } from '../base/model/instance';

/*
 * How the library's pods and Services look to cdk8s-plus-28: pure translations of the resolved model into the
 * configuration objects cdk8s-plus reads from a selector, a network-policy peer and an Ingress backend.
 */

/**
 * cdk8s-plus-28, loaded on first use: loading it takes about 0.2 s, as long as synthesizing a whole production
 * instance, and only apps that combine the library with cdk8s-plus need it.
 */
function cdk8sPlus(): typeof kplus {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('cdk8s-plus-28') as typeof kplus;
}

/**
 * The pods with exactly these labels, in `namespace` when one is set. Without a namespace cdk8s-plus treats the pods
 * as being in the namespace of whatever policy refers to them, which is what an unset namespace means in cdk8s.
 */
export function podSelectorConfig(labels: Labels, namespace: string | undefined): kplus.PodSelectorConfig {
  return {
    // A copy: the selector must not share the model's object, which cdk8s-plus may keep.
    labelSelector: cdk8sPlus().LabelSelector.of({ labels: { ...labels } }),
    namespaces: namespace === undefined ? undefined : { names: [namespace] },
  };
}

/**
 * An Ingress backend for one of the library's Services, on its `http` port.
 *
 * cdk8s-plus-28 makes a Service backend only from its own `Service` class (`IngressBackend.fromService`), and has no
 * way to refer to an existing Service by name. `fromService` reads nothing but the Service's `name` and `ports`, so
 * the library's Service is described by those two fields instead of being created a second time as a cdk8s-plus
 * Service (which would emit a duplicate object). cdk8s-plus-28's last release is 2.5.6; the tests pin the result.
 */
export function serviceIngressBackend(service: ResolvedService): kplus.IngressBackend {
  const described = { name: service.name, ports: [{ port: service.port }] };
  return cdk8sPlus().IngressBackend.fromService(described as unknown as kplus.Service, { port: service.port });
}
