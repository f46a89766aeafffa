import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort, requireProgram, run, startProcess, waitUntil, type Started } from './servers';

const BIN = '/usr/lib/postgresql/15/bin';

/** A running throwaway PostgreSQL 15 with a password-authenticated superuser. */
export interface PostgresServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly superuser: string;
  readonly password: string;
  readonly process: Started;
  /** libpq variables that connect as the superuser (merge into a child's environment). */
  readonly env: Readonly<Record<string, string>>;
  /** Runs SQL in a database with psql as the superuser and returns its unaligned, tuples-only output. */
  sql(database: string, query: string): string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` system user and its programs run
 * through `runuser`; as anyone else they run directly.
 */
function asOwner(program: string, args: readonly string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['/usr/sbin/runuser', ['-u', 'postgres', '--', program, ...args]] : [program, [...args]];
}

/**
 * initdb into a temp dir, start on a free loopback port (also on `::1` with `ipv6`; the Unix socket stays in the temp
 * dir), wait until ready.
 */
export async function startPostgres(options: { readonly ipv6?: boolean } = {}): Promise<PostgresServer> {
  const postgres = requireProgram(path.join(BIN, 'postgres'), 'postgresql');
  const isReady = requireProgram('/usr/bin/pg_isready', 'postgresql-client');
  const dir = mkdtempSync(path.join(tmpdir(), 'pg-'));
  const data = path.join(dir, 'data');
  const passwordFile = path.join(dir, 'pw');
  const superuser = 'admin';
  const password = 'admin-secret';
  writeFileSync(passwordFile, password);
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
    chownSync(passwordFile, uid, gid);
  }
  run(...asOwner(path.join(BIN, 'initdb'), ['-D', data, '-U', superuser, '--pwfile', passwordFile, '-A', 'scram-sha-256',
    '-E', 'UTF8', '--locale', 'C.UTF-8', '--no-sync']), { timeoutMs: 60_000 });
  const port = await freePort();
  const [file, args] = asOwner(postgres, ['-D', data, '-h', options.ipv6 ? '127.0.0.1,::1' : '127.0.0.1', '-p', String(port), '-k', dir, '-F',
    '-c', 'fsync=off', '-c', 'full_page_writes=off']);
  const started = startProcess(file, args);
  const env = { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: superuser, PGPASSWORD: password, PGDATABASE: 'postgres' };
  const stop = async () => {
    await started.stop(10_000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(`PostgreSQL on port ${port}`, () => {
      if (started.child.exitCode !== null) throw new Error(`postgres exited:\n${started.output()}`);
      const probe = spawnSync(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', superuser], { timeout: 5_000 });
      return probe.status === 0;
    }, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const sql = (database: string, query: string): string => run('/usr/bin/psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1'], {
    env: { ...process.env, ...env, PGDATABASE: database }, input: query,
  }).trim();
  return { host: '127.0.0.1', port, superuser, password, process: started, env, sql, stop };
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(run('/usr/bin/id', [flag, 'postgres']).trim());
  return { uid: id('-u'), gid: id('-g') };
}
