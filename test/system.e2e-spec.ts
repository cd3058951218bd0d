import { startSystem, eventually, type System } from './harness';

describe('system (e2e)', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await startSystem();
  });
  afterAll(() => sys.stop());

  it('reports database, redis, every service and the gateway\'s ffprobe ready', async () => {
    const res = await sys.get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({
      database: { status: 'up' },
      redis: { status: 'up' },
      auth: { status: 'up' },
      billing: { status: 'up' },
      'media-worker': { status: 'up' },
      ffprobe: { status: 'up' },
    });
  });

  it('reports auth down while it is stopped, and up again once restarted', async () => {
    await sys.stopApp('auth');
    const down = await sys.get('/health/ready');
    expect(down.status).toBe(503);
    expect(down.body.checks.auth.status).toBe('down');
    expect(down.body.checks.billing.status).toBe('up');
    await sys.startApp('auth');
    await eventually(async () => (await sys.get('/health/ready')).status === 200);
  });

  it('echoes a valid X-Request-Id and generates one otherwise', async () => {
    const given = await sys.get('/health/live', { headers: { 'x-request-id': 'trace-42' } });
    expect(given.headers.get('x-request-id')).toBe('trace-42');
    const made = await sys.get('/health/live', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with the error envelope and the request id', async () => {
    const res = await sys.get('/v1/nope', { headers: { 'x-request-id': 'req-404' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String), requestId: 'req-404' } });
  });

  it('sends security headers and serves OpenAPI and metrics', async () => {
    const live = await sys.get('/health/live');
    expect(live.headers.get('x-content-type-options')).toBe('nosniff');
    expect(live.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(live.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const missing = await sys.get('/v1/nope');
    expect(missing.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    const doc = await sys.get('/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    const metrics = await sys.get('/metrics');
    expect(metrics.text).toContain('http_request_duration_seconds');
  });
});
