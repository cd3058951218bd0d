import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { AppError, UpstreamUnavailableError } from '@clipyard/contracts';
import { createRedis, type RedisSettings } from './connection';
import { RpcClient } from './rpc-client';
import { RpcServer, type RpcHandlers } from './rpc-server';
import { someHandlers } from '../../../test/helpers/rpc';

const SECRET = 'test-rpc-secret-0123456789-0123456789';
const logger = pino({ level: 'silent' });

function settings(): RedisSettings {
  return {
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: `${process.env.REDIS_PREFIX ?? 'cyt'}-rpc-${randomBytes(3).toString('hex')}`,
  };
}

describe('RPC over BullMQ (real Redis)', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  function serve(s: RedisSettings, handlers: Partial<RpcHandlers<'billing'>>) {
    const server = new RpcServer('billing', someHandlers('billing', handlers), s, SECRET, logger);
    server.start();
    cleanup.push(() => server.close());
    return server;
  }
  function client(s: RedisSettings, timeoutMs = 2000) {
    const c = new RpcClient(s, SECRET, timeoutMs);
    cleanup.push(() => c.close());
    return c;
  }

  it('round-trips a typed request and a validated reply', async () => {
    const s = settings();
    serve(s, { 'billing.ping': () => ({ service: 'billing', ok: true, time: new Date().toISOString() }) });
    const reply = await client(s).call('billing.ping', {});
    expect(reply).toEqual({ service: 'billing', ok: true, time: expect.any(String) });
  });

  it('answers many concurrent calls, each with its own reply', async () => {
    const s = settings();
    let n = 0;
    serve(s, { 'billing.ping': () => ({ service: `billing-${++n}`, ok: true, time: new Date().toISOString() }) });
    // generous timeout: this is about pairing replies with calls, not speed (CI machines are shared)
    const c = client(s, 20_000);
    const replies = await Promise.all(Array.from({ length: 100 }, () => c.call('billing.ping', {})));
    expect(new Set(replies.map((r) => r.service)).size).toBe(100);
  });

  it('carries a domain error back with its code, details and headers', async () => {
    const s = settings();
    serve(s, {
      'billing.ping': () => {
        throw new AppError('RATE_LIMITED', 'slow down', { limit: 5 }, undefined, { 'Retry-After': '3' });
      },
    });
    await expect(client(s).call('billing.ping', {})).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: 'slow down',
      details: { limit: 5 },
      headers: { 'Retry-After': '3' },
    });
  });

  it('hides internals of unexpected handler errors', async () => {
    const s = settings();
    serve(s, {
      'billing.ping': () => {
        throw new Error('connection string postgres://secret@db');
      },
    });
    const err = await client(s).call('billing.ping', {}).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INTERNAL');
    expect((err as AppError).message).not.toContain('secret');
  });

  it('rejects a reply that does not match the contract', async () => {
    const s = settings();
    serve(s, { 'billing.ping': () => ({ service: 'billing', ok: 'yes' }) as never });
    await expect(client(s).call('billing.ping', {})).rejects.toThrow(/reply failed validation/);
  });

  it('fails with UPSTREAM_UNAVAILABLE when nobody answers in time, and the late request is dropped', async () => {
    const s = settings();
    const c = client(s, 300);
    const started = Date.now();
    const err = await c.call('billing.ping', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamUnavailableError);
    expect((err as AppError).code).toBe('UPSTREAM_UNAVAILABLE');
    expect((err as AppError).httpStatus).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
    // A server that starts later does not run the stale request.
    let ran = 0;
    serve(s, {
      'billing.ping': () => {
        ran++;
        return { service: 'billing', ok: true, time: new Date().toISOString() };
      },
    });
    await c.call('billing.ping', {}, { timeoutMs: 2000 });
    expect(ran).toBe(1);
  });

  it('keeps requests sealed in Redis', async () => {
    const s = settings();
    const c = client(s, 300);
    await c.call('billing.ping', {}).catch(() => undefined); // unanswered: the request stays queued
    const redis = createRedis(s);
    cleanup.push(() => redis.quit());
    const keys = await redis.keys(`${s.prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys.filter((key) => /:\w{8}-|:\d+$/.test(key))) {
      const type = await redis.type(k);
      if (type === 'hash') {
        const data = await redis.hget(k, 'data');
        if (data) expect(Object.keys(JSON.parse(data))).toEqual(['s']);
      }
    }
  });

  it('finishes in-flight requests when the server shuts down gracefully', async () => {
    const s = settings();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const server = new RpcServer(
      'billing',
      someHandlers('billing', {
        'billing.ping': async () => {
          started();
          await gate;
          return { service: 'billing', ok: true, time: new Date().toISOString() };
        },
      }),
      s,
      SECRET,
      logger,
    );
    server.start();
    const call = client(s, 5000).call('billing.ping', {});
    await running;
    const closing = server.close();
    release();
    await closing;
    await expect(call).resolves.toMatchObject({ ok: true });
  });

  describe('circuit breaker (a dead service is noticed by its ping, a busy one keeps the full timeout)', () => {
    function recorder() {
      const outcomes: string[] = [];
      const timeouts: string[] = [];
      return {
        outcomes,
        timeouts,
        metrics: {
          rpcDuration: { observe: (l: { method: string; outcome: string }) => void outcomes.push(`${l.method}:${l.outcome}`) },
          rpcTimeouts: { inc: (l: { method: string }) => void timeouts.push(l.method) },
        },
      };
    }

    it('fails a call to a service that does not answer its ping without waiting for the call\'s timeout', async () => {
      const s = settings();
      const rec = recorder();
      const c = new RpcClient(s, SECRET, 60_000, rec.metrics, { pingTimeoutMs: 300 });
      cleanup.push(() => c.close());
      const err = await c.call('plans.list', {} as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamUnavailableError);
      expect((err as AppError).headers).toEqual({ 'Retry-After': expect.stringMatching(/^\d+$/) });
      // the ping timed out; the call itself was failed by the breaker, not by its 60 s timer
      expect(rec.timeouts).toEqual(['billing.ping']);
      expect(rec.outcomes).toEqual(expect.arrayContaining(['billing.ping:timeout', 'plans.list:unavailable']));
    });

    it('lets a live but slow service take longer than the ping timeout', async () => {
      const s = settings();
      serve(s, {
        'billing.ping': () => ({ service: 'billing', ok: true, time: new Date().toISOString() }),
        'plans.list': async () => {
          await new Promise((r) => setTimeout(r, 4000));
          return { data: [] } as never;
        },
      });
      // the ping timeout is far below the call's time but far above a ping's on a loaded machine
      const c = new RpcClient(s, SECRET, 30_000, undefined, { pingTimeoutMs: 1500 });
      cleanup.push(() => c.close());
      await expect(c.call('plans.list', {} as never)).resolves.toBeDefined();
    });
  });
});
