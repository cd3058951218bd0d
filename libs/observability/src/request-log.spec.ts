import { Controller, Get, Logger, Module, Req } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { createHttpApp } from './http-app';
import { ObservabilityModule } from './observability.module';
import { Public } from './public.decorator';
import { RequestLog } from './request-log';

const POLL_ID = '0b6d1a54-3c1e-4d51-9a55-8f0e2f1c7a10';

@Public()
@Controller()
class ProbeController {
  constructor(private readonly log: RequestLog) {}
  @Get('v1/jobs/:id')
  poll() {
    return { status: 'completed' };
  }
  @Get('v1/things')
  things(@Req() req: FastifyRequest) {
    this.log.for(req).warn({ password: 'in-request-password' }, 'inside a request');
    new Logger('ProbeController').log('nest logger line');
    return { ok: true };
  }
  @Get('v1/boom')
  boom() {
    throw new Error('kaboom');
  }
}

async function appWith(level: string) {
  const lines: string[] = [];
  @Module({
    imports: [ObservabilityModule.forRoot({ app: 'probe', level, checks: [], redis: () => null as never, destination: { write: (s: string) => void lines.push(s) }, pollPaths: /^\/v1\/jobs\/[0-9a-f-]{36}(?:\?|$)/ })],
    controllers: [ProbeController],
  })
  class ProbeModule {}
  const app: NestFastifyApplication = await createHttpApp(ProbeModule);
  await app.init();
  app.flushLogs(); // Nest buffers its lines until listen()
  await app.getHttpAdapter().getInstance().ready();
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, any>);
  return { app, lines, parsed, inject: app.getHttpAdapter().getInstance().inject.bind(app.getHttpAdapter().getInstance()) };
}

describe('request log (Fastify onResponse hook)', () => {
  let sys: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    sys = await appWith('info');
  });
  afterAll(() => sys.app.close());
  beforeEach(() => sys.lines.splice(0));

  it('writes one line per request with the request id it answered with, the status and the time, credentials left out', async () => {
    const res = await sys.inject({
      method: 'GET',
      url: '/v1/things?sig=' + 'ab'.repeat(16) + '&x=1',
      headers: { 'x-request-id': 'req-log-1', authorization: 'Bearer secret-jwt-value', 'x-api-key': 'cy_live_leaky' },
    });
    expect(res.headers['x-request-id']).toBe('req-log-1');
    const done = sys.parsed().filter((l) => l.msg === 'request completed');
    expect(done).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        app: 'probe',
        req: { id: 'req-log-1', method: 'GET', url: '/v1/things?sig=[redacted]&x=1' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
        msg: 'request completed',
      },
    ]);
    const all = sys.lines.join('\n');
    for (const secret of ['secret-jwt-value', 'cy_live_leaky', 'ab'.repeat(16), 'in-request-password']) expect(all).not.toContain(secret);
  });

  it("gives app code a request logger carrying the request's fields, and writes Nest's own lines with their context", async () => {
    await sys.inject({ method: 'GET', url: '/v1/things', headers: { 'x-request-id': 'req-log-2' } });
    const lines = sys.parsed();
    expect(lines.find((l) => l.msg === 'inside a request')).toMatchObject({ level: 'warn', req: { id: 'req-log-2', method: 'GET', url: '/v1/things' }, password: '[redacted]' });
    expect(lines.find((l) => l.msg === 'nest logger line')).toMatchObject({ level: 'info', context: 'ProbeController' });
  });

  it('logs status polls that answer 200 at debug (not written at info), and their errors at warn', async () => {
    expect((await sys.inject({ method: 'GET', url: `/v1/jobs/${POLL_ID}` })).statusCode).toBe(200);
    expect(sys.lines).toEqual([]);
    await sys.inject({ method: 'GET', url: '/v1/nowhere', headers: { 'x-request-id': 'req-404' } });
    expect(sys.parsed()).toEqual([expect.objectContaining({ level: 'warn', req: { id: 'req-404', method: 'GET', url: '/v1/nowhere' }, res: { statusCode: 404 } })]);
  });

  it('logs a 500 at error with the same request id as the error body and the filter line', async () => {
    const res = await sys.inject({ method: 'GET', url: '/v1/boom', headers: { 'x-request-id': 'req-500' } });
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal error', requestId: 'req-500' } });
    const lines = sys.parsed();
    expect(lines.find((l) => l.msg === 'unhandled error')).toMatchObject({ level: 'error', requestId: 'req-500', err: { message: 'kaboom' } });
    expect(lines.find((l) => l.msg === 'request errored')).toMatchObject({ level: 'error', req: { id: 'req-500' }, res: { statusCode: 500 } });
  });

  it('never logs health probes and metrics scrapes', async () => {
    await sys.inject({ method: 'GET', url: '/health/live' });
    await sys.inject({ method: 'GET', url: '/metrics' });
    expect(sys.lines).toEqual([]);
  });
});

describe('request log at debug', () => {
  it('writes the poll lines too', async () => {
    const sys = await appWith('debug');
    try {
      await sys.inject({ method: 'GET', url: `/v1/jobs/${POLL_ID}`, headers: { 'x-request-id': 'poll-1' } });
      expect(sys.parsed().filter((l) => l.msg === 'request completed')).toEqual([expect.objectContaining({ level: 'debug', req: { id: 'poll-1', method: 'GET', url: `/v1/jobs/${POLL_ID}` } })]);
    } finally {
      await sys.app.close();
    }
  });
});

describe('request log levels of audited POSTs (sign-ins)', () => {
  const log = new RequestLog(null as never, { auditedPaths: /^\/v1\/auth\/login(?:\?|$)/ });
  it('logs an answered sign-in at debug (its audit row is the record), its refusals and errors at warn and error', () => {
    expect(log.levelOf('POST', '/v1/auth/login', 200)).toBe('debug');
    expect(log.levelOf('POST', '/v1/auth/login', 401)).toBe('warn');
    expect(log.levelOf('POST', '/v1/auth/login', 429)).toBe('warn');
    expect(log.levelOf('POST', '/v1/auth/login', 503)).toBe('error');
  });
  it('leaves every other request at info', () => {
    expect(log.levelOf('GET', '/v1/auth/login', 200)).toBe('info');
    expect(log.levelOf('POST', '/v1/auth/login/magic', 200)).toBe('info');
    expect(log.levelOf('POST', '/v1/auth/refresh', 200)).toBe('info');
    expect(new RequestLog(null as never).levelOf('POST', '/v1/auth/login', 200)).toBe('info');
  });
});
