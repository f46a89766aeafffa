import { App, Yaml } from 'cdk8s';
import { isNode, parseAllDocuments, visit } from 'yaml';
import { addTenants } from '../../bench/full-instance';
import { yamlNodes } from '../../bench/yaml-nodes';

/** Nodes as the YAML library sees them after parsing what cdk8s wrote: every mapping, sequence and scalar. */
function parsedNodes(text: string): number {
  let n = 0;
  for (const doc of parseAllDocuments(text)) {
    visit(doc, (_key, node) => {
      if (isNode(node)) n++;
    });
  }
  return n;
}

test('YAML nodes count every mapping, sequence and scalar, keys included', () => {
  expect(yamlNodes({ a: [1, { b: null }], c: 'x' })).toBe(9);
  expect(yamlNodes([])).toBe(1);
  expect(yamlNodes('x')).toBe(1);
});

test('YAML nodes of the benchmark instance equal the nodes the YAML library parses from its YAML', () => {
  const app = new App();
  addTenants(app, 1);
  const docs = app.charts.flatMap((chart) => chart.toJson());
  expect(docs.reduce((n: number, doc) => n + yamlNodes(doc), 0)).toBe(parsedNodes(Yaml.stringify(...docs)));
});
