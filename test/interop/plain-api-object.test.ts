import { ApiObject, type ApiObjectProps, App, Chart, JsonPatch, Lazy, type ResolutionContext, Yaml } from 'cdk8s';
import fc from 'fast-check';
import { KubeConfigMap, type KubeConfigMapProps } from '../../imports/k8s';

/*
 * `Kube<Kind>` objects synthesize plain props in one pass instead of cdk8s' token resolution. The output must be
 * exactly what cdk8s' own `ApiObject.toJson()` writes for the same props, in every case: plain values, tokens,
 * resolvers of the app's own, JSON patches, metadata changed after construction, unsorted output.
 */

/** The same props as a `KubeConfigMap` and as cdk8s' own `ApiObject`, in one app. */
function both(props: Record<string, unknown>, app = new App()): { fast: ApiObject; cdk8s: ApiObject } {
  const fast = new KubeConfigMap(new Chart(app, 'Fast'), 'Object', props as KubeConfigMapProps);
  const cdk8s = new ApiObject(new Chart(app, 'Cdk8s'), 'Object', { ...props, apiVersion: 'v1', kind: 'ConfigMap' } as ApiObjectProps);
  return { fast, cdk8s };
}

/** The document and its YAML, which shows key order and `undefined` in arrays; or the error, without the path. */
function written(object: ApiObject): { json: unknown; yaml: string } | { error: string } {
  try {
    const json = object.toJson();
    return { json, yaml: Yaml.stringify(json) };
  } catch (error) {
    return { error: String(error).replace(object.node.path, 'PATH') };
  }
}

const expectSame = ({ fast, cdk8s }: { fast: ApiObject; cdk8s: ApiObject }) => expect(written(fast)).toStrictEqual(written(cdk8s));

const METADATA = { name: 'config', namespace: 'ns', labels: { b: '2', a: '1' }, annotations: { z: 'x' } };

/** JSON-like values with `null` and `undefined` anywhere, keys in any order, and some objects without a prototype. */
const plainValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('10', '9', 'a', 'B', '_')), tie('value'), { maxKeys: 5, noNullPrototype: true }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 2 }),
  ),
})).value;

describe('plain Kubernetes objects synthesize exactly as cdk8s does', () => {
  test('any plain props, sorted', () => {
    fc.assert(fc.property(plainValue, plainValue, (data, extra) => {
      expectSame(both({ metadata: METADATA, data, binaryData: extra, immutable: true }));
    }), { seed: 13, numRuns: 300 });
  });

  test('any plain props, with CDK8S_DISABLE_SORT', () => {
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      fc.assert(fc.property(plainValue, (data) => {
        expectSame(both({ data, metadata: METADATA, immutable: false }));
      }), { seed: 13, numRuns: 100 });
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
  });

  test('plain props skip the token resolution', () => {
    const spy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      both({ metadata: METADATA, data: { key: 'value' } }).fast.toJson();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  test('tokens are resolved by cdk8s', () => {
    const pair = both({ metadata: METADATA, data: { lazy: Lazy.any({ produce: () => ({ b: 1, a: [null, 'x'] }) }) } });
    expectSame(pair);
    expect(pair.fast.toJson().data).toEqual({ lazy: { a: [undefined, 'x'], b: 1 } });
    expectSame(both({ metadata: METADATA, data: { implicit: { resolve: () => 'resolved' } } }));
  });

  test("the app's own resolvers are applied", () => {
    const upper = {
      resolve: (context: ResolutionContext) => {
        if (context.value === 'value') context.replaceValue('VALUE');
      },
    };
    const pair = both({ metadata: METADATA, data: { key: 'value' } }, new App({ resolvers: [upper] }));
    expectSame(pair);
    expect(pair.fast.toJson().data).toEqual({ key: 'VALUE' });
  });

  test('JSON patches and metadata added after construction are written', () => {
    const pair = both({ metadata: METADATA, data: { key: 'value' } });
    for (const object of [pair.fast, pair.cdk8s]) {
      object.addJsonPatch(JsonPatch.add('/data/other', 'patched'));
      object.metadata.addLabel('added', 'later');
      object.metadata.addAnnotation('note', 'later');
    }
    expectSame(pair);
    expect(pair.fast.toJson().data).toEqual({ key: 'value', other: 'patched' });
  });

  test('arrays and objects a built-in resolver would replace are resolved by cdk8s', () => {
    const withResolve = Object.assign(['a'], { resolve: () => ['resolved'] });
    const union = Object.assign(['a'], { value: 'union' });
    const hiddenConstructor = Object.defineProperty({ a: 1 }, 'constructor', { value: 'x', enumerable: false });
    for (const data of [{ withResolve }, { union }, { hiddenConstructor }, { own: { constructor: 'x' } }, { sparse: [1, , 3] }]) {
      expectSame(both({ metadata: METADATA, data }));
    }
    expect(both({ metadata: METADATA, data: { withResolve } }).fast.toJson().data).toEqual({ withResolve: ['resolved'] });
  });

  test('values cdk8s refuses are refused alike', () => {
    class Custom {
      public readonly field = 'x';
    }
    const pair = both({ metadata: METADATA, data: { custom: new Custom() } });
    expectSame(pair);
    expect(() => pair.fast.toJson()).toThrow("can't render non-simple object of type 'Custom'");
  });
});
