/**
 * A Redis and a PostgreSQL of a spec's own, on free ports, that the spec can stop and start (by
 * pid) to inject outages. Never the shared 5432/6379 servers. Data survives a restart (Redis with
 * append-only persistence, PostgreSQL's data directory), as it would in production.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A TCP port nobody listens on right now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitPort(port: number, up: boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > until) throw new Error(`port ${port} still ${up ? 'closed' : 'open'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

export interface OwnServer {
  port: number;
  url: string;
  /** Stops the server (SIGTERM, SIGKILL after a few seconds) and waits until its port is closed. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data, and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  destroy(): Promise<void>;
}

export const hasOwnPostgres = () => existsSync(path.join(PG_BIN, 'initdb'));

/** `redis-server` on a free port with append-only persistence in a temp folder. */
export async function ownRedis(): Promise<OwnServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cy-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir, '--loglevel', 'warning'],
      { stdio: 'ignore' },
    );
    await waitPort(port, true, 15_000);
  };
  const stop = async () => {
    if (!child) return;
    child.kill('SIGTERM');
    await exited(child, 5000);
    child = undefined;
    await waitPort(port, false, 5000);
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    destroy: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user. */
function pgUser(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
  if (!uid) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
  return { uid, gid };
}

/** A PostgreSQL 15 cluster of its own (initdb, trust auth) on a free port; `url` names database `clipyard`. */
export async function ownPostgres(): Promise<OwnServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cy-pg-'));
  const as = pgUser();
  if (as) await chown(dir, as.uid, as.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const init = spawnSync(path.join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], {
    encoding: 'utf8',
    ...as,
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  let child: ChildProcess | undefined;
  const start = async () => {
    // postgres in the foreground (not pg_ctl) so the spec holds its pid
    child = spawn(
      path.join(PG_BIN, 'postgres'),
      ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off', '-c', 'max_connections=100'],
      { stdio: 'ignore', ...as },
    );
    await waitPort(port, true, 30_000);
    // accepting TCP is not accepting queries (recovery after a kill): wait for pg_isready
    const until = Date.now() + 30_000;
    while (spawnSync(path.join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']).status !== 0) {
      if (Date.now() > until) throw new Error('postgres did not become ready');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = async () => {
    if (!child) return;
    child.kill('SIGINT'); // fast shutdown: open connections are terminated, as in a real restart
    await exited(child, 10_000);
    child = undefined;
    await waitPort(port, false, 5000);
  };
  await start();
  const created = spawnSync(path.join(PG_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE clipyard'], {
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`createdb failed: ${created.stderr}`);
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/clipyard`,
    start,
    stop,
    destroy: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the migrations (compiled by `npm test`) against `databaseUrl`. */
export function migrate(databaseUrl: string): void {
  const r = spawnSync('node', [path.join(__dirname, '../../dist/libs/database/src/migrate.js'), 'run'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`migrations failed: ${r.stderr}`);
}

export interface OwnRedisCluster {
  nodes: { host: string; port: number }[];
  /** The REDIS_CLUSTER_NODES value naming every master. */
  env: string;
  /** Stops one node (by pid): with no replicas its slots go down with it (`cluster_state:fail`). */
  stopNode(port: number): Promise<void>;
  /** Stops every node (by pid) and removes their data. */
  destroy(): Promise<void>;
}

/**
 * A real Redis Cluster of `masters` masters (no replicas) on free 127.0.0.1 ports, in a temp
 * folder, without persistence; resolves once every node reports `cluster_state:ok`. The nodes
 * are stopped by pid on destroy(), on a failed start, and (SIGKILL) if the test process exits
 * without destroying them.
 */
export async function ownRedisCluster(masters = 3): Promise<OwnRedisCluster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cy-redis-cluster-'));
  const children: ChildProcess[] = [];
  const killAll = () => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL'));
  process.once('exit', killAll);
  const destroy = async () => {
    await Promise.all(
      children.map((c) => {
        c.kill('SIGTERM');
        return exited(c, 5000);
      }),
    );
    process.off('exit', killAll);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let i = 0; i < masters; i++) {
      // the cluster bus port is given explicitly: the default (port + 10000) may be taken or past 65535
      const [port, bus] = [await freePort(), await freePort()];
      ports.push(port);
      const child = spawn(
        'redis-server',
        [
          '--port', String(port), '--cluster-port', String(bus), '--bind', '127.0.0.1',
          '--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, `nodes-${port}.conf`),
          '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning',
        ],
        { stdio: 'ignore' },
      );
      children.push(child);
    }
    await Promise.all(ports.map((p) => waitPort(p, true, 15_000)));
    const created = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    const until = Date.now() + 30_000;
    for (const port of ports) {
      while (!/cluster_state:ok/.test(spawnSync('redis-cli', ['-p', String(port), 'cluster', 'info'], { encoding: 'utf8' }).stdout ?? '')) {
        if (Date.now() > until) throw new Error(`Redis Cluster node ${port} did not reach cluster_state:ok`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
    const stopNode = async (port: number) => {
      const child = children[ports.indexOf(port)];
      child.kill('SIGTERM');
      await exited(child, 5000);
      await waitPort(port, false, 5000);
    };
    return { nodes, env: nodes.map((n) => `${n.host}:${n.port}`).join(','), stopNode, destroy };
  } catch (err) {
    await destroy();
    throw err;
  }
}
