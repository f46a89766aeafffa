// The backup scripts' commands for MySQL and S3, run by dash with PATH stubs that record their argv (no MySQL server
// and no S3 here): the exact commands, names and prefixes passed as data, retention by key name, and nothing deleted
// when an upload or listing fails. The options themselves are parsed by the real mysqldump in the last test.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { backupDumpScript, backupUploadScript, restoreDownloadScript, restoreScript } from '../../src/render/backup-scripts';

let root: string;
let bin: string;
let dir: string;
let log: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'backup-stub-'));
  bin = path.join(root, 'bin');
  dir = path.join(root, 'backup');
  log = path.join(root, 'calls.jsonl');
  mkdirSync(bin);
  mkdirSync(dir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/**
 * A stub program: appends its argv (and the variables named in STUB_ENV) as one JSON line to the log, then runs
 * `behaviour` (JavaScript with `args`, `fs` and `env` in scope).
 */
function stub(name: string, behaviour = '') {
  const file = path.join(bin, name);
  writeFileSync(file, `#!${process.execPath}
const fs = require('fs'); const args = process.argv.slice(2); const env = process.env;
const seen = Object.fromEntries((env.STUB_ENV || '').split(',').filter(Boolean).map((n) => [n, env[n]]));
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ program: ${JSON.stringify(name)}, args, env: seen }) + '\\n');
${behaviour}
`);
  chmodSync(file, 0o755);
}

const calls = () => (existsSync(log) ? readFileSync(log, 'utf-8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);

function run(script: string, env: Record<string, string>) {
  const result = spawnSync('/usr/bin/dash', ['-c', script], {
    env: { PATH: `${bin}:/usr/bin:/bin`, BACKUP_DIR: dir, BACKUP_NAME: 'demo', BACKUP_KEEP: '2', HOME: root, ...env },
    encoding: 'utf-8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MYSQL_TARGET = {
  SUPERSET_OPERATOR__DB_HOST: 'db.example',
  SUPERSET_OPERATOR__DB_PORT: '3306',
  SUPERSET_OPERATOR__DB_USER: 'superset',
  SUPERSET_OPERATOR__DB_PASS: 'p@ss word',
  SUPERSET_OPERATOR__DB_NAME: '--all-databases',
  STUB_ENV: 'MYSQL_PWD',
};
const writeDump = (ending: string) => `const out = args.find((a) => a.startsWith('--result-file=')).slice(14);
fs.writeFileSync(out, '-- MySQL dump\\nCREATE TABLE t (n int);\\n' + ${JSON.stringify(ending)});`;

describe('MySQL dump', () => {
  test('runs mysqldump with a consistent snapshot, routines, triggers and events, the database after --', () => {
    stub('mysqldump', writeDump('-- Dump completed on 2026-01-01  3:00:00\n'));
    const result = run(backupDumpScript('MySQL', true), MYSQL_TARGET);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [call] = calls();
    expect(call.args).toEqual([
      '--host=db.example', '--port=3306', '--user=superset', '--single-transaction', '--routines', '--triggers',
      '--events', '--hex-blob', '--no-tablespaces', expect.stringMatching(/^--result-file=.*\/\.demo-\d{8}T\d{6}Z\.sql\.partial$/),
      '--', '--all-databases',
    ]);
    expect(call.env.MYSQL_PWD).toBe('p@ss word');
    expect(call.args.join(' ')).not.toContain('p@ss');
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^demo-\d{8}T\d{6}Z\.sql$/)]);
  });

  test('a dump without its completion line fails the run and leaves nothing', () => {
    stub('mysqldump', writeDump('INSERT INTO t VALUES'));
    writeFileSync(path.join(dir, 'demo-20200101T000000Z.sql'), 'old');
    const result = run(backupDumpScript('MySQL', true), { ...MYSQL_TARGET, BACKUP_KEEP: '1' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('incomplete');
    expect(readdirSync(dir)).toEqual(['demo-20200101T000000Z.sql']);
  });

  test('the real mysqldump accepts every option the script passes', () => {
    const help = spawnSync('/usr/bin/mysqldump', ['--help'], { encoding: 'utf-8' }).stdout;
    for (const option of ['--single-transaction', '--routines', '--triggers', '--events', '--hex-blob', '--no-tablespaces', '--result-file']) {
      expect(help).toContain(option);
    }
  });
});

describe('S3 upload', () => {
  const S3 = {
    BACKUP_BUCKET: 'my-bucket',
    // Shell and glob characters, spaces and a leading dash: data all the way.
    BACKUP_PREFIX: '-x $(touch pwned) * a b/',
    STUB_ENV: 'AWS_CONFIG_FILE',
  };
  const key = (stamp: string, name = 'demo') => `${S3.BACKUP_PREFIX}${name}-${stamp}.dump`;
  const listing = (keys: string[]) => `if (args[0] === 's3api') process.stdout.write(${JSON.stringify(keys.join('\n'))} + '\\n');`;

  test('uploads the dump, lists the prefix, deletes all but the newest N of the instance', () => {
    writeFileSync(path.join(dir, 'demo-20260101T030000Z.dump'), 'dump');
    const keys = [
      key('20250101T030000Z'), key('20250102T030000Z'), key('20250103T030000Z'), key('20260101T030000Z'),
      key('20240101T030000Z', 'demo-2'), `${S3.BACKUP_PREFIX}demo-notes.txt`,
    ];
    stub('aws', listing(keys));
    const result = run(backupUploadScript('PostgreSQL'), S3);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(path.join(root, 'pwned'))).toBe(false);
    expect(calls().map((c) => c.args)).toEqual([
      ['s3', 'cp', '--only-show-errors', path.join(dir, 'demo-20260101T030000Z.dump'), `s3://my-bucket/${key('20260101T030000Z')}`],
      ['s3api', 'list-objects-v2', '--bucket', 'my-bucket', '--prefix', `${S3.BACKUP_PREFIX}demo-`, '--query', 'Contents[].[Key]', '--output', 'text'],
      ['s3', 'rm', '--only-show-errors', `s3://my-bucket/${key('20250102T030000Z')}`],
      ['s3', 'rm', '--only-show-errors', `s3://my-bucket/${key('20250101T030000Z')}`],
    ]);
    expect(calls()[0].env.AWS_CONFIG_FILE).toBeUndefined();
  });

  test('path-style addressing through a config file in HOME', () => {
    writeFileSync(path.join(dir, 'demo-20260101T030000Z.dump'), 'dump');
    stub('aws', listing(['None']));
    const result = run(backupUploadScript('PostgreSQL'), { ...S3, BACKUP_PATH_STYLE: 'true' });
    expect(result.status).toBe(0);
    const config = path.join(root, 'aws-config');
    expect(calls()[0].env.AWS_CONFIG_FILE).toBe(config);
    expect(readFileSync(config, 'utf-8')).toBe('[default]\ns3 =\n  addressing_style = path\n');
    expect(calls().filter((c) => c.args[1] === 'rm')).toEqual([]);
  });

  test.each([
    ['the upload', "if (args[1] === 'cp') process.exit(1);"],
    ['the listing', "if (args[0] === 's3api') process.exit(255);"],
  ])('a failure of %s fails the run and deletes nothing', (_what, behaviour) => {
    writeFileSync(path.join(dir, 'demo-20260101T030000Z.dump'), 'dump');
    stub('aws', behaviour + listing([key('20200101T030000Z'), key('20200102T030000Z'), key('20200103T030000Z')]));
    const result = run(backupUploadScript('PostgreSQL'), S3);
    expect(result.status).not.toBe(0);
    expect(calls().filter((c) => c.args[1] === 'rm')).toEqual([]);
  });

  test('refuses to upload when the dump is missing', () => {
    stub('aws');
    const result = run(backupUploadScript('PostgreSQL'), S3);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('expected one dump');
    expect(calls()).toEqual([]);
  });
});

describe('restore', () => {
  test('downloads exactly the named dump from under the prefix', () => {
    stub('aws');
    const result = run(restoreDownloadScript(), { BACKUP_BUCKET: 'b', BACKUP_PREFIX: 'p $x/', RESTORE_DUMP: 'demo-20260101T021500Z.dump' });
    expect(result.status).toBe(0);
    expect(calls().map((c) => c.args)).toEqual([
      ['s3', 'cp', '--only-show-errors', 's3://b/p $x/demo-20260101T021500Z.dump', path.join(dir, 'demo-20260101T021500Z.dump')],
    ]);
  });

  test('MySQL: the dump goes to mysql on stdin, into the metastore database, the password only in MYSQL_PWD', () => {
    writeFileSync(path.join(dir, 'demo-20260101T021500Z.sql'), 'CREATE TABLE t (n int);\n');
    stub('mysql', 'fs.appendFileSync(env.STUB_STDIN, fs.readFileSync(0));');
    const stdin = path.join(root, 'stdin');
    const result = run(restoreScript('MySQL'), { ...MYSQL_TARGET, RESTORE_DUMP: 'demo-20260101T021500Z.sql', STUB_STDIN: stdin });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [call] = calls();
    expect(call.args).toEqual(['--host=db.example', '--port=3306', '--user=superset', '--database=--all-databases']);
    expect(call.env.MYSQL_PWD).toBe('p@ss word');
    expect(readFileSync(stdin, 'utf-8')).toBe('CREATE TABLE t (n int);\n');
  });
});
