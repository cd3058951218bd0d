/**
 * Many gateways, many workers, as deployed: the compiled apps (`npm test` builds dist first) run
 * as separate processes on one Redis and one PostgreSQL — auth, billing, two gateways and two
 * media workers. Jobs submitted through one gateway complete and are seen through the other with
 * ETag changes; work spreads over both workers; an API key revoked through one gateway is refused
 * by the other on the next request; killing a worker mid-job loses nothing and counts nothing twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RpcClient } from '@clipyard/queue';
import { eventually, type HttpResponse, type RequestOptions, type System } from './harness';
import { makeVideo } from './helpers/media';
import { freePort } from './helpers/own-services';
import { upload } from './helpers/jobs';
import { signUp, type TestUser } from './helpers/users';

const ROOT = path.resolve(__dirname, '..');
const MAIN = (app: string) => path.join(ROOT, `dist/apps/${app}/src/main.js`);

interface Proc {
  name: string;
  child: ChildProcess;
  port: number;
  out: () => string;
}

/** The slice of the harness's System the account and upload helpers use, for a gateway process. */
function client(baseUrl: string): System {
  const request = async <T>(method: string, p: string, o: RequestOptions = {}): Promise<HttpResponse<T>> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.apiKey) headers['x-api-key'] = o.apiKey;
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    }
    const res = await fetch(baseUrl + p, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };
  return {
    baseUrl,
    request,
    get: (p: string, o?: RequestOptions) => request('GET', p, o),
    post: (p: string, body?: unknown, o?: RequestOptions) => request('POST', p, { ...o, body }),
    contract: () => undefined, // the in-process suites check the contract; here the processes are the point
  } as unknown as System;
}

/** `media_job_duration_seconds_count{type="trim",outcome="completed"}` of one worker. */
async function trimsCompleted(worker: Proc): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${worker.port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('media_job_duration_seconds_count{') && l.includes('type="trim"') && l.includes('outcome="completed"'));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('two gateways and two workers as separate processes (e2e)', () => {
  const prefix = `${process.env.REDIS_PREFIX ?? 'cyt'}-scale-${randomBytes(3).toString('hex')}`;
  const procs: Proc[] = [];
  let dir: string;
  let env: Record<string, string | undefined>;
  let gw1: System;
  let gw2: System;
  let workers: Proc[];
  let alice: TestUser;
  let uploadId: string;
  let longUploadId: string;
  let rpc: RpcClient;

  async function start(app: string, name = app, extra: Record<string, string> = {}): Promise<Proc> {
    const port = await freePort();
    const portVar = { gateway: 'GATEWAY_PORT', auth: 'AUTH_HTTP_PORT', billing: 'BILLING_HTTP_PORT', 'media-worker': 'WORKER_HTTP_PORT' }[app]!;
    const child = spawn(process.execPath, [MAIN(app)], {
      cwd: ROOT,
      env: { ...env, [portVar]: String(port), ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
    child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
    const proc = { name, child, port, out: () => out };
    procs.push(proc);
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}:\n${out.slice(-3000)}`);
      return (await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => undefined))?.ok;
    }, 120_000, 200);
    return proc;
  }

  /** Rethrows `err` with the tail of every process's output, so a failure says what the apps saw. */
  const withOutputs = (err: unknown): never => {
    const tails = procs.map((p) => `--- ${p.name} (exit ${p.child.exitCode ?? p.child.signalCode ?? 'running'}):\n${p.out().slice(-2000)}`);
    throw new Error(`${err instanceof Error ? err.stack : String(err)}\n${tails.join('\n')}`);
  };

  beforeAll(() => setUp().catch(withOutputs), 300_000);

  async function setUp() {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cy-scale-'));
    env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: prefix,
      // every process of this system, and the test's own RPC client, share one secret
      RPC_SECRET: randomBytes(24).toString('hex'),
      GATEWAY_HOST: '127.0.0.1',
      STORAGE_DRIVER: 'local',
      STORAGE_LOCAL_DIR: path.join(dir, 'storage'),
      WORKER_TMP_DIR: dir,
      WORKER_PROGRESS_INTERVAL_MS: '200',
      // one trim at a time per worker, so concurrent jobs must spread over both
      WORKER_TRIM_CONCURRENCY: '1',
      // a dead worker's job is taken back within a few seconds
      WORKER_LOCK_DURATION_MS: '5000',
      WORKER_STALLED_INTERVAL_MS: '2000',
      RPC_TIMEOUT_MS: '10000',
      HEALTH_RPC_TIMEOUT_MS: '3000',
    };
    await Promise.all([start('auth'), start('billing')]);
    workers = await Promise.all([start('media-worker', 'worker-a'), start('media-worker', 'worker-b')]);
    const [g1, g2] = await Promise.all([start('gateway', 'gateway-1'), start('gateway', 'gateway-2')]);
    gw1 = client(`http://127.0.0.1:${g1.port}`);
    gw2 = client(`http://127.0.0.1:${g2.port}`);
    await eventually(async () => (await gw2.get('/health/ready')).status === 200, 60_000, 500);

    rpc = new RpcClient({ url: env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix }, env.RPC_SECRET!, 10_000);
    alice = await signUp(gw1);
    await rpc.call('admin.setPlan', { userId: alice.userId, plan: 'premium' });
    await rpc.call('admin.setLimits', { userId: alice.userId, limits: { max_concurrent_jobs: -1 } });
    const up = await upload(gw1, alice.apiKey, await makeVideo(path.join(dir, 'in.mp4'), { durationS: 40, width: 640, height: 360 }));
    expect(up.status).toBe(201);
    uploadId = up.body.id;
    // long enough (precise trims re-encode 720p) that two jobs are surely running at once
    const long = await upload(gw1, alice.apiKey, await makeVideo(path.join(dir, 'long.mp4'), { durationS: 40, width: 1280, height: 720 }));
    expect(long.status).toBe(201);
    longUploadId = long.body.id;
  }

  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await rpc?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const submitTrim = async (end: number, input = uploadId) => {
    const res = await gw1.post('/v1/jobs/trim', { input: { upload_id: input }, start: 0, end, mode: 'precise' }, { apiKey: alice.apiKey });
    expect(res.status).toBe(202);
    return res.body.id as string;
  };

  it('jobs submitted through one gateway complete and are seen through the other, with ETags that change; work spreads over both workers', () => spreadAndEtags().catch(withOutputs), 180_000);

  async function spreadAndEtags() {
    const ids = await Promise.all([4, 5, 6, 7].map((end) => submitTrim(end)));
    const seen = await Promise.all(
      ids.map(async (id) => {
        const etags = new Set<string>();
        let notModified = 0;
        let etag: string | undefined;
        let last: unknown;
        const job = await eventually(async () => {
          const res = await gw2.get(`/v1/jobs/${id}`, { apiKey: alice.apiKey, headers: etag ? { 'if-none-match': etag } : {} });
          if (res.status === 304) {
            notModified++;
            return undefined;
          }
          if (res.status !== 200) throw new Error(`poll ${id} through gateway 2: ${res.status} ${res.text}`);
          etag = res.headers.get('etag')!;
          etags.add(etag);
          last = res.body;
          return ['completed', 'failed', 'canceled'].includes(res.body.status) ? res.body : undefined;
        }, 120_000, 100).catch((e: Error) => {
          throw new Error(`${e.message}; job ${id} last seen: ${JSON.stringify(last)}`);
        });
        return { job, etags: etags.size, notModified };
      }),
    );
    for (const s of seen) {
      expect(s.job.status).toBe('completed');
      expect(s.etags).toBeGreaterThanOrEqual(2); // queued/active → completed: a new ETag each change
    }
    expect(seen.reduce((n, s) => n + s.notModified, 0)).toBeGreaterThan(0); // unchanged polls were 304s
    const perWorker = await Promise.all(workers.map(trimsCompleted));
    expect(perWorker.reduce((a, b) => a + b, 0)).toBe(4);
    expect(perWorker.every((n) => n >= 1)).toBe(true);
  }

  it('killing one worker mid-job loses nothing: both running jobs complete, each counted once', () => killMidJob().catch(withOutputs), 300_000);

  async function killMidJob() {
    const before = (await gw2.get('/v1/usage/summary', { apiKey: alice.apiKey })).body.actions.trim.used;
    const ids = await Promise.all([12, 13].map((end) => submitTrim(end, longUploadId)));
    // with one trim per worker, two running jobs mean one on each worker
    let states: any[] = [];
    await eventually(async () => {
      states = await Promise.all(ids.map(async (id) => (await gw2.get(`/v1/jobs/${id}`, { apiKey: alice.apiKey })).body));
      return states.every((j) => j.status === 'active');
    }, 90_000, 100).catch((e: Error) => {
      throw new Error(`${e.message}; last seen: ${JSON.stringify(states.map((j) => [j.status, j.progress, j.error]))}`);
    });
    workers[0].child.kill('SIGKILL');
    const jobs = await Promise.all(
      ids.map((id) =>
        eventually(async () => {
          const job = (await gw2.get(`/v1/jobs/${id}`, { apiKey: alice.apiKey })).body;
          return ['completed', 'failed', 'canceled'].includes(job.status) ? job : undefined;
        }, 200_000, 200),
      ),
    );
    expect(jobs.map((j) => j.status)).toEqual(['completed', 'completed']);
    const usage = await eventually(async () => {
      const u = (await gw1.get('/v1/usage/summary', { apiKey: alice.apiKey })).body.actions.trim;
      return u.reserved === 0 ? u : undefined;
    }, 20_000, 200);
    expect(usage.used).toBe(before + 2);
  }

  it('an API key revoked through one gateway is refused by the other on the next request', async () => {
    const key = await gw1.post('/v1/api-keys', { name: 'short-lived' }, { token: alice.accessToken });
    expect(key.status).toBe(201);
    // both gateways have it cached
    expect((await gw1.get('/v1/jobs', { apiKey: key.body.key })).status).toBe(200);
    expect((await gw2.get('/v1/jobs', { apiKey: key.body.key })).status).toBe(200);
    expect((await gw1.request('DELETE', `/v1/api-keys/${key.body.id}`, { token: alice.accessToken })).status).toBe(204);
    const refused = await gw2.get('/v1/jobs', { apiKey: key.body.key });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('API_KEY_REVOKED');
  }, 60_000);
});
