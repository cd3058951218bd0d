/**
 * The Prometheus metrics an operator needs, read from the running apps' /metrics: HTTP latency by
 * route and status, RPC latency and timeouts seen by the caller, queue depth per queue and state
 * (read from Redis at scrape time), and every series the Grafana dashboard charts exists.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { ALL_QUEUE_NAMES, MEDIA_QUEUE_NAMES } from '@clipyard/queue';
import { startSystem, type AppName, type System } from './harness';

/** Sum of the samples of `name` whose labels include every `labels` pair. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let found: number | undefined;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})? ([0-9.eE+-]+|NaN)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) found = (found ?? 0) + Number(m[4]);
  }
  return found;
}

describe('operator metrics (e2e)', () => {
  let sys: System;
  let queue: Queue;

  const metricsOf = async (app: AppName) => {
    const a = sys.apps[app]!;
    const port = (a.getHttpAdapter().getInstance().server.address() as AddressInfo).port;
    return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  };

  beforeAll(async () => {
    sys = await startSystem();
    queue = new Queue('media-trim', { connection: { url: sys.env.REDIS_URL }, prefix: `${sys.env.REDIS_PREFIX}:bull` });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await sys?.stop();
  });

  it('HTTP latency by route and status, RPC latency by method and outcome', async () => {
    expect((await sys.get('/health/ready')).status).toBe(200);
    await sys.get('/no-such-route');
    const text = await metricsOf('gateway');
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/health/ready', status: '200', app: 'gateway' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_request_duration_seconds_count', { status: '401' }) ?? sample(text, 'http_request_duration_seconds_count', { status: '404' })).toBeGreaterThanOrEqual(1);
    for (const method of ['auth.ping', 'billing.ping', 'media.ping'])
      expect(sample(text, 'rpc_client_duration_seconds_count', { method, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('queue depth per queue and state, read from Redis when scraped', async () => {
    // delayed jobs stay put whatever consumes the queue
    await queue.addBulk([1, 2, 3].map((i) => ({ name: 'probe', data: { i }, opts: { delay: 3_600_000 } })));
    const text = await metricsOf('gateway');
    expect(sample(text, 'queue_jobs', { queue: 'media-trim', state: 'delayed' })).toBe(3);
    for (const q of ALL_QUEUE_NAMES) expect(sample(text, 'queue_jobs', { queue: q, state: 'wait' })).toBeDefined();
  });

  it('the media backlog the autoscaler reads: JSON for KEDA and the clipyard_queue_backlog gauge, delayed jobs not counted', async () => {
    const res = await sys.get('/metrics/queue-backlog');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.queues).sort()).toEqual(MEDIA_QUEUE_NAMES.slice().sort());
    expect(res.body.queues['media-trim']).toMatchObject({ delayed: 3, backlog: 0, paused: false });
    expect(res.body.total).toBe(Object.values(res.body.queues as Record<string, { backlog: number }>).reduce((n, q) => n + q.backlog, 0));
    const text = await metricsOf('gateway');
    for (const q of MEDIA_QUEUE_NAMES) expect(sample(text, 'clipyard_queue_backlog', { queue: q })).toBe(res.body.queues[q].backlog);
  });

  it('RPC timeouts by method when an owner does not answer', async () => {
    await sys.stopApp('billing');
    try {
      const ready = await sys.get('/health/ready');
      expect(ready.status).toBe(503);
      const text = await metricsOf('gateway');
      expect(sample(text, 'rpc_client_timeouts_total', { method: 'billing.ping' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'rpc_client_duration_seconds_count', { method: 'billing.ping', outcome: 'timeout' })).toBeGreaterThanOrEqual(1);
    } finally {
      await sys.startApp('billing');
    }
  });

  it('every metric the Grafana dashboard charts is exported by some app', async () => {
    const dashboard = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'k8s/grafana/clipyard-dashboard.json'), 'utf8'));
    const exprs: string[] = dashboard.panels.flatMap((p: any) => p.targets.map((t: any) => t.expr));
    const builtins = new Set(['up', 'histogram_quantile', 'sum', 'rate', 'max', 'count', 'by', 'le']);
    const names = new Set(
      exprs
        .flatMap((e) => e.replace(/\{[^}]*\}|\[[^\]]*\]|"[^"]*"/g, '').match(/[a-z_][a-z0-9_]*/g) ?? [])
        .filter((n) => !builtins.has(n) && n.includes('_'))
        .map((n) => n.replace(/_(bucket|count|sum)$/, '')),
    );
    const exported = (await Promise.all((['gateway', 'auth', 'billing', 'media-worker'] as AppName[]).map(metricsOf))).join('\n');
    const missing = [...names].filter((n) => !new RegExp(`^# TYPE ${n} `, 'm').test(exported));
    expect(missing).toEqual([]);
  });
});
