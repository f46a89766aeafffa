import { writeFileSync } from 'fs';
import * as path from 'path';
import type { Manifest } from '../util';

/*
 * What a pod sees, computed from the manifests as the kubelet computes it: the files of its `superset-config`
 * volume (a ConfigMap, or a projected volume of several) and a container's environment (`envFrom` sources in
 * order, then `env`, which wins).
 */

function configMapData(manifests: readonly Manifest[], name: string): Record<string, string> {
  const configMap = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === name);
  if (!configMap) throw new Error(`no ConfigMap ${name} in the manifests`);
  return configMap.data ?? {};
}

/** The pod spec of a Deployment, Job or CronJob. */
export function podSpecOf(workload: Manifest): any {
  return workload.kind === 'CronJob' ? workload.spec.jobTemplate.spec.template.spec : workload.spec.template.spec;
}

/** The files of a pod's `superset-config` volume (its /app/pythonpath), by file name. */
export function pythonPath(manifests: readonly Manifest[], workload: Manifest): Record<string, string> {
  const volume = (podSpecOf(workload).volumes ?? []).find((v: any) => v.name === 'superset-config');
  if (!volume) throw new Error(`${workload.kind} ${workload.metadata.name} has no superset-config volume`);
  const sources = volume.projected ? volume.projected.sources.map((s: any) => s.configMap) : [volume.configMap];
  const files: Record<string, string> = {};
  for (const source of sources) {
    const data = configMapData(manifests, source.name);
    for (const item of source.items ?? Object.keys(data).map((key) => ({ key, path: key }))) files[item.path] = data[item.key];
  }
  return files;
}

/** Every Python file of a pod's PYTHONPATH in one text, `superset_config.py` first: what the pod's config can contain. */
export function pythonText(manifests: readonly Manifest[], workload: Manifest): string {
  const files = pythonPath(manifests, workload);
  const { 'superset_config.py': config, ...others } = files;
  return [config, ...Object.keys(others).sort().map((name) => others[name])].join('\n');
}

/** Writes a pod's PYTHONPATH files into `folder`; returns the path of its superset_config.py. */
export function writePythonPath(folder: string, files: Readonly<Record<string, string>>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return path.join(folder, 'superset_config.py');
}

/**
 * The kubelet's expansion of an `env` value: `$$` is a `$`, `$(NAME)` is the value of a variable defined before it
 * (by `envFrom` or an earlier `env` entry) and stays as written otherwise; any other `$` is kept.
 */
export function expandEnvValue(value: string, defined: Readonly<Record<string, string>>): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '$' || i + 1 >= value.length) {
      out += value[i];
    } else if (value[i + 1] === '$') {
      out += '$';
      i++;
    } else if (value[i + 1] === '(') {
      const close = value.indexOf(')', i + 2);
      if (close < 0) {
        out += value.slice(i);
        break;
      }
      const name = value.slice(i + 2, close);
      out += Object.prototype.hasOwnProperty.call(defined, name) ? defined[name] : value.slice(i, close + 1);
      i = close;
    } else {
      out += value[i];
    }
  }
  return out;
}

/**
 * A container's environment as the kubelet sets it: each `envFrom` ConfigMap in order (values as they are), then
 * `env` (values expanded); the downward API's namespace is `namespace`; Secret references are looked up in
 * `secrets` (keyed `<secret>/<key>`).
 */
export function containerEnv(
  manifests: readonly Manifest[], container: any, namespace: string, secrets: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (!source.configMapRef) throw new Error('only ConfigMap env sources are resolved here');
    Object.assign(env, configMapData(manifests, source.configMapRef.name));
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) {
      env[e.name] = expandEnvValue(e.value, env);
    } else if (e.valueFrom.fieldRef?.fieldPath === 'metadata.namespace') {
      env[e.name] = namespace;
    } else {
      const ref = e.valueFrom.secretKeyRef;
      const value = secrets[`${ref.name}/${ref.key}`];
      if (value === undefined) throw new Error(`no test value for Secret ${ref.name}/${ref.key}`);
      env[e.name] = value;
    }
  }
  return env;
}
