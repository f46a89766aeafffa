// The exporter's labels survive a scrape as prometheus-operator configures it for a ServiceMonitor endpoint: a real
// Prometheus (Debian's) scrapes a small HTTP server that serves the series the statsd mapping produces, with the
// target labels the operator sets and `honor_labels: false`; the stored series must carry the exporter's labels
// unchanged (a clash would be renamed `exported_<label>` and replaced by the target's value).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Yaml } from 'cdk8s';
import { SCRAPE_TARGET_LABELS } from '../../src/base/monitoring-names';
import { STATSD_MAPPING } from '../../src/resolve/statsd-exporter';
import { freePort } from '../support/servers';

/** The exported series: one per mapping with labels, its `$n` captures filled with sample values. */
const SERIES = STATSD_MAPPING.mappings.flatMap((mapping) => {
  const labels = 'labels' in mapping ? mapping.labels as Record<string, string> : undefined;
  if (!labels) return [];
  const values = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v.replace(/\$(\d)/g, (_, n) => `capture${n}`)]));
  return [{ name: mapping.name, labels: values }];
});

const exposition = () => SERIES.map(({ name, labels }) => {
  const rendered = Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',');
  return `${name}{${rendered}} 1\n`;
}).join('');

test('no mapping label is one the scrape sets', () => {
  const labels = new Set(SERIES.flatMap((s) => Object.keys(s.labels)));
  expect(labels.size).toBeGreaterThan(0);
  for (const label of SCRAPE_TARGET_LABELS) expect(labels.has(label)).toBe(false);
});

describe('a real Prometheus scraping through the ServiceMonitor relabelling', () => {
  let dir: string;
  let exporter: Server;
  let prometheus: ChildProcess | undefined;
  let webPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'prom-'));
    exporter = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(exposition()));
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    const exporterPort = (exporter.address() as { port: number }).port;
    webPort = await freePort();
    // What prometheus-operator generates for a ServiceMonitor endpoint (port `metrics`), with the Kubernetes
    // service-discovery labels given statically.
    const meta = (name: string) => `__meta_kubernetes_${name}`;
    const config = {
      global: { scrape_interval: '1s', scrape_timeout: '1s' },
      scrape_configs: [{
        job_name: 'serviceMonitor/bi/demo/0',
        honor_labels: false,
        static_configs: [{
          targets: [`127.0.0.1:${exporterPort}`],
          labels: {
            [meta('namespace')]: 'bi',
            [meta('service_name')]: 'demo-web-server',
            [meta('pod_name')]: 'demo-web-server-6d5f7c9b8d-x2k4q',
            [meta('pod_container_name')]: 'statsd-exporter',
            [meta('endpoint_port_name')]: 'metrics',
          },
        }],
        relabel_configs: [
          { source_labels: ['job'], target_label: '__tmp_prometheus_job_name' },
          { action: 'keep', source_labels: [meta('endpoint_port_name')], regex: 'metrics' },
          { source_labels: [meta('namespace')], target_label: 'namespace' },
          { source_labels: [meta('service_name')], target_label: 'service' },
          { source_labels: [meta('pod_name')], target_label: 'pod' },
          { source_labels: [meta('pod_container_name')], target_label: 'container' },
          { source_labels: [meta('service_name')], target_label: 'job', replacement: '${1}' },
          { target_label: 'endpoint', replacement: 'metrics' },
        ],
      }],
    };
    writeFileSync(path.join(dir, 'prometheus.yml'), Yaml.stringify(config));
    prometheus = spawn('prometheus', [
      `--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${webPort}`,
    ], { stdio: 'ignore' });
  }, 30_000);

  afterAll(async () => {
    if (prometheus?.pid !== undefined && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      process.kill(prometheus.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    }
    await new Promise((resolve) => exporter?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  /** The stored series of a metric, polled until the first scrape has landed (at most 30 s). */
  async function seriesOf(metric: string): Promise<Record<string, string>[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${webPort}/api/v1/query?query=${encodeURIComponent(metric)}`);
        const body = await response.json() as { data: { result: { metric: Record<string, string> }[] } };
        if (body.data.result.length > 0) return body.data.result.map((r) => r.metric);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`no ${metric} series within 30s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  test('every exported label arrives unchanged next to the target labels', async () => {
    for (const { name, labels } of SERIES) {
      const stored = await seriesOf(name);
      expect(stored).toContainEqual({
        __name__: name,
        ...labels,
        namespace: 'bi',
        service: 'demo-web-server',
        pod: 'demo-web-server-6d5f7c9b8d-x2k4q',
        container: 'statsd-exporter',
        job: 'demo-web-server',
        endpoint: 'metrics',
        instance: expect.any(String),
      });
      for (const series of stored) expect(Object.keys(series).filter((k) => k.startsWith('exported_'))).toEqual([]);
    }
  }, 60_000);
});
