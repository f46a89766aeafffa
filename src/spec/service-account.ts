/** The ServiceAccount of every Superset pod. It mounts no Kubernetes API token: Superset never calls the API. */
export interface ServiceAccountSpec {
  /**
   * Create the ServiceAccount; with `false`, `name` must name an existing one.
   *
   * @default true
   */
  readonly create?: boolean;
  /**
   * ServiceAccount name.
   *
   * @default - the instance name
   */
  readonly name?: string;
  /**
   * ServiceAccount annotations, for example a cloud IAM role.
   *
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}
