import { parseArgs } from 'node:util';
import { isDnsLabel } from '../base/patterns';

/** What to do with documents that are not `Superset` resources. */
export type OtherKinds = 'pass' | 'refuse';

/** The options of `cdk8s-superset render`. */
export interface RenderOptions {
  /** Files, directories and `-` (stdin), in order; stdin when none is given. */
  readonly inputs: readonly string[];
  /** Write one file per resource into this directory instead of stdout. */
  readonly outputDir?: string;
  /** The namespace of resources that name none. */
  readonly namespace?: string;
  readonly otherKinds: OtherKinds;
  /** Validate only; write nothing. */
  readonly check: boolean;
  /** Render resources that use controller-only fields by dropping those fields. */
  readonly dropControllerOnly: boolean;
}

/** A command line the program cannot run: exit code 2, with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  cdk8s-superset render [FILE|DIR|-]... [-o DIR] [--namespace NS] [--other-kinds pass|refuse]
                        [--check] [--drop-controller-only]
  cdk8s-superset dashboard [--namespace NS] [--name NAME] [--label KEY=VALUE]... [--annotation KEY=VALUE]...
                           [--uid UID] [--title TITLE] [--instance-namespace NS]... [--helm-chart]
  cdk8s-superset krm            a KRM function: a ResourceList on stdin, the rendered ResourceList on stdout
  cdk8s-superset --version | --help

render reads YAML files, directories (their *.yaml, *.yml and *.json files, recursively, in path order) and
standard input (-, or no input at all), and replaces every superset.apache.org/v1alpha1 Superset with the
manifests of its instance.

  -o, --output DIR          write one file per resource into DIR instead of standard output
      --namespace NS        the namespace of resources whose metadata names none
      --other-kinds MODE    pass (default): copy documents of other kinds to the output; refuse: treat them as errors
      --check               validate every document and report every problem; write nothing
      --drop-controller-only
                            render resources that use fields only the operator's controller can carry out
                            (lifecycle.maintenancePage, lifecycle.upgradeMode: Supervised) by dropping those fields,
                            listing each on standard error

dashboard writes the one Grafana dashboard for every instance, a ConfigMap labelled grafana_dashboard: "1", to
standard output; place it once, in a namespace Grafana's dashboard sidecar loads. --instance-namespace offers only
the instances of those namespaces (a dashboard per tenant, each with its own --uid); --helm-chart escapes it for a
Helm chart's templates.

Exit codes: 0 success, 1 invalid input (every problem is listed on standard error), 2 usage error,
70 internal error (a defect of cdk8s-superset; please report it).
`;

/**
 * Refuses an option given more than once when it takes one value: node's parseArgs keeps the last, which would
 * drop the others without a word.
 */
export function refuseRepeated(tokens: readonly { readonly kind: string; readonly name?: string }[], repeatable: readonly string[] = []): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined || repeatable.includes(token.name)) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }
}

/** The options of a `render` command line (the arguments after `render`). */
export function parseRenderOptions(args: readonly string[]): RenderOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals, tokens } = parsed;
  refuseRepeated(tokens);
  const otherKinds = values['other-kinds'] ?? 'pass';
  if (otherKinds !== 'pass' && otherKinds !== 'refuse') {
    throw new UsageError(`--other-kinds must be 'pass' or 'refuse', got ${JSON.stringify(otherKinds)}`);
  }
  const namespace = values.namespace;
  if (namespace !== undefined && !isDnsLabel(namespace)) {
    throw new UsageError(`--namespace must be a DNS label (lowercase letters, digits and '-'), got ${JSON.stringify(namespace)}`);
  }
  if (values.check && values.output !== undefined) throw new UsageError('--check writes nothing; leave out --output');
  return {
    inputs: positionals.length > 0 ? positionals : ['-'],
    outputDir: values.output,
    namespace,
    otherKinds,
    check: values.check ?? false,
    dropControllerOnly: values['drop-controller-only'] ?? false,
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    tokens: true,
    options: {
      'output': { type: 'string', short: 'o' },
      'namespace': { type: 'string' },
      'other-kinds': { type: 'string' },
      'check': { type: 'boolean' },
      'drop-controller-only': { type: 'boolean' },
    },
  });
}
