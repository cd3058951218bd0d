import { RpcClient } from '@clipyard/queue';
import { startSystem, uniqueEmail, type System } from './harness';
import { makeAdmin, signUp, strongPassword } from './helpers/users';

describe('auth: accounts, tokens, API keys (e2e)', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await startSystem();
  });
  afterAll(() => sys.stop());

  it('signUp gives a user whose token and API key both reach /v1/auth/me', async () => {
    const u = await signUp(sys, { fullName: 'Ada' });
    const viaToken = await sys.get('/v1/auth/me', { token: u.accessToken });
    expect(viaToken.status).toBe(200);
    expect(viaToken.body).toMatchObject({ id: u.userId, email: u.email, role: 'user', full_name: 'Ada' });
    expect(viaToken.body.password_hash).toBeUndefined();
    const viaKey = await sys.get('/v1/auth/me', { apiKey: u.apiKey });
    expect(viaKey.status).toBe(200);
    expect(viaKey.body.id).toBe(u.userId);
    const viaBearerKey = await sys.get('/v1/auth/me', { headers: { authorization: `Bearer ${u.apiKey}` } });
    expect(viaBearerKey.body.id).toBe(u.userId);
  });

  it('makeAdmin turns the API key into an admin credential on the next request', async () => {
    const u = await signUp(sys);
    expect((await sys.get('/v1/auth/me', { apiKey: u.apiKey })).body.role).toBe('user');
    await makeAdmin(sys, u.userId);
    expect((await sys.get('/v1/auth/me', { apiKey: u.apiKey })).body.role).toBe('admin');
    const relogin = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    expect((await sys.get('/v1/auth/me', { token: relogin.body.access_token })).body.role).toBe('admin');
  });

  it('register normalises the email, refuses duplicates and weak passwords with stable codes', async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    const ok = await sys.post('/v1/auth/register', { email: email.toUpperCase(), password });
    expect(ok.status).toBe(201);
    expect(ok.body.email).toBe(email);
    const dup = await sys.post('/v1/auth/register', { email, password });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('EMAIL_TAKEN');
    for (const weak of ['short1', 'password123', 'lettersonlyhere', '1234567890123']) {
      const r = await sys.post('/v1/auth/register', { email: uniqueEmail(), password: weak });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('WEAK_PASSWORD');
    }
    const bad = await sys.post('/v1/auth/register', { email: 'not-an-email', password });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('login refuses a wrong password and an unknown account alike', async () => {
    const u = await signUp(sys);
    const wrong = await sys.post('/v1/auth/login', { email: u.email, password: 'Wrong-pass-123' });
    const unknown = await sys.post('/v1/auth/login', { email: uniqueEmail(), password: 'Wrong-pass-123' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('needs credentials everywhere but public routes', async () => {
    const none = await sys.get('/v1/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const garbage = await sys.get('/v1/auth/me', { token: 'not.a.jwt' });
    expect(garbage.status).toBe(401);
    expect(garbage.body.error.code).toBe('TOKEN_INVALID');
    const typo = await sys.get('/v1/auth/me', { apiKey: 'cy_live_' + 'a'.repeat(49) });
    expect(typo.status).toBe(401);
    expect(typo.body.error.code).toBe('API_KEY_INVALID');
  });

  it('creates, lists and revokes API keys; the secret is shown once and a revoked key fails at once', async () => {
    const u = await signUp(sys);
    const created = await sys.post('/v1/api-keys', { name: 'ci', expires_in_days: 30 }, { token: u.accessToken });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^cy_live_[0-9A-Za-z]{49}$/);
    expect(created.body).toMatchObject({ name: 'ci', prefix: 'cy_live_', last4: created.body.key.slice(-4), status: 'active' });
    const key = created.body.key as string;
    expect((await sys.get('/v1/auth/me', { apiKey: key })).status).toBe(200);

    const list = await sys.get('/v1/api-keys', { token: u.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.data.map((k: { id: string }) => k.id)).toEqual(expect.arrayContaining([created.body.id, u.apiKeyId]));
    expect(list.text).not.toContain(key);
    expect(list.text).not.toContain(u.apiKey);

    const del = await sys.request('DELETE', `/v1/api-keys/${created.body.id}`, { token: u.accessToken });
    expect(del.status).toBe(204);
    const after = await sys.get('/v1/auth/me', { apiKey: key });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('API_KEY_REVOKED');
    expect((await sys.get('/v1/auth/me', { apiKey: u.apiKey })).status).toBe(200);
  });

  it("cannot revoke another user's key (404)", async () => {
    const a = await signUp(sys);
    const b = await sys.post('/v1/api-keys', { name: 'x' }, { token: (await signUp(sys)).accessToken });
    const res = await sys.request('DELETE', `/v1/api-keys/${b.body.id}`, { token: a.accessToken });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await sys.get('/v1/auth/me', { apiKey: b.body.key })).status).toBe(200);
    expect((await sys.request('DELETE', '/v1/api-keys/not-a-uuid', { token: a.accessToken })).status).toBe(404);
  });

  it('documents the routes in OpenAPI with their security schemes (API key, bearer access token)', async () => {
    const doc = (await sys.get('/docs/json')).body;
    expect(doc.components.securitySchemes['api-key']).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const p of ['/v1/auth/register', '/v1/auth/login', '/v1/auth/token', '/v1/api-keys', '/v1/api-keys/{id}/roll', '/v1/provider-keys/{provider}', '/v1/audit-events']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it("lets other services audit an admin's read of a user's data (auth.audit.record)", async () => {
    const admin = await signUp(sys);
    const u = await signUp(sys);
    await sys.apps.gateway!.get(RpcClient).call('auth.audit.record', {
      actorId: admin.userId,
      userId: u.userId,
      action: 'admin.read',
      metadata: { resource: 'usage' },
      ctx: { ip: '10.1.2.3' },
    });
    const trail = await sys.get('/v1/audit-events?action=admin.read', { apiKey: u.apiKey });
    expect(trail.body.data).toEqual([expect.objectContaining({ actor_id: admin.userId, user_id: u.userId, ip: '10.1.2.3', metadata: { resource: 'usage' } })]);
  });
});
