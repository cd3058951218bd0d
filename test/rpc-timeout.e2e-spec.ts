import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ObservabilityModule, Public, RedisHealth, createHttpApp } from '@clipyard/observability';
import { createRedis, QueueModule, RpcClient } from '@clipyard/queue';

/** A route whose only job is an RPC to a service that is not running. */
@Controller()
class ProbeController {
  constructor(private readonly rpc: RpcClient) {}
  @Public()
  @Get('probe')
  probe() {
    return this.rpc.call('auth.ping', {});
  }
}

describe('an RPC whose owner does not answer (e2e over HTTP)', () => {
  let app: NestFastifyApplication;
  let base: string;
  const logs: string[] = [];

  beforeAll(async () => {
    const redis = {
      url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      prefix: `${process.env.REDIS_PREFIX ?? 'cyt'}-probe-${randomBytes(3).toString('hex')}`,
    };
    @Module({
      imports: [
        ObservabilityModule.forRoot({ app: 'probe', level: 'info', checks: [RedisHealth], redis: (o) => createRedis(redis, o), destination: { write: (s: string) => void logs.push(s) } }),
        QueueModule.forRoot({ redis, rpcSecret: 'probe-secret-0123456789-0123456789', rpcTimeoutMs: 400 }),
      ],
      controllers: [ProbeController],
    })
    class ProbeModule {}
    app = await createHttpApp(ProbeModule);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.getHttpAdapter().getInstance().server.address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it('answers 503 UPSTREAM_UNAVAILABLE within the timeout, never hangs or 500s', async () => {
    const res = await fetch(`${base}/probe`, { headers: { 'x-request-id': 'rpc-timeout-1' } });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: {
        code: 'UPSTREAM_UNAVAILABLE',
        message: expect.stringContaining('auth'),
        details: { service: 'auth', method: 'auth.ping' },
        requestId: 'rpc-timeout-1',
      },
    });
  });

  it('never writes credentials sent with a request to the logs', async () => {
    await fetch(`${base}/probe`, { headers: { authorization: 'Bearer very-secret-token', 'x-api-key': 'cy_live_leaky' } });
    const out = logs.join('\n');
    expect(out).toMatch(/"url":"\/probe"/);
    expect(out).not.toContain('very-secret-token');
    expect(out).not.toContain('cy_live_leaky');
  });
});
