import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { startSystem, uniqueEmail, type System } from './harness';
import { freshDatabase } from './helpers/database';
import { signUp, strongPassword } from './helpers/users';

describe('auth: brute force, rate limits, audit, bootstrap (e2e)', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await startSystem({
      env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_S: '120', CHECK_EMAIL_IP_PER_MIN: '4', REGISTER_IP_PER_HOUR: '40' },
    });
  });
  afterAll(() => sys.stop());

  it('locks an account after repeated failures: 429 ACCOUNT_LOCKED with Retry-After, even with the right password', async () => {
    const username = `lock_${Date.now().toString(36)}`;
    const u = await signUp(sys, { username });
    for (let i = 0; i < 3; i++) {
      // alternating email and username: one counter per account
      const r = await sys.post('/v1/auth/login', i % 2 ? { username, password: `Wrong-pass-${i}` } : { email: u.email, password: `Wrong-pass-${i}` });
      expect(r.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    const retry = Number(locked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(60);
    expect(retry).toBeLessThanOrEqual(120);
    const viaToken = await sys.request('POST', '/v1/auth/token', { form: { grant_type: 'password', username: u.email.toUpperCase(), password: u.password } });
    expect(viaToken.status).toBe(429);
    // other accounts are unaffected; the locked user's API key still works
    expect((await sys.get('/v1/auth/me', { apiKey: u.apiKey })).status).toBe(200);
    const audit = await sys.get('/v1/audit-events?action=login.locked', { apiKey: u.apiKey });
    expect(audit.body.data).toHaveLength(1);
    const failed = await sys.get('/v1/audit-events?action=login.failed', { apiKey: u.apiKey });
    expect(failed.body.data).toHaveLength(2);
    expect(failed.body.data[0]).toMatchObject({ ip: '127.0.0.1', user_agent: expect.any(String) });
  });

  it('a sign-in clears the failures before it (the count starts again) and records login.succeeded naming its session', async () => {
    const u = await signUp(sys);
    const fail = () => sys.post('/v1/auth/login', { email: u.email, password: 'Wrong-pass-1' });
    for (let i = 0; i < 2; i++) expect((await fail()).status).toBe(401);
    const ok = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    expect(ok.status).toBe(200);
    // two more failures would make four without the clearing, and lock the account (the limit is 3)
    for (let i = 0; i < 2; i++) expect((await fail()).status).toBe(401);
    const again = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    expect(again.status).toBe(200);
    const events = (await sys.get('/v1/audit-events?action=login.succeeded&limit=100', { apiKey: u.apiKey })).body.data;
    const ofOk = events.filter((e: { metadata: { session_id?: string } }) => e.metadata.session_id === ok.body.session_id);
    expect(ofOk).toHaveLength(1);
    expect(ofOk[0]).toMatchObject({ user_id: u.userId, actor_id: u.userId, ip: '127.0.0.1', user_agent: expect.any(String), metadata: { session_id: ok.body.session_id } });
    // the session and its refresh token were written with it
    const sessions = await sys.get('/v1/auth/sessions', { token: again.body.access_token });
    expect(sessions.body.data.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([ok.body.session_id, again.body.session_id]));
    const refreshed = await sys.post('/v1/auth/refresh', { refresh_token: ok.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.session_id).toBe(ok.body.session_id);
  });

  it('locks unknown accounts the same way (no enumeration through the lockout)', async () => {
    const email = uniqueEmail('ghost');
    for (let i = 0; i < 3; i++) expect((await sys.post('/v1/auth/login', { email, password: 'Wrong-pass-1' })).status).toBe(401);
    expect((await sys.post('/v1/auth/login', { email, password: 'Wrong-pass-1' })).body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('rate limits check-email per IP, with Retry-After', async () => {
    const u = await signUp(sys);
    const taken = await sys.get(`/v1/auth/check-email?email=${encodeURIComponent(u.email.toUpperCase())}`);
    expect(taken.status).toBe(200);
    expect(taken.body).toEqual({ available: false });
    expect((await sys.get(`/v1/auth/check-email?email=${encodeURIComponent(uniqueEmail())}`)).body).toEqual({ available: true });
    expect((await sys.get('/v1/auth/check-email?email=nope')).body.error.code).toBe('VALIDATION_FAILED');
    let limited;
    for (let i = 0; i < 3 && !limited; i++) {
      const r = await sys.get(`/v1/auth/check-email?email=${encodeURIComponent(uniqueEmail())}`);
      if (r.status === 429) limited = r;
    }
    expect(limited).toBeDefined();
    expect(limited!.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('pages through the audit trail with a cursor; users see only their own events', async () => {
    const u = await signUp(sys);
    for (let i = 0; i < 3; i++) await sys.post('/v1/api-keys', { name: `k${i}` }, { apiKey: u.apiKey });
    const page1 = await sys.get('/v1/audit-events?limit=2', { apiKey: u.apiKey });
    expect(page1.status).toBe(200);
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await sys.get(`/v1/audit-events?limit=2&before=${page1.body.next_cursor}`, { apiKey: u.apiKey });
    const ids = [...page1.body.data, ...page2.body.data].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = await sys.get('/v1/audit-events?limit=100', { apiKey: u.apiKey });
    const actions = all.body.data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.registered', 'login.succeeded', 'api_key.created']));
    expect(all.body.data.every((e: { user_id: string }) => e.user_id === u.userId)).toBe(true);
    // events written together share a timestamp; a one-by-one walk must still see every one of them
    await sys.apps.auth!.get(DataSource).query(
      `INSERT INTO audit_events (user_id, actor_id, action) SELECT $1, $1, 'test.burst' FROM generate_series(1, 4)`,
      [u.userId],
    );
    const everything = (await sys.get('/v1/audit-events?limit=100', { apiKey: u.apiKey })).body.data.map((e: { id: string }) => e.id);
    const walked: string[] = [];
    for (let cursor = ''; ; ) {
      const page = await sys.get(`/v1/audit-events?limit=1${cursor && `&before=${cursor}`}`, { apiKey: u.apiKey });
      walked.push(...page.body.data.map((e: { id: string }) => e.id));
      if (!page.body.next_cursor) break;
      cursor = page.body.next_cursor;
    }
    expect(walked).toEqual(everything);
    expect((await sys.get('/v1/audit-events?limit=500', { apiKey: u.apiKey })).status).toBe(422);
    expect((await sys.get('/v1/audit-events?before=garbage', { apiKey: u.apiKey })).status).toBe(422);
    expect((await sys.get('/v1/audit-events')).status).toBe(401);
  });

  it('bootstrap-admin creates the first admin and key once, printing them once; ADMIN_* name it', async () => {
    // A database of its own: other specs of the run make admins in the shared one.
    const db = await freshDatabase('boot');
    const root = path.join(__dirname, '..');
    const env = { ...process.env, ...sys.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
    let other: System | undefined;
    try {
      const email = uniqueEmail('root');
      const password = strongPassword();
      const script = path.join(root, 'dist/apps/auth/src/cli/bootstrap-admin.js');
      const first = spawnSync('node', [script], { env: { ...env, ADMIN_EMAIL: email, ADMIN_PASSWORD: password }, encoding: 'utf8' });
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain(email);
      expect(first.stdout).not.toContain(password);
      const key = /API key\s+(cy_live_\S+)/.exec(first.stdout)?.[1];
      expect(key).toBeDefined();
      const second = spawnSync('node', [script], { env, encoding: 'utf8' });
      expect(second.status).toBe(0);
      expect(second.stdout).toContain('already exists');
      expect(second.stdout).not.toContain('cy_live_');

      other = await startSystem({ apps: ['auth', 'gateway'], env: { DATABASE_URL: db.url } });
      const me = await other.get('/v1/auth/me', { apiKey: key });
      expect(me.body).toMatchObject({ email, role: 'admin' });
      expect((await other.post('/v1/auth/login', { email, password })).status).toBe(200);
    } finally {
      await other?.stop();
      await db.drop();
    }
  });
});
