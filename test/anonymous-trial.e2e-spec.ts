/**
 * Anonymous trial, end to end (the four apps, real SMTP stand-in, real ffmpeg): a token pair for a
 * user without email or password on the `trial` plan and its limits; the per-IP limit (IPv6 per
 * /64, through X-Forwarded-For with TRUST_PROXY); upgrade in place by password and by magic link,
 * keeping the user id, uploads, jobs and usage and moving to the default plan; 409 ACCOUNT_EXISTS
 * with nothing merged; and the TTL sweep deleting untouched anonymous users with their objects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { Storage } from '@clipyard/storage';
import { AnonymousSweeper } from '../apps/auth/src/anonymous';
import { eventually, startSystem, uniqueEmail, type HttpResponse, type System } from './harness';
import { FINAL } from './helpers/jobs';
import { makeVideo } from './helpers/media';
import { linkOf, startSmtp, type SmtpStandIn } from './helpers/smtp';
import { signUp, strongPassword } from './helpers/users';

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
let ipSeq = 10;
/** A fresh IPv4 caller per test (the anonymous limit is per IP). */
const nextIp = () => `198.51.100.${ipSeq++}`;

describe('anonymous trial (e2e)', () => {
  let sys: System;
  let smtp: SmtpStandIn;
  let dir: string;
  let video: string;

  const anonymous = (ip = nextIp()) => sys.post('/v1/auth/anonymous', {}, { headers: { 'x-forwarded-for': ip } });
  const startTrial = async () => {
    const res = await anonymous();
    expect(res.status).toBe(201);
    return { userId: res.body.user_id as string, token: res.body.access_token as string, refresh: res.body.refresh_token as string };
  };
  const uploadAs = async (token: string): Promise<HttpResponse> => {
    const form = new FormData();
    form.append('file', new Blob([await readFile(video)], { type: 'video/mp4' }), 'clip.mp4');
    const res = await fetch(`${sys.baseUrl}/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: JSON.parse(text), text };
  };
  const trim = (token: string, uploadId: string) => sys.post('/v1/jobs/trim', { input: { upload_id: uploadId }, start: 0, end: 1 }, { token });
  const finished = (token: string, id: string) =>
    eventually(async () => {
      const res = await sys.get(`/v1/jobs/${id}`, { token });
      return FINAL.includes(res.body.status) ? res.body : undefined;
    }, 60_000, 150);
  const authDb = () => sys.apps.auth!.get(DataSource);
  const gatewayDb = () => sys.apps.gateway!.get(DataSource);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'anonymous-e2e-'));
    smtp = await startSmtp();
    sys = await startSystem({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Clipyard <no-reply@clipyard.test>',
        PUBLIC_URL: 'http://app.clipyard.test',
        TRUST_PROXY: 'true',
        ANONYMOUS_PER_IP_PER_HOUR: '3',
        OUTBOX_BACKOFF_MS: '200',
        STORAGE_LOCAL_DIR: path.join(dir, 'storage'),
        UPLOAD_TMP_DIR: path.join(dir, 'spool'),
      },
    });
    video = await makeVideo(path.join(dir, 'clip.mp4'), { durationS: 2 });
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
    await smtp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('POST /v1/auth/anonymous: a token pair for a new user without email, anonymous in /me and in the token, on the trial plan', async () => {
    const res = await anonymous();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ token_type: 'Bearer', is_anonymous: true, user_id: expect.any(String), refresh_token: expect.stringMatching(/^rt_/) });
    expect(claimsOf(res.body.access_token)).toMatchObject({ sub: res.body.user_id, is_anonymous: true });
    const me = await sys.get('/v1/auth/me', { token: res.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: res.body.user_id, email: null, is_anonymous: true, has_password: false, email_verified: false });

    const sub = await sys.get('/v1/subscription', { token: res.body.access_token });
    expect(sub.body.plan).toBe('trial');
    expect(sub.body.limits).toMatchObject({ trims_per_month: 3, overlays_per_month: 3, transcribes_per_month: 0, retention_days: 1 });
    expect(sub.body.features).not.toContain('transcribe');
    // a refreshed token is still anonymous; a regular user's token never says so
    const refreshed = await sys.post('/v1/auth/refresh', { refresh_token: res.body.refresh_token });
    expect(claimsOf(refreshed.body.access_token).is_anonymous).toBe(true);
    const regular = await signUp(sys);
    expect(claimsOf(regular.accessToken)).not.toHaveProperty('is_anonymous');
    expect((await sys.get('/v1/auth/me', { token: regular.accessToken })).body.is_anonymous).toBe(false);
  });

  it('the trial plan: no transcription, a few small trims, then 402 QUOTA_EXCEEDED', async () => {
    const t = await startTrial();
    const up = await uploadAs(t.token);
    expect(up.status).toBe(201);
    const transcribe = await sys.post('/v1/jobs/transcribe', { input: { upload_id: up.body.id } }, { token: t.token });
    expect(transcribe.status).toBe(403);
    expect(transcribe.body.error.code).toBe('FEATURE_NOT_IN_PLAN');
    for (let i = 0; i < 3; i++) {
      const job = await trim(t.token, up.body.id);
      expect(job.status).toBe(202);
      expect((await finished(t.token, job.body.id)).status).toBe('completed');
    }
    const fourth = await trim(t.token, up.body.id);
    expect(fourth.status).toBe(402);
    expect(fourth.body.error.code).toBe('QUOTA_EXCEEDED');
  }, 120_000);

  it('at most ANONYMOUS_PER_IP_PER_HOUR per IP; IPv6 callers count per /64', async () => {
    for (const ip of ['2001:db8:7:1::1', '2001:db8:7:1::2', '2001:db8:7:1:ffff:1:2:3']) expect((await anonymous(ip)).status).toBe(201);
    const fourth = await anonymous('2001:db8:7:1:abcd::9');
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.code).toBe('RATE_LIMITED');
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    // another /64, and an IPv4 caller, have their own allowance
    expect((await anonymous('2001:db8:7:2::1')).status).toBe(201);
    const v4 = nextIp();
    for (let i = 0; i < 3; i++) expect((await anonymous(v4)).status).toBe(201);
    expect((await anonymous(v4)).status).toBe(429);
  });

  it('upgrade by password keeps the user id, uploads, jobs and usage, moves to the default plan and mails a verification', async () => {
    const t = await startTrial();
    const up = await uploadAs(t.token);
    const job = await trim(t.token, up.body.id);
    expect((await finished(t.token, job.body.id)).status).toBe('completed');
    const email = uniqueEmail('upgraded');
    const password = strongPassword();

    const res = await sys.post('/v1/auth/upgrade', { email, password }, { token: t.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: t.userId, email, is_anonymous: false, has_password: true, email_verified: false });
    await smtp.waitFor((m) => m.to === email && /Confirm your email/.test(m.subject));

    // the same account, signed in by password now; its data is where it was
    const login = await sys.post('/v1/auth/login', { email, password });
    expect(login.status).toBe(200);
    expect(claimsOf(login.body.access_token)).toMatchObject({ sub: t.userId });
    expect(claimsOf(login.body.access_token)).not.toHaveProperty('is_anonymous');
    const token = login.body.access_token as string;
    expect((await sys.get(`/v1/jobs/${job.body.id}`, { token })).body.status).toBe('completed');
    expect((await sys.get(`/v1/uploads/${up.body.id}`, { token })).status).toBe(200);
    // the trial session goes on, and its next token is no longer anonymous
    const refreshed = await sys.post('/v1/auth/refresh', { refresh_token: t.refresh });
    expect(refreshed.status).toBe(200);
    expect(claimsOf(refreshed.body.access_token)).not.toHaveProperty('is_anonymous');
    // billing moves it off the trial (an outbox event), keeping what was used
    const sub = await eventually(async () => {
      const s = await sys.get('/v1/subscription', { token });
      return s.body.plan === 'free' ? s : undefined;
    });
    expect(sub.body.limits.trims_per_month).toBe(5);
    const usage = await sys.get('/v1/usage/summary', { token });
    expect(usage.body.actions.trim).toMatchObject({ used: 1, limit: 5 });
    // only once
    const again = await sys.post('/v1/auth/upgrade', { email: uniqueEmail('twice'), password }, { token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOT_ANONYMOUS');
  }, 120_000);

  it('an email that has an account: 409 ACCOUNT_EXISTS, nothing merged, the trial untouched', async () => {
    const owner = await signUp(sys);
    const t = await startTrial();
    const res = await sys.post('/v1/auth/upgrade', { email: owner.email.toUpperCase(), password: strongPassword() }, { token: t.token });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ACCOUNT_EXISTS');
    expect((await sys.get('/v1/auth/me', { token: t.token })).body).toMatchObject({ id: t.userId, email: null, is_anonymous: true });
    expect((await sys.get('/v1/auth/me', { token: owner.accessToken })).body).toMatchObject({ id: owner.userId, email: owner.email });
    expect((await sys.post('/v1/auth/login', { email: owner.email, password: owner.password })).status).toBe(200);
    // a weak password is refused before anything changes
    const weak = await sys.post('/v1/auth/upgrade', { email: uniqueEmail('weak'), password: 'password' }, { token: t.token });
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    expect((await sys.get('/v1/subscription', { token: t.token })).body.plan).toBe('trial');
  });

  it('a magic link asked for while signed in anonymously upgrades in place (verified email, same id)', async () => {
    const t = await startTrial();
    const up = await uploadAs(t.token);
    const email = uniqueEmail('magic');
    const req = await sys.post('/v1/auth/magic-link', { email }, { token: t.token });
    expect(req.status).toBe(202);
    const mail = await smtp.waitFor((m) => m.to === email && /sign-in link|Sign in/i.test(m.subject));
    const res = await sys.post('/v1/auth/magic-link/verify', { token: linkOf(mail).token });
    expect(res.status).toBe(200);
    expect(claimsOf(res.body.access_token)).toMatchObject({ sub: t.userId });
    expect(claimsOf(res.body.access_token)).not.toHaveProperty('is_anonymous');
    const me = await sys.get('/v1/auth/me', { token: res.body.access_token });
    expect(me.body).toMatchObject({ id: t.userId, email, email_verified: true, is_anonymous: false, has_password: false });
    expect((await sys.get(`/v1/uploads/${up.body.id}`, { token: res.body.access_token })).status).toBe(200);
    await eventually(async () => (await sys.get('/v1/subscription', { token: res.body.access_token })).body.plan === 'free');

    // signed in anonymously, a link for an address that has an account signs in to that account: no merge
    const owner = await signUp(sys);
    const other = await startTrial();
    expect((await sys.post('/v1/auth/magic-link', { email: owner.email }, { token: other.token })).status).toBe(202);
    const ownerMail = await smtp.waitFor((m) => m.to === owner.email && /sign-in link|Sign in/i.test(m.subject));
    const signedIn = await sys.post('/v1/auth/magic-link/verify', { token: linkOf(ownerMail).token });
    expect(claimsOf(signedIn.body.access_token).sub).toBe(owner.userId);
    expect((await sys.get('/v1/auth/me', { token: other.token })).body).toMatchObject({ id: other.userId, is_anonymous: true, email: null });
  }, 60_000);

  it('anonymous users untouched for ANONYMOUS_TTL_DAYS are deleted with their uploads and objects; active and upgraded ones stay', async () => {
    const stale = await startTrial();
    const up = await uploadAs(stale.token);
    expect(up.status).toBe(201);
    const [{ storage_key }] = await gatewayDb().query('SELECT storage_key FROM uploads WHERE id = $1', [up.body.id]);
    const storage = sys.apps.gateway!.get(Storage);
    expect(await storage.stat(storage_key)).not.toBeNull();
    const active = await startTrial();
    const upgraded = await startTrial();
    expect((await sys.post('/v1/auth/upgrade', { email: uniqueEmail('kept'), password: strongPassword() }, { token: upgraded.token })).status).toBe(200);
    // 31 days without a change, a refresh or an API key use (the active one was used 29 days ago)
    const age = async (userId: string, days: number) => {
      await authDb().query(`UPDATE users SET updated_at = now() - make_interval(days => $2), created_at = now() - make_interval(days => $2) WHERE id = $1`, [userId, days]);
      await authDb().query(`UPDATE sessions SET last_used_at = now() - make_interval(days => $2), created_at = now() - make_interval(days => $2) WHERE user_id = $1`, [userId, days]);
    };
    await age(stale.userId, 31);
    await age(upgraded.userId, 31);
    await age(active.userId, 40);
    await authDb().query(`UPDATE sessions SET last_used_at = now() - interval '29 days' WHERE user_id = $1`, [active.userId]);

    const deleted = await sys.apps.auth!.get(AnonymousSweeper).sweep();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await authDb().query('SELECT 1 FROM users WHERE id = $1', [stale.userId])).toHaveLength(0);
    expect((await sys.post('/v1/auth/refresh', { refresh_token: stale.refresh })).status).toBe(401);
    expect((await sys.get('/v1/auth/me', { token: stale.token })).status).toBe(401);
    // every owner deletes its part (the account-deletion path): uploads, objects, subscription
    await eventually(async () => (await gatewayDb().query('SELECT 1 FROM uploads WHERE user_id = $1', [stale.userId])).length === 0);
    await eventually(async () => (await storage.stat(storage_key)) === null);
    const billing = sys.apps.billing!.get(DataSource);
    await eventually(async () => (await billing.query('SELECT 1 FROM subscriptions WHERE user_id = $1', [stale.userId])).length === 0);
    const [audit] = await authDb().query(`SELECT metadata FROM audit_events WHERE action = 'account.deleted' AND metadata->>'deleted_user_id' = $1`, [stale.userId]);
    expect(audit.metadata).toMatchObject({ method: 'anonymous_ttl', ttl_days: 30 });
    // no confirmation email for an account that had no address
    expect(await authDb().query(`SELECT 1 FROM outbox_messages WHERE user_id = $1 AND kind = 'email'`, [stale.userId])).toHaveLength(0);

    expect((await sys.get('/v1/auth/me', { token: active.token })).status).toBe(200);
    expect(await authDb().query('SELECT 1 FROM users WHERE id = $1', [upgraded.userId])).toHaveLength(1);
    // an anonymous user may also delete itself without a password
    const del = await sys.request('DELETE', '/v1/auth/me', { token: active.token, body: {} });
    expect(del.status).toBe(200);
  }, 60_000);
});
