import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { accepts, freePort, requireProgram, startProcess, waitUntil, type Started } from './servers';
import type { TestCertificates } from './tls';

/** An ACL user the server is started with (the default user is switched off whenever users are given). */
export interface RedisUser {
  readonly name: string;
  readonly password: string;
  /** ACL rules after `on >password`, e.g. `['~*', '&*', '+@all']`. */
  readonly rules: readonly string[];
}

export interface RedisOptions {
  /** Serve TLS only (no plain port), with this certificate; clients need not present one. */
  readonly tls?: TestCertificates;
  readonly users?: readonly RedisUser[];
  /** Also listen on the IPv6 loopback `::1`. */
  readonly ipv6?: boolean;
}

/** A running throwaway redis-server. */
export interface RedisServer {
  readonly port: number;
  readonly process: Started;
  stop(): Promise<void>;
}

/** Starts redis-server on a free loopback port, without persistence, in a temp dir; resolves once it accepts. */
export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
  const server = requireProgram('/usr/bin/redis-server', 'redis-server');
  const dir = mkdtempSync(path.join(tmpdir(), 'redis-'));
  const port = await freePort();
  const args = [
    '--bind', '127.0.0.1', ...(options.ipv6 ? ['::1'] : []),
    '--save', '', '--appendonly', 'no', '--dir', dir, '--databases', '16',
    ...(options.tls
      ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', options.tls.certFile,
        '--tls-key-file', options.tls.keyFile, '--tls-ca-cert-file', options.tls.caFile, '--tls-auth-clients', 'no']
      : ['--port', String(port)]),
    ...(options.users ?? []).flatMap((user) => ['--user', user.name, 'on', `>${user.password}`, ...user.rules]),
    ...(options.users?.length ? ['--user', 'default', 'off'] : []),
  ];
  const process = startProcess(server, args);
  try {
    await waitUntil(`redis-server on port ${port}`, () => {
      if (process.child.exitCode !== null) throw new Error(`redis-server exited:\n${process.output()}`);
      return accepts('127.0.0.1', port);
    }, 15_000);
  } catch (error) {
    await process.stop();
    throw error;
  }
  return {
    port,
    process,
    stop: async () => {
      await process.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
