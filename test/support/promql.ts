/**
 * PromQL checks with Prometheus' own grammar (`@prometheus-io/lezer-promql`, the parser of the Prometheus UI).
 * It ships a CommonJS build, so it loads in jest directly.
 */
import { parser } from '@prometheus-io/lezer-promql';

/** A node of the parse tree. */
type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/** One label matcher of a selector: `label op "value"`. */
export interface LabelMatcher {
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

/** One vector selector: the metric name (empty when only matchers are given) and its matchers. */
export interface VectorSelector {
  readonly metric: string;
  readonly matchers: readonly LabelMatcher[];
  /**
   * The selectors this one's series must also match through `and on (<labels>)`: for each operation
   * `<expr> and on (<labels>) <selector>` with this selector inside `<expr>`, the right-hand selector and the labels.
   */
  readonly joins: readonly Join[];
}

/** The right-hand side of an `and on (<labels>) <selector>` that keeps only the left-hand series it matches. */
export interface Join {
  readonly on: readonly string[];
  readonly selector: Omit<VectorSelector, 'joins'>;
}

/** A parsed expression: syntax errors (empty when it parses) and every vector selector in it. */
export interface ParsedPromQL {
  readonly errors: readonly string[];
  readonly selectors: readonly VectorSelector[];
}

const OPS: Record<string, LabelMatcher['op']> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

/** Parses `expr`; an error node anywhere in the tree is reported with its position and surrounding text. */
export function parsePromQL(expr: string): ParsedPromQL {
  const tree = parser.parse(expr);
  const errors: string[] = [];
  const selectors: VectorSelector[] = [];
  const text = (from: number, to: number) => expr.slice(from, to);
  const selectorOf = (selectorNode: SyntaxNode): Omit<VectorSelector, 'joins'> => {
    const metric = selectorNode.getChild('Identifier');
    const matchers: LabelMatcher[] = [];
    for (const matcher of selectorNode.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
      const name = matcher.getChild('LabelName');
      const op = matcher.getChild('MatchOp')?.firstChild;
      const value = matcher.getChild('StringLiteral');
      if (!name || !op || !value) {
        errors.push(`incomplete matcher: ${text(matcher.from, matcher.to)}`);
        continue;
      }
      matchers.push({ label: text(name.from, name.to), op: OPS[op.name], value: JSON.parse(text(value.from, value.to)) });
    }
    return { metric: metric ? text(metric.from, metric.to) : '', matchers };
  };
  // Walks up from a selector: each `and on (...)` whose left-hand side holds it, with a selector on its right.
  const joinsOf = (selectorNode: SyntaxNode): Join[] => {
    const joins: Join[] = [];
    for (let inner = selectorNode, outer = selectorNode.parent; outer; inner = outer, outer = outer.parent) {
      const modifier = outer.getChild('MatchingModifierClause');
      const right = outer.lastChild;
      if (outer.name !== 'BinaryExpr' || !outer.getChild('And') || !modifier?.getChild('On') || !right) continue;
      if (right.name !== 'VectorSelector' || inner.to > modifier.from) continue;
      const on = modifier.getChild('GroupingLabels')?.getChildren('LabelName').map((l) => text(l.from, l.to)) ?? [];
      joins.push({ on, selector: selectorOf(right) });
    }
    return joins;
  };
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors.push(`syntax error at ${node.from}: ...${text(Math.max(0, node.from - 20), node.to + 20)}...`);
      }
      if (node.name === 'VectorSelector') selectors.push({ ...selectorOf(node.node), joins: joinsOf(node.node) });
    },
  });
  return { errors, selectors };
}

/** Whether a label set satisfies one matcher, as Prometheus evaluates it (regexes are anchored at both ends). */
export function matcherAccepts(matcher: LabelMatcher, labels: Record<string, string>): boolean {
  const value = labels[matcher.label] ?? '';
  switch (matcher.op) {
    case '=': return value === matcher.value;
    case '!=': return value !== matcher.value;
    case '=~': return new RegExp(`^(?:${matcher.value})$`).test(value);
    case '!~': return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}
