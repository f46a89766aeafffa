import type { DocumentSource } from './documents';
import type { Violation } from '../base/errors';

/** One thing wrong with the input (or, with `severity: 'warning'`, a field dropped on request). */
export interface Problem {
  readonly severity: 'error' | 'warning';
  /** The file and document, when the problem is about one. */
  readonly source?: DocumentSource;
  /** The object it is about, when known. */
  readonly resource?: ResourceRef;
  /** The field, as written in the resource (`spec.webServer.replicas`). */
  readonly path?: string;
  /** The rule, the value (hidden when it may be a secret) and the fix. */
  readonly message: string;
}

/** Which object a problem is about, as KRM results name it. */
export interface ResourceRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** A problem from a validation violation, its path already written as in the resource. */
export function problemOf(violation: Violation, severity: Problem['severity'], source?: DocumentSource, resource?: ResourceRef): Problem {
  const got = violation.got === undefined ? '' : `, got ${violation.got}`;
  const fix = violation.fix === undefined ? '' : `; ${violation.fix}`;
  return { severity, source, resource, path: violation.path, message: `${violation.rule}${got}${fix}` };
}

/** `kind namespace/name` for messages. */
export function describeResource(resource: ResourceRef): string {
  return `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
}

/**
 * One line for a person: `file (document N, Kind ns/name): path: message`. Documents are counted from 1 here;
 * KRM results count them from 0, as kustomize does.
 */
export function formatProblem(problem: Problem): string {
  const where: string[] = [];
  if (problem.source) where.push(`document ${problem.source.index + 1}`);
  if (problem.resource) where.push(describeResource(problem.resource));
  const location = problem.source ? `${problem.source.file}${where.length > 0 ? ` (${where.join(', ')})` : ''}: ` : '';
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${location}${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}
