import { at, isSet, pickSet } from './rule';
import type { Rule } from './rule';
import type { SqlaEngineOptionsSpec } from '../../spec';
import { violation } from '../violations';

/**
 * Beyond the operator: fields that would have no effect where they are written. The operator ignores them
 * silently; here each is an error, so nothing the user wrote is dropped.
 */

const SCALABLE = ['webServer', 'celeryWorker', 'celeryFlower', 'websocketServer', 'mcpServer'] as const;

/** A component's `replicas` is ignored when the top-level autoscaling applies to it. */
export const replicasUnderInheritedAutoscaling: Rule = (props) => {
  if (!isSet(props.autoscaling)) return [];
  return SCALABLE.flatMap((component) => {
    const own = props[component];
    // Workers scaled on their queue are not under the top-level autoscaling; their own rule refuses `replicas`.
    const queueScaled = component === 'celeryWorker' && isSet(props.celeryWorker?.queueScaling);
    return isSet(own?.replicas) && !isSet(own?.autoscaling) && !queueScaled
      ? [violation(`${component}.replicas`, 'has no effect: the top-level autoscaling applies to this component',
        own?.replicas, `remove it, or set ${component}.autoscaling to scale it differently`)]
      : [];
  });
};

/** Components never inherit the top-level container command or args. */
export const topLevelCommandNotInherited: Rule = (props) => (['command', 'args'] as const).flatMap((field) => {
  const value = props.podTemplate?.container?.[field];
  return isSet(value)
    ? [violation(`podTemplate.container.${field}`, `has no effect: components never inherit the top-level ${field}`,
      value, `set it on the component that should run it, e.g. webServer.podTemplate.container.${field}`)]
    : [];
});

const POOL_FIELDS = ['poolSize', 'maxOverflow', 'poolRecycle', 'poolPrePing', 'poolTimeout'] as const;

/** Pool sizing fields need a pooled preset: `conservative` is NullPool and `disabled` renders nothing. */
export const poolFieldsNeedPooledPreset: Rule = (props) => {
  const places: { readonly path: string; readonly spec?: SqlaEngineOptionsSpec }[] = [
    { path: 'sqlaEngineOptions', spec: props.sqlaEngineOptions },
    { path: 'webServer.sqlaEngineOptions', spec: props.webServer?.sqlaEngineOptions },
    { path: 'celeryWorker.sqlaEngineOptions', spec: props.celeryWorker?.sqlaEngineOptions },
    { path: 'celeryBeat.sqlaEngineOptions', spec: props.celeryBeat?.sqlaEngineOptions },
    { path: 'mcpServer.sqlaEngineOptions', spec: props.mcpServer?.sqlaEngineOptions },
    { path: 'lifecycle.sqlaEngineOptions', spec: props.lifecycle?.sqlaEngineOptions },
  ];
  return places.flatMap(({ path, spec }) => {
    const set = spec ? pickSet(spec, POOL_FIELDS) : {};
    if (Object.keys(set).length === 0) return [];
    if (spec?.preset === 'conservative' || spec?.preset === 'disabled') {
      return [violation(path, `pool fields have no effect with preset '${spec.preset}'`, set,
        "use preset 'balanced', 'performance' or 'aggressive', or remove the pool fields")];
    }
    // Beat and the lifecycle tasks always run one short-lived process with NullPool.
    return path.startsWith('celeryBeat') || path.startsWith('lifecycle')
      ? [violation(path, 'pool fields have no effect: this always uses NullPool', set, 'remove the pool fields')]
      : [];
  });
};

/** With preset `disabled`, gunicorn and Celery settings are not rendered at all. */
export const fieldsUnderDisabledPreset: Rule = (props) => {
  const places = [
    { path: 'webServer.gunicorn', spec: props.webServer?.gunicorn as Record<string, unknown> | undefined },
    { path: 'celeryWorker.celery', spec: props.celeryWorker?.celery as Record<string, unknown> | undefined },
  ];
  return places.flatMap(({ path, spec }) => {
    if (spec?.preset !== 'disabled') return [];
    const fields = Object.keys(spec).filter((key) => key !== 'preset' && isSet(spec[key]));
    return fields.length > 0
      ? [violation(at(path, 'preset'), "'disabled' renders none of the other fields", pickSet(spec, fields),
        'choose a preset or remove the other fields')]
      : [];
  });
};

export const IGNORED_INPUT_RULES: readonly Rule[] = [
  replicasUnderInheritedAutoscaling, topLevelCommandNotInherited, poolFieldsNeedPooledPreset, fieldsUnderDisabledPreset,
];
