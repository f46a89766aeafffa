/**
 * How `superset_config.py` obtains the metastore URI: `uri` reads a complete URI from the environment,
 * `structured` assembles one at run time from host, port, name and URL-quoted credentials.
 */
export type MetastoreConfig =
  | { readonly kind: 'uri' }
  | { readonly kind: 'structured'; readonly scheme: string };
