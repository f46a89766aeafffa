import { metastoreScheme, resolveMetastore } from '../../src/resolve/metastore';

const REF = { name: 'db', key: 'uri' };

describe('metastoreScheme', () => {
  test.each([
    [{}, 'postgresql+psycopg2'],
    [{ type: 'PostgreSQL' }, 'postgresql+psycopg2'],
    [{ type: 'MySQL' }, 'mysql+mysqldb'],
    [{ driver: 'pg8000' }, 'postgresql+pg8000'],
    [{ type: 'MySQL', driver: 'pymysql' }, 'mysql+pymysql'],
  ] as const)('%j uses %s', (spec, scheme) => {
    expect(metastoreScheme({ host: 'db', ...spec })).toBe(scheme);
  });
});

describe('resolveMetastore', () => {
  test('no metastore renders nothing', () => {
    expect(resolveMetastore(undefined)).toBeUndefined();
  });

  test('a metastore without uri or host renders nothing', () => {
    expect(resolveMetastore({ type: 'MySQL' })).toBeUndefined();
  });

  test.each([{ uri: 'sqlite://' }, { uriFrom: REF }])('%j is a passthrough URI', (spec) => {
    expect(resolveMetastore(spec)).toEqual({ kind: 'uri' });
  });

  test('a URI wins over structured fields', () => {
    expect(resolveMetastore({ uriFrom: REF, host: 'db' })).toEqual({ kind: 'uri' });
  });

  test('a host selects the structured form with its scheme', () => {
    expect(resolveMetastore({ host: 'db', type: 'MySQL', database: 'superset', username: 'u' }))
      .toEqual({ kind: 'structured', scheme: 'mysql+mysqldb' });
  });
});
