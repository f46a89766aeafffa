// A cdk8s app as a consumer writes it, against the packed library: .ci/check-package.sh copies this folder out
// of the repository, installs the tarball and the peers, type-checks it strictly and runs `cdk8s synth`.
import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SupersetApp, SupersetInstance } from 'cdk8s-superset';

// No Node.js types in this app: only the one variable it reads.
declare const process: { readonly env: Readonly<Record<string, string | undefined>> };

// SupersetApp, as the README recommends; .ci/check-package.sh synthesizes the same app with cdk8s' own App
// (PLAIN_APP=1) and compares the files byte for byte, with the newest and the lowest peers.
const app = process.env.PLAIN_APP ? new App() : new SupersetApp();
const chart = new Chart(app, 'superset', { namespace: 'analytics' });

const superset = new SupersetInstance(chart, 'superset', {
  image: { tag: '6.1.0' },
  secretKeyFrom: { name: 'superset-secret', key: 'secret-key' },
  metastore: {
    host: 'postgres.databases.svc',
    database: 'superset',
    username: 'superset',
    passwordFrom: { name: 'superset-db', key: 'password' },
  },
  valkey: { host: 'valkey.databases.svc', passwordFrom: { name: 'superset-valkey', key: 'password' } },
  webServer: { autoscaling: { minReplicas: 2, maxReplicas: 6 }, podDisruptionBudget: { minAvailable: 1 } },
  celeryWorker: { replicas: 2 },
  celeryBeat: {},
});

// cdk8s-plus interop: the Celery workers may reach a warehouse defined with cdk8s-plus, and the web server is the
// backend of a cdk8s-plus Ingress.
const warehouse = new kplus.Deployment(chart, 'warehouse', {
  containers: [{ image: 'postgres:17.6-alpine', portNumber: 5432, securityContext: { user: 70, group: 70 } }],
});
if (!superset.celeryWorker || !superset.webServer || !superset.lifecycle) throw new Error('components missing');
warehouse.connections.allowFrom(superset.celeryWorker);
warehouse.connections.allowFrom(superset.lifecycle, { isolation: kplus.PodConnectionsIsolation.POD });
new kplus.Ingress(chart, 'public').addHostRule('bi.example.com', '/', superset.webServer.toIngressBackend());

// Strings of every YAML style, so that the comparison of SupersetApp's files with App's covers them under each
// cdk8s version and the yaml package it bundles (some quote only-blank multi-line text, some write a block).
new ApiObject(chart, 'yaml-styles', {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'yaml-styles' },
  data: {
    'only-breaks': '\n\n',
    'blank-lines': ' \n\t\n',
    'blank-last-line': 'a\n \n',
    'kept-breaks': 'x\n\n',
    'leading-space': ' a\nb',
    'bom-line': '\ufeff\n',
    'nbsp-line': '\u00a0\n',
    'reserved': 'yes',
    'n': 'n',
    'exponent': 'e5',
    'dash': '-c',
    'item': '- a',
    'colon': 'a: b',
    'hash': 'a #b',
    'template': '{{ x }}',
    'quotes': '"q"',
    'apostrophe': "it's",
    'control': 'bell\u0007',
    'long': `${'word '.repeat(30)}end`,
    'nel': 'nel\u0085x',
    'line-separator': 'ls\u2028x',
    'empty': '',
    'plain': 'x=y a+b $HOME',
  },
});

app.synth();
