import type * as k8s from '../../imports/k8s';
import type { SupersetInstanceProps } from '../../src';
import { arrayOf, BOOLEAN, INTEGER, kubernetes, object, oneOf, STRING } from '../../src/validate/schema';
import type { Infer } from '../../src/validate/schema';
import type { Same, SchemaProps } from '../../src/validate/spec-shape';

/*
 * The runtime schema and the documented props types cannot drift apart: src/validate/spec-shape.ts makes the build
 * fail when `Infer<typeof INSTANCE_PROPS_SCHEMA>` and `SupersetInstanceProps` differ. This file is type-checked by
 * `tsc -p test/tsconfig.json` (the first step of the tests) and shows the mechanism on a small interface: each
 * `@ts-expect-error` below is one kind of drift, and the check fails if the compiler stops reporting it.
 */

/** A documented props interface, as in src/spec. */
interface Documented {
  readonly name: string;
  readonly port?: number;
  readonly mode?: 'a' | 'b';
  readonly sidecars?: k8s.Container[];
}

const FIELDS = {
  name: STRING,
  port: INTEGER,
  mode: oneOf('a', 'b'),
  sidecars: arrayOf(kubernetes('io.k8s.api.core.v1.Container')),
};

const agreeing = object(FIELDS, ['name']);
const agrees: Same<Infer<typeof agreeing>, Documented> = true;

const { port: _port, ...withoutPort } = FIELDS;
const lacksField = object(withoutPort, ['name']);
// @ts-expect-error the schema lacks `port`
const drift1: Same<Infer<typeof lacksField>, Documented> = true;

const extraField = object({ ...FIELDS, debug: BOOLEAN }, ['name']);
// @ts-expect-error the schema has a field the type does not
const drift2: Same<Infer<typeof extraField>, Documented> = true;

const optionalName = object(FIELDS);
// @ts-expect-error `name` is optional in the schema only
const drift3: Same<Infer<typeof optionalName>, Documented> = true;

const widerEnum = object({ ...FIELDS, mode: oneOf('a', 'b', 'c') }, ['name']);
// @ts-expect-error the schema accepts another value
const drift4: Same<Infer<typeof widerEnum>, Documented> = true;

const otherType = object({ ...FIELDS, port: STRING }, ['name']);
// @ts-expect-error the schema checks another JSON type
const drift5: Same<Infer<typeof otherType>, Documented> = true;

const otherKubernetesType = object({ ...FIELDS, sidecars: arrayOf(kubernetes('io.k8s.api.core.v1.Volume')) }, ['name']);
// @ts-expect-error the schema checks sidecars as another Kubernetes type
const drift6: Same<Infer<typeof otherKubernetesType>, Documented> = true;

test('the runtime schema of the props has the shape of SupersetInstanceProps (checked by the compiler)', () => {
  const real: Same<SchemaProps, SupersetInstanceProps> = true;
  expect(real).toBe(true);
  expect([agrees, drift1, drift2, drift3, drift4, drift5, drift6]).toEqual(Array(7).fill(true));
});
