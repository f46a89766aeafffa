import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { ResolvedInstance } from '../base/model/instance';
import { escapeHelmTemplates } from '../render/helm';

/*
 * With `lifecycle.delivery: 'Helm'` the synthesized file becomes a chart template, which Helm renders with Go's
 * text/template: any `{{` in it would be an action (`{{ lookup … }}` reads Secrets). Nothing this library emits is
 * meant as one, so every string of every object (keys included) is escaped as its objects are synthesized, once,
 * after all other rendering: Helm then renders each object back to exactly what Plain delivery would apply, the
 * user's own text (`config`, scripts, annotations, env values) included.
 */

const escaped = new WeakSet<ApiObject>();

/** A JSON value with every string and key escaped for Helm. */
function escapeValue(value: unknown): unknown {
  if (typeof value === 'string') return escapeHelmTemplates(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [escapeHelmTemplates(key), escapeValue(child)]));
  }
  return value;
}

/** Whether an instance's objects end up in a Helm chart. */
export function deliveredByHelm(instance: Pick<ResolvedInstance, 'delivery'>): boolean {
  return instance.delivery === 'Helm';
}

/**
 * Makes every API object under `scope` synthesize escaped for Helm: the final JSON (patches applied) passes through
 * the escaping. Each object is wrapped once, however many constructs ask for it.
 */
export function escapeForHelm(scope: IConstruct): void {
  for (const object of scope.node.findAll().filter(ApiObject.isApiObject)) {
    if (escaped.has(object)) continue;
    escaped.add(object);
    const render = object.toJson.bind(object);
    object.toJson = () => escapeValue(render());
  }
}
