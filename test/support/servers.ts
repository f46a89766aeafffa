/*
 * Starting and stopping throwaway servers for tests: a free port on the loopback, a bounded wait for readiness and
 * a kill of the whole process group. A missing program fails loudly: tests never skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as net from 'node:net';

/** Fails with the package to install when a program the tests run is absent. */
export function requireProgram(file: string, debianPackage: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: install the Debian package ${debianPackage} (see .ci/run)`);
  return file;
}

/** A TCP port nobody listens on right now, from the kernel. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `ready` every 100 ms until it returns true, failing after `timeoutMs` with `what`. */
export async function waitUntil(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** True when a TCP connection to host:port succeeds. */
export function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** A process started in its own group, with its output kept for error messages. */
export interface Started {
  readonly child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Ends the process group (SIGTERM, then SIGKILL after `graceMs`) and waits for the exit. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `file` detached (its own process group), so `stop` also ends the children it forks. */
export function startProcess(file: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Started {
  const child = spawn(file, [...args], { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => { output += chunk; });
  child.stderr!.on('data', (chunk) => { output += chunk; });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => { output += `\n${error.message}`; });
  return {
    child,
    output: () => output,
    stop: async (graceMs = 5_000) => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** How `run` runs a program. */
export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
  readonly timeoutMs?: number;
  readonly cwd?: string;
}

/** Runs a program to completion with a time limit; throws with its output unless it exits 0. */
export function run(file: string, args: readonly string[], options: RunOptions = {}): string {
  const result = spawnSync(file, [...args], {
    env: options.env, input: options.input, cwd: options.cwd, encoding: 'utf-8', timeout: options.timeoutMs ?? 30_000,
  });
  if (result.error) throw new Error(`cannot run ${file}: ${result.error.message}\n${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  if (result.status !== 0) {
    throw new Error(`${file} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}
