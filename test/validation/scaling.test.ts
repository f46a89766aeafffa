import { expectProblem, expectValid, withMinimal } from './helpers';

const LEVELS = ['', 'webServer', 'celeryWorker', 'celeryFlower', 'mcpServer'];

/** Props with `spec` at the top level (`''`) or on a component. */
function at(level: string, spec: object): unknown {
  return withMinimal(level === '' ? spec : { [level]: spec });
}

function path(level: string, field: string): string {
  return level === '' ? field : `${level}.${field}`;
}

describe('scaling rules', () => {
  test.each(LEVELS)('fails when autoscaling maxReplicas < minReplicas (level %p)', (level) => {
    expectProblem(at(level, { autoscaling: { minReplicas: 3, maxReplicas: 2 } }), path(level, 'autoscaling.maxReplicas'),
      'maxReplicas must be >= minReplicas', 'minReplicas is 3', 'got 2');
  });

  test.each(LEVELS)('fails when a disruption budget sets minAvailable and maxUnavailable (level %p)', (level) => {
    const podDisruptionBudget = { minAvailable: 1, maxUnavailable: '50%' };
    expectProblem(at(level, { podDisruptionBudget }), path(level, 'podDisruptionBudget'),
      'minAvailable and maxUnavailable are mutually exclusive', 'got {"minAvailable":1,"maxUnavailable":"50%"}');
  });

  test.each(LEVELS)('fails when one level sets both replicas and autoscaling (level %p)', (level) => {
    expectProblem(at(level, { replicas: 3, autoscaling: { maxReplicas: 5 } }), path(level, 'replicas'),
      `replicas is ignored when ${path(level, 'autoscaling')} is set`, 'got 3', 'remove one of');
  });

  test('fails when the websocket server sets both replicas and autoscaling', () => {
    const websocketServer = { image: { repository: 'ws' }, replicas: 2, autoscaling: { maxReplicas: 4 } };
    expectProblem(withMinimal({ websocketServer }), 'websocketServer.replicas',
      'replicas is ignored when websocketServer.autoscaling is set', 'got 2');
  });

  test('accepts top-level replicas with a component that autoscales, and component autoscaling over it', () => {
    expectValid(withMinimal({ replicas: 2, webServer: { autoscaling: { minReplicas: 2, maxReplicas: 6 } } }));
    expectValid(withMinimal({ autoscaling: { maxReplicas: 4 }, celeryWorker: { autoscaling: { maxReplicas: 2 } } }));
  });
});
