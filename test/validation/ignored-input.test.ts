import { expectProblem, expectValid, withMinimal } from './helpers';

describe('input that would have no effect', () => {
  test('fails when a component sets replicas under the top-level autoscaling', () => {
    expectProblem(withMinimal({ autoscaling: { maxReplicas: 4 }, celeryWorker: { replicas: 2 } }), 'celeryWorker.replicas',
      'has no effect: the top-level autoscaling applies to this component', 'got 2', 'set celeryWorker.autoscaling');
  });

  test.each(['command', 'args'])('fails when the top-level container sets %s, which components never inherit', (field) => {
    expectProblem(withMinimal({ webServer: {}, podTemplate: { container: { [field]: ['run'] } } }), `podTemplate.container.${field}`,
      `has no effect: components never inherit the top-level ${field}`, 'got ["run"]');
  });

  test.each(['conservative', 'disabled'])('fails when pool fields are set with preset %s', (preset) => {
    expectProblem(withMinimal({ sqlaEngineOptions: { preset: preset as never, poolSize: 5 } }), 'sqlaEngineOptions',
      `pool fields have no effect with preset '${preset}'`, 'got {"poolSize":5}');
  });

  test('fails when pool fields are set for beat or the lifecycle tasks, which always use NullPool', () => {
    expectProblem(withMinimal({ celeryBeat: { sqlaEngineOptions: { poolSize: 5 } } }), 'celeryBeat.sqlaEngineOptions',
      'pool fields have no effect: this always uses NullPool', 'got {"poolSize":5}');
  });

  test('fails when gunicorn or celery fields are set with preset disabled', () => {
    expectProblem(withMinimal({ webServer: { gunicorn: { preset: 'disabled', workers: 4 } } }), 'webServer.gunicorn.preset',
      "'disabled' renders none of the other fields", 'got {"workers":4}');
    expectProblem(withMinimal({ celeryWorker: { celery: { preset: 'disabled', concurrency: 2 } } }), 'celeryWorker.celery.preset',
      "'disabled' renders none of the other fields", 'got {"concurrency":2}');
  });

  test('accepts pool fields with a pooled preset, and a bare disabled preset', () => {
    expectValid(withMinimal({ sqlaEngineOptions: { preset: 'performance', poolSize: 5 }, webServer: { gunicorn: { preset: 'disabled' } } }));
  });
});
