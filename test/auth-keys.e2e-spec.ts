import IORedis from 'ioredis';
import { authReplHelpers } from '../apps/auth/src/admin/repl-helpers';
import { GATEWAY_CONFIG, type GatewayConfig } from '../apps/gateway/src/config';
import { AUTH_REDIS } from '@clipyard/contracts';
import { keyPrefix } from '@clipyard/queue';
import { hashApiKey } from '@clipyard/security';
import { eventually, startSystem, type System } from './harness';
import { signUp } from './helpers/users';

describe('auth: API keys — roll, limits, expiry, usage, deactivation (e2e)', () => {
  let sys: System;
  let admin: ReturnType<typeof authReplHelpers>;
  beforeAll(async () => {
    sys = await startSystem({ env: { API_KEYS_USAGE_FLUSH_MS: '200' } });
    admin = authReplHelpers((t) => sys.apps.auth!.get(t));
  });
  afterAll(() => sys.stop());

  const me = (apiKey: string) => sys.get('/v1/auth/me', { apiKey });

  it('rolls a key: new secret at once, the old one works during the grace period and then expires', async () => {
    const u = await signUp(sys);
    const rolled = await sys.post(`/v1/api-keys/${u.apiKeyId}/roll`, { grace_seconds: 2 }, { token: u.accessToken });
    expect(rolled.status).toBe(201);
    expect(rolled.body.key).not.toBe(u.apiKey);
    expect(rolled.body.id).not.toBe(u.apiKeyId);
    expect(rolled.body.previous).toMatchObject({ id: u.apiKeyId, status: 'expiring' });
    expect((await me(rolled.body.key)).status).toBe(200);
    expect((await me(u.apiKey)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2200));
    const old = await me(u.apiKey);
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('API_KEY_EXPIRED');
    expect((await me(rolled.body.key)).status).toBe(200);
    const again = await sys.post(`/v1/api-keys/${u.apiKeyId}/roll`, {}, { token: u.accessToken });
    expect(again.status).toBe(409);
  });

  it('rolling with grace 0 refuses the old secret on the very next request', async () => {
    const u = await signUp(sys);
    expect((await me(u.apiKey)).status).toBe(200); // cached now
    const rolled = await sys.post(`/v1/api-keys/${u.apiKeyId}/roll`, { grace_seconds: 0 }, { apiKey: u.apiKey });
    expect(rolled.status).toBe(201);
    expect((await me(u.apiKey)).status).toBe(401);
    expect((await me(rolled.body.key)).status).toBe(200);
  });

  it("cannot roll or list another user's keys", async () => {
    const a = await signUp(sys);
    const b = await signUp(sys);
    const res = await sys.post(`/v1/api-keys/${b.apiKeyId}/roll`, {}, { token: a.accessToken });
    expect(res.status).toBe(404);
    expect((await me(b.apiKey)).status).toBe(200);
    const list = await sys.get('/v1/api-keys', { token: a.accessToken });
    expect(list.body.data.map((k: { id: string }) => k.id)).toEqual([a.apiKeyId]);
  });

  it('allows at most 5 active keys, even when created concurrently', async () => {
    const u = await signUp(sys);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => sys.post('/v1/api-keys', { name: `k${i}` }, { token: u.accessToken })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(4);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 409 && r.body.error.code === 'API_KEY_LIMIT_REACHED')).toBe(true);
    await sys.request('DELETE', `/v1/api-keys/${u.apiKeyId}`, { token: u.accessToken });
    expect((await sys.post('/v1/api-keys', { name: 'one more' }, { token: u.accessToken })).status).toBe(201);
  });

  it('validates key creation input', async () => {
    const u = await signUp(sys);
    for (const body of [{}, { name: '' }, { name: 'x', expires_in_days: 0 }, { name: 'x', scopes: ['root'] }]) {
      const r = await sys.post('/v1/api-keys', body, { token: u.accessToken });
      expect({ status: r.status, code: r.body.error.code }).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    }
    const scoped = await sys.post('/v1/api-keys', { name: 'ro', scopes: ['jobs:read'], expires_in_days: 7 }, { token: u.accessToken });
    expect(scoped.body.scopes).toEqual(['jobs:read']);
    expect(Date.parse(scoped.body.expires_at) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  });

  it('records last_used_at, last_used_ip and total_requests in batches', async () => {
    const u = await signUp(sys);
    for (let i = 0; i < 5; i++) expect((await me(u.apiKey)).status).toBe(200);
    const key = await eventually(async () => {
      const list = await sys.get('/v1/api-keys', { token: u.accessToken });
      const k = list.body.data.find((x: { id: string }) => x.id === u.apiKeyId);
      return k.total_requests >= 5 ? k : undefined;
    });
    expect(key.total_requests).toBe(5);
    expect(key.last_used_ip).toBe('127.0.0.1');
    expect(Date.parse(key.last_used_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('deactivating a user refuses their keys on the very next request and blocks sign-in', async () => {
    const u = await signUp(sys);
    expect((await me(u.apiKey)).status).toBe(200);
    await admin.users.deactivate(u.email);
    const res = await me(u.apiKey);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ACCOUNT_DISABLED');
    // Sign-in of a disabled account answers the same whether the password was right or wrong.
    const right = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    const wrong = await sys.post('/v1/auth/login', { email: u.email, password: `${u.password}-wrong` });
    expect({ status: right.status, code: right.body.error.code, message: right.body.error.message }).toEqual({
      status: 401,
      code: 'INVALID_CREDENTIALS',
      message: wrong.body.error.message,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await sys.post('/v1/auth/refresh', { refresh_token: u.refreshToken })).status).toBe(401);
    await admin.users.reactivate(u.userId);
    expect((await me(u.apiKey)).status).toBe(200);
  });

  it('the gateway keeps a key in memory until the auth app says its entry changed', async () => {
    const u = await signUp(sys);
    expect((await me(u.apiKey)).status).toBe(200);
    const config = sys.apps.gateway!.get<GatewayConfig>(GATEWAY_CONFIG);
    const prefix = keyPrefix({ url: config.REDIS_URL, prefix: config.REDIS_PREFIX });
    const hash = hashApiKey(u.apiKey, config.API_KEY_PEPPER);
    const redis = new IORedis(config.REDIS_URL);
    try {
      // a tombstone written behind the gateway's back (no announcement): the copy in memory still serves
      await redis.set(AUTH_REDIS.apiKey(prefix, hash), JSON.stringify({ ok: false, code: 'API_KEY_REVOKED' }), 'EX', 60);
      expect((await me(u.apiKey)).status).toBe(200);
      // the announcement drops it: the next lookup reads the tombstone
      await redis.publish(AUTH_REDIS.apiKeyChangedChannel(prefix), hash);
      const refused = await eventually(async () => {
        const r = await me(u.apiKey);
        return r.status === 401 ? r : undefined;
      });
      expect(refused.body.error.code).toBe('API_KEY_REVOKED');
    } finally {
      await redis.quit();
    }
  });

  it('REPL helpers issue and revoke keys and set roles', async () => {
    const u = await signUp(sys);
    const issued = await admin.keys.issue(u.email, 'from-repl');
    expect((await me(issued.key)).status).toBe(200);
    await admin.keys.revoke(u.userId, issued.id);
    expect((await me(issued.key)).body.error.code).toBe('API_KEY_REVOKED');
    expect((await admin.users.setRole(u.email, 'admin')).role).toBe('admin');
    expect((await me(u.apiKey)).body.role).toBe('admin');
    const created = await admin.users.create(`repl-${Date.now()}@example.test`, 'Repl-user-pass-9');
    expect(created.role).toBe('user');
    await expect(admin.users.create(`weak-${Date.now()}@example.test`, 'password')).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
  });

  it('enforces roles on admin routes (audit filter) and audits the admin read', async () => {
    const a = await signUp(sys);
    const target = await signUp(sys);
    const asUser = await sys.get(`/v1/audit-events?user_id=${target.userId}`, { apiKey: a.apiKey });
    expect(asUser.body.data.every((e: { user_id: string }) => e.user_id === a.userId)).toBe(true);
    await admin.users.setRole(a.userId, 'admin');
    // The role alone is not enough for an API key: it needs the admin scope too.
    const unscoped = await sys.get(`/v1/audit-events?user_id=${target.userId}`, { apiKey: a.apiKey });
    expect([unscoped.status, unscoped.body.error?.code]).toEqual([403, 'INSUFFICIENT_SCOPE']);
    const adminKey = (await sys.post('/v1/api-keys', { name: 'admin', scopes: ['admin', 'account:read'] }, { token: a.accessToken })).body.key;
    const asAdmin = await sys.get(`/v1/audit-events?user_id=${target.userId}`, { apiKey: adminKey });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.data.length).toBeGreaterThan(0);
    expect(asAdmin.body.data.every((e: { user_id: string }) => e.user_id === target.userId)).toBe(true);
    const trail = await sys.get(`/v1/audit-events?user_id=${target.userId}&action=admin.read`, { apiKey: adminKey });
    expect(trail.body.data[0]).toMatchObject({ actor_id: a.userId, user_id: target.userId });
  });

  it('enforces API key scopes, and a scoped key cannot mint broader keys', async () => {
    const u = await signUp(sys);
    const jobsOnly = (await sys.post('/v1/api-keys', { name: 'jobs', scopes: ['jobs:read'] }, { apiKey: u.apiKey })).body.key;
    const denied = await me(jobsOnly);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('INSUFFICIENT_SCOPE');
    const acct = (await sys.post('/v1/api-keys', { name: 'acct', scopes: ['account:read', 'account:write'] }, { apiKey: u.apiKey })).body.key;
    expect((await me(acct)).status).toBe(200);
    const broader = await sys.post('/v1/api-keys', { name: 'escalate' }, { apiKey: acct });
    expect(broader.status).toBe(403);
    expect(broader.body.error.code).toBe('INSUFFICIENT_SCOPE');
    expect((await sys.post('/v1/api-keys', { name: 'sub', scopes: ['account:read'] }, { apiKey: acct })).status).toBe(201);
    expect((await sys.post('/v1/api-keys', { name: 'mint' }, { apiKey: jobsOnly })).status).toBe(403);
  });

  it('roll follows the subset rule: a scoped key cannot roll a broader key into a new secret', async () => {
    const u = await signUp(sys);
    const acct = (await sys.post('/v1/api-keys', { name: 'acct', scopes: ['account:write'] }, { token: u.accessToken })).body;
    const escalate = await sys.post(`/v1/api-keys/${u.apiKeyId}/roll`, {}, { apiKey: acct.key });
    expect([escalate.status, escalate.body.error?.code]).toEqual([403, 'INSUFFICIENT_SCOPE']);
    expect(escalate.text).not.toContain('cy_live_');
    const own = await sys.post(`/v1/api-keys/${acct.id}/roll`, { grace_seconds: 0 }, { apiKey: acct.key });
    expect(own.status).toBe(201);
    expect(own.body.scopes).toEqual(['account:write']);
    // A session may roll any of its owner's keys.
    expect((await sys.post(`/v1/api-keys/${u.apiKeyId}/roll`, {}, { token: u.accessToken })).status).toBe(201);
  });

  it('keys in a roll grace period count against the active-key limit', async () => {
    const u = await signUp(sys);
    for (let i = 0; i < 3; i++) {
      const rolled = await sys.post(`/v1/api-keys/${u.apiKeyId}/roll`, { grace_seconds: 30 * 86_400 }, { token: u.accessToken });
      expect(rolled.status).toBe(201);
      u.apiKeyId = rolled.body.id;
    }
    // 4 usable keys (3 in grace + 1 active): one more fits, then rolls with a grace and creations are refused.
    expect((await sys.post('/v1/api-keys', { name: 'fifth' }, { token: u.accessToken })).status).toBe(201);
    const roll = await sys.post(`/v1/api-keys/${u.apiKeyId}/roll`, { grace_seconds: 30 * 86_400 }, { token: u.accessToken });
    expect([roll.status, roll.body.error?.code]).toEqual([409, 'API_KEY_LIMIT_REACHED']);
    const create = await sys.post('/v1/api-keys', { name: 'sixth' }, { token: u.accessToken });
    expect([create.status, create.body.error?.code]).toEqual([409, 'API_KEY_LIMIT_REACHED']);
    // A roll that retires the old secret at once frees its slot as it takes one.
    expect((await sys.post(`/v1/api-keys/${u.apiKeyId}/roll`, { grace_seconds: 0 }, { token: u.accessToken })).status).toBe(201);
    const usable = (await sys.get('/v1/api-keys', { token: u.accessToken })).body.data.filter((k: { status: string }) => k.status === 'active' || k.status === 'expiring');
    expect(usable).toHaveLength(5);
  });

  it('serves a burst of first requests with a fresh key (one lookup, every request accepted)', async () => {
    const u = await signUp(sys);
    const fresh = (await sys.post('/v1/api-keys', { name: 'burst' }, { apiKey: u.apiKey })).body.key;
    const results = await Promise.all(Array.from({ length: 20 }, () => me(fresh)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
  });
});
