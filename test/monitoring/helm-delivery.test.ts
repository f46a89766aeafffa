import { Yaml } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { synthMonitored } from './fixture';
import type { SupersetInstanceProps } from '../../src';
import { renderGoTemplate } from '../support/go-template';
import { find, type Manifest } from '../util';

/** Every component and the lifecycle, with the given delivery mode. */
const withDelivery = (delivery: 'Plain' | 'Helm', props: Partial<SupersetInstanceProps> = {}) =>
  synthMonitored({ mcpServer: {}, lifecycle: { delivery }, ...props });

/** The file `cdk8s synth` writes, which `--format helm` copies into the chart's templates/ as it is. */
const fileOf = (manifests: Manifest[]) => Yaml.stringify(...manifests);

/** What Helm renders the file into, parsed back. */
const helmRendered = (manifests: Manifest[]) => parseAllDocuments(renderGoTemplate(fileOf(manifests))).map((doc) => doc.toJS());

const ESCAPE_FORM = /\{\{`[^`]*`\}\}/g;

describe('with Helm delivery', () => {
  const helm = withDelivery('Helm');
  const plain = withDelivery('Plain');

  test('no {{ reaches Helm outside the escape form', () => {
    const file = fileOf(helm);
    expect(file).toMatch(ESCAPE_FORM);
    expect(file.replace(ESCAPE_FORM, '')).not.toContain('{{');
  });

  test('Helm renders every object back to what Prometheus and Grafana read without Helm', () => {
    const rendered = helmRendered(helm);
    expect(rendered).toHaveLength(helm.length);
    const byKey = (m: Manifest) => `${m.kind}/${m.metadata.name}`;
    const plainRule = find(plain, 'PrometheusRule', 'demo');
    // Plain delivery adds the schema-wait alert; the alerts both have are the same, templates included.
    const onlyShared = (rule: Manifest, names: string[]) => rule.spec.groups[0].rules.filter((r: any) => names.includes(r.alert));
    const helmRule = rendered.find((m) => byKey(m) === 'PrometheusRule/demo');
    const helmNames = helmRule.spec.groups[0].rules.map((r: any) => r.alert);
    expect(onlyShared(helmRule, helmNames)).toEqual(onlyShared(plainRule, helmNames));
    expect(JSON.stringify(helmRule)).toContain('{{ $labels.pod }}');
    // Everything else had nothing to escape.
    for (const [i, manifest] of helm.entries()) {
      if (byKey(manifest) !== 'PrometheusRule/demo') expect(rendered[i]).toEqual(manifest);
    }
  });

  test('the escaping also covers a lifecycle that is disabled but delivered with Helm', () => {
    const manifests = withDelivery('Helm', { lifecycle: { disabled: true, delivery: 'Helm' } });
    expect(fileOf(manifests).replace(ESCAPE_FORM, '')).not.toContain('{{');
  });
});

describe('without Helm delivery', () => {
  test.each(['Plain', 'ArgoCD'] as const)('%s leaves the templates of Prometheus as they are', (delivery) => {
    const manifests = synthMonitored({ lifecycle: { delivery } });
    const description = find(manifests, 'PrometheusRule', 'demo').spec.groups[0].rules[0].annotations.description;
    expect(description).toContain('{{ $labels.container }}');
    expect(description).not.toContain('`');
  });
});
