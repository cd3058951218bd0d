/**
 * RPC over BullMQ: round-trip latency (sequential) and throughput (concurrent) against a real
 * Redis, beside a bare Redis PING on the same machine for scale.
 */
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { RpcClient, RpcServer, createRedis } from '@clipyard/queue';
import { report, summarize } from './lib/stats';
import { someHandlers } from '../test/helpers/rpc';

const SECRET = 'bench-rpc-secret-0123456789-0123456789';

async function main(): Promise<void> {
  // REDIS_CLUSTER_NODES=host:port,… measures the same against a Redis Cluster
  const cluster = process.env.REDIS_CLUSTER_NODES?.split(',').map((n) => ({ host: n.slice(0, n.lastIndexOf(':')), port: Number(n.slice(n.lastIndexOf(':') + 1)) }));
  const settings = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: `${process.env.REDIS_PREFIX ?? 'cyb'}-${randomBytes(3).toString('hex')}`, ...(cluster ? { cluster } : {}) };
  if (cluster) console.log(`on a Redis Cluster (${cluster.length} seed nodes)`);
  const server = new RpcServer('billing', someHandlers('billing', { 'billing.ping': () => ({ service: 'billing', ok: true as const, time: '' }) }), settings, SECRET, pino({ level: 'silent' }), 64);
  server.start();
  const client = new RpcClient(settings, SECRET, 5000);
  const redis = createRedis(settings);
  for (let i = 0; i < 200; i++) await client.call('billing.ping', {}); // warm-up

  const seq: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = process.hrtime.bigint();
    await client.call('billing.ping', {});
    seq.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const ping: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = process.hrtime.bigint();
    await redis.ping();
    ping.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const total = 10_000;
  const concurrency = 64;
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) await client.call('billing.ping', {});
    }),
  );
  const rps = total / ((Date.now() - t0) / 1000);
  const s = summarize(seq);
  const p = summarize(ping);
  report('RPC over BullMQ (sequential round trips, ms)', [
    { what: 'rpc call', n: s.n, p50: s.p50, p99: s.p99 },
    { what: 'bare redis PING', n: p.n, p50: p.p50, p99: p.p99 },
  ]);
  report('RPC throughput', [{ concurrency, calls: total, 'calls/s': rps }]);
  await client.close();
  await server.close();
  await redis.quit();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
