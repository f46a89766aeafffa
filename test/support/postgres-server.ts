// A throwaway PostgreSQL 15 on 127.0.0.1 for tests: initdb in a temp dir, a free port, trust authentication,
// stopped by PID. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  readonly port: number;
  /** Environment for the libpq clients: host, port and the superuser `postgres`. */
  readonly env: Record<string, string>;
  /** Runs SQL in a database with psql and returns its unaligned, tuples-only output. */
  sql(database: string, query: string): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function asPostgres(command: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
}

export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pg-'));
  chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf-8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf-8' });
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
  }
  const data = path.join(dir, 'data');
  const [initCmd, ...initArgs] = asPostgres(`${BIN}/initdb`, ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf-8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const [cmd, ...args] = asPostgres(`${BIN}/postgres`, [
    '-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off',
  ]);
  const child: ChildProcess = spawn(cmd, args, { stdio: 'ignore' });
  const env = { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'postgres' };
  const sql = (database: string, query: string): string => {
    const result = spawnSync('psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1'], {
      env: { ...process.env, ...env, PGDATABASE: database }, input: query, encoding: 'utf-8',
    });
    if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
    return result.stdout.trim();
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', String(port)]);
    if (ready.status === 0) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('PostgreSQL did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    env,
    sql,
    stop: async () => {
      // The postmaster's own PID (runuser's child), from its pid file; SIGINT is PostgreSQL's fast shutdown.
      const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf-8').split('\n')[0]);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null) {
        process.kill(pid, 'SIGINT');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
