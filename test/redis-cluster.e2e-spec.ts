/**
 * The whole system on a real 3-master Redis Cluster (REDIS_CLUSTER_NODES; started here on free
 * ports and torn down by pid, even when a test fails): readiness, an API key through the auth
 * app's cache, a trim submitted through the gateway and run to completion by the media worker,
 * the backlog endpoint, a revoked key refused at once, and not one key on the single Redis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import IORedis, { type Cluster } from 'ioredis';
import { QUEUES } from '@clipyard/contracts';
import { createRedis, scanKeys } from '@clipyard/queue';
import { eventually, startSystem, type System } from './harness';
import { signUp, type TestUser } from './helpers/users';
import { makeVideo } from './helpers/media';
import { pathOf, upload, waitForJob } from './helpers/jobs';
import { ownRedisCluster, type OwnRedisCluster } from './helpers/own-services';

describe('the system on a Redis Cluster (e2e)', () => {
  let cluster: OwnRedisCluster | undefined;
  let sys: System | undefined;
  let conn: Cluster | undefined;
  let dir: string;
  let alice: TestUser;
  let prefix: string;

  const keysOnCluster = async (pattern: string) => {
    const all: string[] = [];
    for await (const batch of scanKeys(conn!, pattern)) all.push(...batch);
    return all;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cluster-e2e-'));
    cluster = await ownRedisCluster(3);
    sys = await startSystem({
      env: { REDIS_CLUSTER_NODES: cluster.env, STORAGE_LOCAL_DIR: path.join(dir, 'storage'), UPLOAD_TMP_DIR: path.join(dir, 'spool') },
    });
    prefix = sys.env.REDIS_PREFIX!;
    conn = createRedis({ url: 'redis://127.0.0.1:6379', prefix, cluster: cluster.nodes }) as Cluster;
    alice = await signUp(sys);
  }, 180_000);

  afterAll(async () => {
    try {
      await sys?.stop();
      await conn?.quit().catch(() => undefined);
    } finally {
      await cluster?.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is ready, with Redis (cluster_state ok) and every RPC service up', async () => {
    const res = await sys!.get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.checks).toMatchObject({ redis: { status: 'up' }, auth: { status: 'up' }, billing: { status: 'up' }, 'media-worker': { status: 'up' } });
  });

  it('runs a trim submitted through the gateway to completion, its queue keys under their hash tag', async () => {
    const video = await makeVideo(path.join(dir, 'src.mp4'), { durationS: 4 });
    const up = await upload(sys!, alice.apiKey, video, { contentType: 'video/mp4' });
    expect(up.status).toBe(201);
    const sub = await sys!.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 0.5, end: 2.5, mode: 'fast' }, { apiKey: alice.apiKey });
    expect(sub.status).toBe(202);
    const done = await waitForJob(sys!, alice.apiKey, sub.body.id, undefined, 90_000);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    const out = done.outputs.find((o: { content_type: string }) => /^video\/mp4/.test(o.content_type));
    const file = await fetch(sys!.baseUrl + pathOf(out.url), { headers: { 'x-api-key': alice.apiKey } });
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(out.size);

    // the media job and its events lived in their queues' own slots
    expect(await keysOnCluster(`${prefix}:bull:{${QUEUES.trim}}:${QUEUES.trim}:*`)).toContain(`${prefix}:bull:{${QUEUES.trim}}:${QUEUES.trim}:meta`);
    expect((await keysOnCluster(`${prefix}:bull:{${QUEUES.jobEvents}}:*`)).length).toBeGreaterThan(0);
    expect(await keysOnCluster(`${prefix}:bull:${QUEUES.trim}:*`)).toEqual([]);
    // metered once: the usage event went through its queue to billing, the reservation was committed
    const summary = await eventually(async () => {
      const res = await sys!.get('/v1/usage/summary', { apiKey: alice.apiKey });
      return res.status === 200 && res.body.actions.trim.used === 1 ? res.body : undefined;
    });
    expect(summary.actions.trim).toMatchObject({ used: 1, reserved: 0 });
  });

  it('serves the backlog the autoscaler reads', async () => {
    const res = await sys!.get('/metrics/queue-backlog');
    expect(res.status).toBe(200);
    expect(res.body.queues[QUEUES.trim]).toMatchObject({ backlog: 0, paused: false });
  });

  it('refuses a revoked API key on the next request (cache entry + announcement on the cluster)', async () => {
    expect((await sys!.get('/v1/jobs', { apiKey: alice.apiKey })).status).toBe(200);
    expect((await sys!.request('DELETE', `/v1/api-keys/${alice.apiKeyId}`, { token: alice.accessToken })).status).toBeLessThan(300);
    const res = await sys!.get('/v1/jobs', { apiKey: alice.apiKey });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('API_KEY_REVOKED');
  });

  it('left nothing on the single Redis: every connection of every app went to the cluster', async () => {
    expect((await keysOnCluster(`${prefix}*`)).length).toBeGreaterThan(0);
    const single = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    try {
      const stray: string[] = [];
      for await (const batch of scanKeys(single, `${prefix}*`)) stray.push(...batch);
      expect(stray).toEqual([]);
      // nor subscribed to anything there (caches, revocations, RPC replies, cancellations)
      expect(await single.pubsub('CHANNELS', `${prefix}*`)).toEqual([]);
      const onCluster = await Promise.all(conn!.nodes('master').map((n) => n.pubsub('CHANNELS', `${prefix}*`) as Promise<string[]>));
      expect(onCluster.flat()).toEqual(expect.arrayContaining([`${prefix}:media-cancel`, `${prefix}:auth:session-revoked`]));
    } finally {
      await single.quit();
    }
  });
});
