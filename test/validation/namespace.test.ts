import { Chart, Testing } from 'cdk8s';
import { MINIMAL } from './helpers';
import { SupersetInstance, SupersetValidationError } from '../../src';
import type { SupersetInstanceProps } from '../../src';
import { validateInstanceProps } from '../../src/validate/validate-instance';

const MONITORED: SupersetInstanceProps = { ...MINIMAL, webServer: {}, monitoring: { serviceMonitor: {} }, lifecycle: { disabled: true } };

function problems(props: SupersetInstanceProps, chart?: { namespace?: string }): string[] {
  try {
    validateInstanceProps(props, 'demo', { chart });
    return [];
  } catch (error) {
    return (error as SupersetValidationError).violations.map((v) => `${v.path}: ${v.rule}; ${v.fix}`);
  }
}

describe('monitoring needs a namespace', () => {
  test('is a validation problem naming the field, not a crash of the monitoring construct', () => {
    expect(problems(MONITORED, {})).toEqual([
      'namespace: is required when monitoring.serviceMonitor is set: the ServiceMonitors\' namespaceSelector and the '
        + 'alert queries name it; set namespace on the props or on the chart',
    ]);
    expect(problems({ ...MONITORED, namespace: 'analytics' }, {})).toEqual([]);
    expect(problems(MONITORED, { namespace: 'analytics' })).toEqual([]);
    // Props validated on their own, outside a chart: the chart's namespace is unknown, so the rule does not judge.
    expect(problems(MONITORED)).toEqual([]);
  });

  test('the construct reads its chart\'s namespace', () => {
    expect(() => new SupersetInstance(Testing.chart(), 'demo', MONITORED)).toThrow(SupersetValidationError);
    const chart = new Chart(Testing.app(), 'test', { namespace: 'analytics' });
    expect(() => new SupersetInstance(chart, 'demo', MONITORED)).not.toThrow();
  });
});

describe('one namespace problem for every feature that needs it', () => {
  test('monitoring and queue scaling together give one problem naming both', () => {
    const both: SupersetInstanceProps = {
      ...MONITORED, valkey: { host: 'valkey' }, celeryWorker: { queueScaling: { maxReplicas: 3 } },
    };
    expect(problems(both, {})).toEqual([
      'namespace: is required when monitoring.serviceMonitor is set: the ServiceMonitors\' namespaceSelector and the '
        + 'alert queries name it; and when celeryWorker.queueScaling is set: the queue\'s name contains it; '
        + 'set namespace on the props or on the chart',
    ]);
  });

  test('a long name with queue scaling and backups gets one name problem, the tightest limit', () => {
    const props: SupersetInstanceProps = {
      ...MINIMAL,
      namespace: 'bi',
      valkey: { host: 'valkey' },
      celeryWorker: { queueScaling: { maxReplicas: 3 } },
      metastore: { host: 'pg', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'pw' } },
      backup: { schedule: '0 3 * * *', persistentVolumeClaim: { claimName: 'backups' } },
    };
    try {
      validateInstanceProps(props, 'a'.repeat(50), { chart: {} });
      throw new Error('expected a validation error');
    } catch (error) {
      const names = (error as SupersetValidationError).violations.filter((v) => v.path === 'name');
      expect(names.map((v) => v.rule)).toEqual([expect.stringMatching(/^must be at most 40 characters with celeryWorker\.queueScaling/)]);
    }
  });
});
