import { checkStructure } from './check-structure';
import { RULES } from './rules';
import type { RuleContext } from './rules/rule';
import { INSTANCE_PROPS_SCHEMA } from './spec-schema';
import { throwIfAny, violation } from './violations';
import { isPlainObject } from '../base/plain-data';
import type { SupersetInstanceProps } from '../spec';

/**
 * Checks `SupersetInstance` props before anything is built: the structure of the operator's spec (types, unknown
 * fields, enums, ranges, patterns, required fields), the operator's CEL rules, its name-length rules, Kubernetes
 * syntax the CRD cannot express, and this library's refusals of input the operator would silently drop.
 *
 * Throws one `Error` listing every problem; returns normally when there is none.
 *
 * @param props the props as given, possibly parsed from YAML and so not type-checked
 * @param instanceName the resolved instance name (`props.name`, else the construct id)
 * @param context what the construct knows beyond the props (its chart's namespace)
 */
export function validateInstanceProps(props: SupersetInstanceProps, instanceName: string, context: RuleContext = {}): void {
  const input: unknown = props;
  if (!isPlainObject(input)) {
    throwIfAny(instanceName, [violation('props', 'must be an object', input)]);
    return;
  }
  throwIfAny(instanceName, [
    ...checkStructure(input, INSTANCE_PROPS_SCHEMA, ''),
    ...RULES.flatMap((rule) => rule(props, instanceName, context)),
  ]);
}
