/**
 * The queue dashboard (Bull Board) at /admin/queues: its routes are a Fastify plugin beside Nest,
 * guarded by an onRequest hook that reuses the gateway's credential check and wants the admin role.
 */
import { startSystem, type System } from './harness';
import { makeAdmin, signUp, type TestUser } from './helpers/users';

const basic = (key: string) => `Basic ${Buffer.from(`admin:${key}`).toString('base64')}`;

describe('/admin/queues (e2e)', () => {
  let sys: System;
  let user: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    sys = await startSystem();
    [user, admin] = await Promise.all([signUp(sys), signUp(sys)]);
    await makeAdmin(sys, admin.userId);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('asks for credentials without any (401, Basic challenge, error envelope)', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/favicon-32x32.png']) {
      const res = await sys.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="Clipyard queues"/);
      expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', requestId: expect.any(String) });
    }
    const wrong = await sys.get('/admin/queues', { headers: { authorization: basic('cy_live_not-a-real-key') } });
    expect(wrong.status).toBe(401);
  });

  it('refuses a non-admin, by API key, access token or Basic (403)', async () => {
    for (const opts of [{ apiKey: user.apiKey }, { token: user.accessToken }, { headers: { authorization: basic(user.apiKey) } }]) {
      const res = await sys.get('/admin/queues/api/queues', opts);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('INSUFFICIENT_ROLE');
      expect(res.text).not.toContain('media-trim');
    }
  });

  it('serves the dashboard and its API to an admin', async () => {
    const page = await sys.get('/admin/queues', { apiKey: admin.apiKey });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('<base href="/admin/queues/"');

    const api = await sys.get('/admin/queues/api/queues', { headers: { authorization: basic(admin.apiKey) } });
    expect(api.status).toBe(200);
    const names = api.body.queues.map((q: { name: string }) => q.name);
    expect(names).toEqual(expect.arrayContaining(['media-trim', 'media-overlay', 'media-transcribe', 'job-events', 'usage-events']));

    const asset = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
    expect(asset).toBeDefined();
    const js = await sys.get(`/admin/queues/${asset}`, { headers: { authorization: basic(admin.apiKey) } });
    expect(js.status).toBe(200);
  });
});
