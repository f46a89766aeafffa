import { checkStructure } from './check-structure';
import type { Schema } from './schema';
import { violation } from './violations';
import { SupersetValidationError, type Violation } from '../base/errors';
import { isPlainObject } from '../base/plain-data';

/**
 * Checks the props of a construct used on its own (routing, policies, monitoring) against the part of the spec's
 * schema they are, with `extra` problems the construct finds itself, and throws them all in one error.
 *
 * @param subject how messages name the construct: `GatewayRouting 'route'`
 * @param schema the schema of the spec's part (`networking.gateway`, `networkPolicy`, ...)
 * @param props the construct's own props, without the instance
 * @param extra problems found beyond the schema (the instance has no web server, ...)
 */
export function validatePart(subject: string, schema: Schema, props: unknown, extra: readonly Violation[] = []): void {
  const problems = [
    ...extra,
    ...(isPlainObject(props) ? checkStructure(props, schema, '') : [violation('props', 'must be an object', props)]),
  ];
  if (problems.length > 0) throw new SupersetValidationError(subject, problems);
}
