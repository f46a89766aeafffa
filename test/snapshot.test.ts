// A second line of defence after the behaviour tests: any change to the output shows up as a reviewed diff.
// Update deliberately with `npx projen test:update`.
import { synth } from './util';

test('a production instance with every component', () => {
  expect(synth({
    metastore: { host: 'pg', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'password' } },
    valkey: { host: 'valkey', passwordFrom: { name: 'valkey', key: 'password' }, ssl: {} },
    featureFlags: { ALERT_REPORTS: true },
    webServer: { autoscaling: { minReplicas: 2, maxReplicas: 6 }, podDisruptionBudget: { minAvailable: 1 } },
    celeryWorker: { replicas: 2 },
    celeryBeat: {},
    celeryFlower: {},
    mcpServer: {},
    websocketServer: { image: { repository: 'oneacrefund/superset-websocket', tag: '0.1' }, configFrom: { name: 'ws', key: 'config.json' } },
  })).toMatchSnapshot();
});
