import { ApiObject, Chart } from 'cdk8s';
import type { IConstruct } from 'constructs';

/*
 * Two instances in one namespace must never emit the same object: the second apply would silently replace the
 * first. The names follow the operator's scheme (`<instance>-<component>`, `<instance>-celery-worker`, ...), so an
 * instance whose name extends another's can land on the same name (`a`'s worker ServiceMonitor `a-celery-worker`
 * and the ServiceMonitor of instance `a-celery-worker`). Such clashes are found across every instance of the app,
 * in time linear in the number of objects: an app of a thousand instances builds as fast as a thousand apps.
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

/** How many clashing objects a message names before it counts the rest. */
const NAMED = 3;

/** One message for all the objects two instances both emit: one mistake (a name, a namespace), one problem. */
function clash(instance: ClaimingInstance, other: ClaimingInstance, objects: readonly ApiObject[]): string {
  const named = objects.slice(0, NAMED).map(describe);
  const rest = objects.length - named.length;
  const list = rest > 0 ? `${named.join(', ')} and ${rest} more object${rest === 1 ? '' : 's'}` : named.join(' and ');
  return `SupersetInstance '${instance.instanceName}' (${instance.node.path}) and SupersetInstance '${other.instanceName}' `
    + `(${other.node.path}) both emit ${list}: objects of different instances in one namespace must not `
    + 'share a kind and name, or one replaces the other on apply; rename one of the instances or put it in another namespace';
}

function objectsOf(instance: ClaimingInstance): ApiObject[] {
  return instance.node.findAll().filter(ApiObject.isApiObject);
}

/**
 * An instance and the objects it emitted when last checked, with their identities. The app is checked again at
 * every synthesis (twice per `synthYaml`); an object's API version, kind, name and namespace are read-only once it
 * is built, so only objects added since are keyed again.
 */
interface Claimed {
  readonly instance: ClaimingInstance;
  objects: readonly ApiObject[];
  keys: readonly string[];
}

/** The instances of one app and the objects they claim. */
class Claims {
  private readonly owners = new Map<string, ClaimingInstance>();
  private readonly instances: Claimed[] = [];

  /** Registers an instance's objects and returns their clashes with the instances registered before it. */
  public claim(instance: ClaimingInstance): string[] {
    if (this.instances.length === 0) {
      // Objects can still be added to an instance after it is built (escape hatches): the whole app is checked
      // again, once, when it synthesizes.
      instance.node.addValidation({ validate: () => this.recheck() });
    }
    const claimed: Claimed = { instance, objects: [], keys: [] };
    this.instances.push(claimed);
    return this.register(this.owners, claimed);
  }

  private register(owners: Map<string, ClaimingInstance>, claimed: Claimed): string[] {
    const { instance } = claimed;
    const objects = objectsOf(instance);
    const keys = objects.map((object, i) => (object === claimed.objects[i] ? claimed.keys[i] : objectKey(object)));
    claimed.objects = objects;
    claimed.keys = keys;
    const clashing = new Map<ClaimingInstance, ApiObject[]>();
    objects.forEach((object, i) => {
      const other = owners.get(keys[i]);
      if (other && other !== instance) clashing.set(other, [...(clashing.get(other) ?? []), object]);
      else owners.set(keys[i], instance);
    });
    return [...clashing].map(([other, clashed]) => clash(instance, other, clashed));
  }

  private recheck(): string[] {
    const owners = new Map<string, ClaimingInstance>();
    return this.instances.flatMap((claimed) => this.register(owners, claimed));
  }
}

const APPS = new WeakMap<IConstruct, Claims>();

/**
 * Claims the objects of a newly built instance in its app, and returns one message per other instance of the app
 * that already emits some of them, naming those objects.
 */
export function claimObjects(instance: ClaimingInstance): string[] {
  const root = instance.node.root;
  const claims = APPS.get(root) ?? new Claims();
  APPS.set(root, claims);
  return claims.claim(instance);
}
