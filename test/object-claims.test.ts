import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { SupersetInstance, type SupersetInstanceProps } from '../src';
import { BASE } from './util';

const MONITORED: Partial<SupersetInstanceProps> = { webServer: {}, celeryWorker: {}, monitoring: { serviceMonitor: {} } };

function build(instances: [string, string | undefined][]): () => void {
  return () => {
    const chart = Testing.chart();
    for (const [name, namespace] of instances) new SupersetInstance(chart, name, { ...BASE, ...MONITORED, namespace });
    Testing.synth(chart);
  };
}

describe('objects claimed by two instances', () => {
  test('an instance whose name extends another\'s cannot take its worker ServiceMonitor in the same namespace', () => {
    expect(build([['a', 'bi'], ['a-celery-worker', 'bi']])).toThrow(
      'SupersetInstance \'a-celery-worker\' (test/a-celery-worker) and SupersetInstance \'a\' (test/a) both emit '
        + 'ServiceMonitor \'a-celery-worker\' in namespace \'bi\': objects of different instances in one namespace must not '
        + 'share a kind and name, or one replaces the other on apply; rename one of the instances or put it in another namespace');
  });

  test('the same instance name twice in one namespace is refused, also from different charts of one app', () => {
    const app = Testing.app();
    new SupersetInstance(new Chart(app, 'one', { namespace: 'bi' }), 'x', { ...BASE, ...MONITORED, name: 'demo' });
    let error: unknown;
    try {
      new SupersetInstance(new Chart(app, 'two', { namespace: 'bi' }), 'y', { ...BASE, ...MONITORED, name: 'demo' });
    } catch (caught) {
      error = caught;
    }
    // One mistake, one problem: every object clashes, and the message names the first three and counts the rest.
    const message = String(error);
    expect(message.match(/both emit/g)).toHaveLength(1);
    expect(message).toMatch(new RegExp('SupersetInstance \'demo\' \\(two/y\\) and SupersetInstance \'demo\' \\(one/x\\) both emit '
      + 'ServiceAccount \'demo\' in namespace \'bi\', ConfigMap \'demo-shared-config\' in namespace \'bi\', \\w+ \'[^\']+\' in namespace '
      + '\'bi\' and \\d+ more objects: objects of different instances'));
  });

  test('instances in different namespaces, or with names that do not collide, are fine', () => {
    expect(build([['a', 'bi'], ['a-celery-worker', 'other']])).not.toThrow();
    expect(build([['a', 'bi'], ['a-web', 'bi'], ['b', 'bi']])).not.toThrow();
  });

  test('an object added to an instance after the fact is checked when the app synthesizes', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const chart = new Chart(app, 'c', { namespace: 'bi' });
    const a = new SupersetInstance(chart, 'a', { ...BASE, webServer: {} });
    new SupersetInstance(chart, 'b', { ...BASE, webServer: {} });
    // An escape hatch object of `a` named like one of `b`'s.
    new ApiObject(a, 'Extra', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'b-web-server' } });
    // The whole app is checked again at synth, in build order: `b` built its Service first.
    expect(() => app.synth()).toThrow(/SupersetInstance 'b' \(c\/b\) and SupersetInstance 'a' \(c\/a\) both emit Service 'b-web-server'/);
  });
});
