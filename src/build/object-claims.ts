import { ApiObject, Chart } from 'cdk8s';
import type { IConstruct } from 'constructs';

/*
 * Two instances in one namespace must never emit the same object: the second apply would silently replace the
 * first. The names follow the operator's scheme (`<instance>-<component>`, `<instance>-celery-worker`, ...), so an
 * instance whose name extends another's can land on the same name (`a`'s worker ServiceMonitor `a-celery-worker`
 * and the ServiceMonitor of instance `a-celery-worker`). Such clashes are found across every instance of the app.
 */

/** An instance as the check sees it: its name and the construct whose subtree holds its objects. */
export interface ClaimingInstance extends IConstruct {
  readonly instanceName: string;
}

/** The identity of an object in a cluster: API group, kind, namespace, name. */
function objectKey(object: ApiObject): string {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  const namespace = object.metadata.namespace ?? Chart.of(object).namespace ?? '';
  return JSON.stringify([group, object.kind, namespace, object.name]);
}

function describe(object: ApiObject): string {
  const namespace = object.metadata.namespace ?? Chart.of(object).namespace;
  return `${object.kind} '${object.name}'${namespace ? ` in namespace '${namespace}'` : ''}`;
}

/**
 * The clashes of `instance`'s objects with those of every other instance in `instances`: one message per object,
 * naming both instances.
 */
export function objectClashes(instance: ClaimingInstance, instances: readonly ClaimingInstance[]): string[] {
  const claims = new Map<string, ClaimingInstance>();
  for (const other of instances) {
    if (other === instance) continue;
    for (const object of other.node.findAll().filter(ApiObject.isApiObject)) claims.set(objectKey(object), other);
  }
  return instance.node.findAll().filter(ApiObject.isApiObject).flatMap((object) => {
    const other = claims.get(objectKey(object));
    return other
      ? [`SupersetInstance '${instance.instanceName}' (${instance.node.path}) and SupersetInstance '${other.instanceName}' `
        + `(${other.node.path}) both emit ${describe(object)}: objects of different instances in one namespace must not `
        + 'share a kind and name, or one replaces the other on apply; rename one of the instances or put it in another namespace']
      : [];
  });
}
