import { escapeHelmTemplates } from '../../src/render/helm';
import { renderGoTemplate } from '../support/go-template';

describe('the Go template model', () => {
  test('prints text, and raw strings in actions, verbatim', () => {
    expect(renderGoTemplate('a }} b')).toBe('a }} b');
    expect(renderGoTemplate('a {{`{{ $x }}`}} b')).toBe('a {{ $x }} b');
    expect(renderGoTemplate('{{ `x\ny` }}')).toBe('x\ny');
  });

  test('trims around markers and drops comments, as Go does', () => {
    expect(renderGoTemplate('a  {{- `b` -}}  c')).toBe('abc');
    expect(renderGoTemplate('a{{/* note */}}b')).toBe('ab');
  });

  test('refuses what Helm would evaluate', () => {
    expect(() => renderGoTemplate('{{ $labels.pod }}')).toThrow(/not a raw string/);
    expect(() => renderGoTemplate('{{pod}}')).toThrow(/not a raw string/);
    expect(() => renderGoTemplate('{{ `a` ')).toThrow(/does not end/);
    expect(() => renderGoTemplate('{{`a}}')).toThrow(/unterminated/);
  });
});

describe('escapeHelmTemplates', () => {
  test('wraps each {{ … }} in an action that prints it', () => {
    expect(escapeHelmTemplates('Pod {{ $labels.namespace }}/{{ $labels.pod }} uses {{ $value | humanizePercentage }}'))
      .toBe('Pod {{`{{ $labels.namespace }}`}}/{{`{{ $labels.pod }}`}} uses {{`{{ $value | humanizePercentage }}`}}');
    expect(escapeHelmTemplates('"legendFormat": "{{pod}}/{{container}}"')).toBe('"legendFormat": "{{`{{pod}}`}}/{{`{{container}}`}}"');
  });

  test('leaves text without {{ unchanged', () => {
    for (const text of ['', 'no templates', 'a } b }} c', 'rate(x{a="b"}[5m])', '${datasource}']) {
      expect(escapeHelmTemplates(text)).toBe(text);
    }
  });

  test.each([
    'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} restarted.',
    '{{ $value | humanizeDuration }}',
    '{{api}}.{{endpoint}}',
    '{{',
    '}}',
    '{{{{',
    '{ {{a}} }',
    '{{{a}}}',
    '{{ a {{ b }} c }}',
    '{{ `quoted` }} and {{ plain }}',
    'a `{{ b }}` c',
    '{{- trimmed -}}',
    '{{/* comment */}}',
    '{{ multi\nline }}\n{{\n}}',
    '{{}}{{}}',
    'tail {',
  ])('renders back to the original with Go template semantics: %j', (text) => {
    expect(renderGoTemplate(escapeHelmTemplates(text))).toBe(text);
  });

  test('renders back a whole dashboard', () => {
    const json = JSON.stringify({ targets: [{ expr: 'sum by (pod) (x{namespace="a"})', legendFormat: '{{pod}}' }] }, null, 2);
    expect(renderGoTemplate(escapeHelmTemplates(json))).toBe(json);
  });
});
