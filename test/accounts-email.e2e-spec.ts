/**
 * Accounts over email, end to end: the four apps, a real SMTP server on 127.0.0.1 (smtp-server,
 * free port) whose messages are parsed with mailparser. register → the email arrives → verify by
 * link and by code → forgot/reset → sign in with the new password → magic link (code, link,
 * passwordless sign-up) → email change → delete the account and see its data gone; then the
 * outbox under an SMTP outage, the rate limits, and a scan of every log line and Redis key for
 * the tokens and codes that were mailed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { Storage } from '@clipyard/storage';
import { eventually, startSystem, uniqueEmail, type System } from './harness';
import { upload } from './helpers/jobs';
import { makeVideo } from './helpers/media';
import { redisKeysContainingAny } from './helpers/secrets-scan';
import { codeOf, linkOf, startSmtp, type ReceivedMail, type SmtpStandIn } from './helpers/smtp';
import { strongPassword } from './helpers/users';

const PUBLIC_URL = 'http://app.clipyard.test';

describe('accounts over email (e2e, real SMTP)', () => {
  let sys: System;
  let smtp: SmtpStandIn;
  let dir: string;
  let video: string;

  const mailTo = (to: string, subject: RegExp, after = 0): Promise<ReceivedMail> =>
    smtp.waitFor((x) => x.to === to && subject.test(x.subject) && smtp.messages.indexOf(x) >= after);
  const register = async (email = uniqueEmail('acct'), password = strongPassword()) => {
    const reg = await sys.post('/v1/auth/register', { email, password });
    expect(reg.status).toBe(201);
    const login = await sys.post('/v1/auth/login', { email, password });
    expect(login.status).toBe(200);
    return { email, password, userId: reg.body.id as string, token: login.body.access_token as string, refresh: login.body.refresh_token as string };
  };
  const gatewayDb = () => sys.apps.gateway!.get(DataSource);
  const authDb = () => sys.apps.auth!.get(DataSource);
  const metricsOfAuth = async () => {
    const port = (sys.apps.auth!.getHttpAdapter().getInstance().server.address() as AddressInfo).port;
    return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'accounts-e2e-'));
    smtp = await startSmtp();
    sys = await startSystem({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Clipyard <no-reply@clipyard.test>',
        PUBLIC_URL,
        PASSWORDLESS_SIGNUP: 'true',
        REQUIRE_VERIFIED_EMAIL: 'true',
        OUTBOX_BACKOFF_MS: '200',
        EMAIL_FLOW_IP_PER_HOUR: '200',
        EMAIL_FLOW_PER_EMAIL_PER_HOUR: '8',
        LOG_LEVEL: 'debug',
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

  it('registration mails a verification link and code; a GET on the link spends nothing; the POST verifies once', async () => {
    const u = await register();
    expect((await sys.get('/v1/auth/me', { token: u.token })).body).toMatchObject({ email_verified: false, has_password: true });
    // REQUIRE_VERIFIED_EMAIL: no API key (and no job) before the address is proven
    const key = await sys.post('/v1/api-keys', { name: 'early' }, { token: u.token });
    expect(key.status).toBe(403);
    expect(key.body.error.code).toBe('EMAIL_NOT_VERIFIED');

    const mail = await mailTo(u.email, /Confirm your email/);
    expect(mail.from).toMatch(/^"?Clipyard"? <no-reply@clipyard\.test>$/);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@clipyard\.test>$/);
    expect(mail.html).toContain('Confirm my email');
    expect(mail.text).toContain('24 hours');
    const { link, token } = linkOf(mail);
    expect(link.startsWith(`${PUBLIC_URL}/account/verify-email?token=`)).toBe(true);
    expect(token).toMatch(/^ot_[A-Za-z0-9_-]{43}$/);
    expect(codeOf(mail)).toMatch(/^\d{6}$/);
    expect(mail.html).toContain(codeOf(mail));

    // what a mail scanner does: GET the link (on the gateway too): nothing is consumed
    await fetch(`${sys.baseUrl}${new URL(link).pathname}${new URL(link).search}`);
    const ok = await sys.post('/v1/auth/email/verify', { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ email_verified: true });
    const again = await sys.post('/v1/auth/email/verify', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('LINK_INVALID');
    expect((await sys.get('/v1/auth/me', { token: u.token })).body.email_verified).toBe(true);
    expect((await sys.post('/v1/api-keys', { name: 'now' }, { token: u.token })).status).toBe(201);
    const audit = await sys.get('/v1/audit-events?action=email.verified', { token: u.token });
    expect(audit.body.data[0]).toMatchObject({ action: 'email.verified', metadata: { method: 'link' } });
  });

  it('verifies by code only with the owner\'s credentials; five wrong codes kill it; a resend brings a new one', async () => {
    const u = await register();
    const first = await mailTo(u.email, /Confirm your email/);
    const code = codeOf(first);
    expect((await sys.post('/v1/auth/email/verify', { code })).status).toBe(401);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await sys.post('/v1/auth/email/verify', { code: wrong }, { token: u.token });
      expect(r.body.error.code).toBe('LINK_INVALID');
    }
    // the right code after five wrong ones: dead, and so is the link
    expect((await sys.post('/v1/auth/email/verify', { code }, { token: u.token })).body.error.code).toBe('LINK_INVALID');
    expect((await sys.post('/v1/auth/email/verify', { token: linkOf(first).token })).body.error.code).toBe('LINK_INVALID');
    // a submission is refused while unverified (checked before anything else of the job)
    const job = await sys.post('/v1/jobs/trim', { input: { url: 'https://example.com/a.mp4' }, start: 0, end: 1 }, { token: u.token });
    expect(job.status).toBe(403);
    expect(job.body.error.code).toBe('EMAIL_NOT_VERIFIED');

    const before = smtp.messages.length;
    const resend = await sys.post('/v1/auth/email/resend', { email: u.email });
    expect(resend.status).toBe(202);
    expect(resend.body).toEqual({ accepted: true });
    const second = await mailTo(u.email, /Confirm your email/, before);
    const ok = await sys.post('/v1/auth/email/verify', { code: codeOf(second) }, { token: u.token });
    expect(ok.status).toBe(200);
    // a second resend within the minute is accepted and sends nothing
    expect((await sys.post('/v1/auth/email/resend', { email: u.email })).status).toBe(202);
  });

  it('forgot/reset: one body for known and unknown emails; the link works once, signs out every session, mails a notice', async () => {
    const u = await register();
    const unknown = uniqueEmail('nobody');
    const known = await sys.post('/v1/auth/password/forgot', { email: u.email });
    const ghost = await sys.post('/v1/auth/password/forgot', { email: unknown });
    expect(known.status).toBe(202);
    expect(ghost.status).toBe(202);
    expect(known.text).toBe(ghost.text);
    expect(known.body).toEqual({ accepted: true });

    const mail = await mailTo(u.email, /Reset your/);
    expect(mail.text).toContain('30 minutes');
    const { link, token } = linkOf(mail);
    expect(link.startsWith(`${PUBLIC_URL}/account/reset-password?token=`)).toBe(true);
    // a weak password is refused without spending the link
    const weak = await sys.post('/v1/auth/password/reset', { token, new_password: 'password' });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    const fresh = strongPassword();
    const reset = await sys.post('/v1/auth/password/reset', { token, new_password: fresh });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ ok: true, revoked_sessions: 1 });
    expect((await sys.post('/v1/auth/password/reset', { token, new_password: strongPassword() })).body.error.code).toBe('LINK_INVALID');
    expect((await sys.post('/v1/auth/refresh', { refresh_token: u.refresh })).status).toBe(401);
    expect((await sys.post('/v1/auth/login', { email: u.email, password: u.password })).status).toBe(401);
    expect((await sys.post('/v1/auth/login', { email: u.email, password: fresh })).status).toBe(200);
    await mailTo(u.email, /password was changed/);
    // the unknown address got nothing
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.some((m) => m.to === unknown)).toBe(false);
  });

  it('magic link: 202 for anyone; code or link (POST) signs in; concurrent uses of one link: exactly one wins', async () => {
    const u = await register();
    await mailTo(u.email, /Confirm your email/);
    let before = smtp.messages.length;
    expect((await sys.post('/v1/auth/magic-link', { email: u.email })).body).toEqual({ accepted: true });
    const mail = await mailTo(u.email, /sign-in link/, before);
    expect(mail.text).toContain('15 minutes');
    expect(linkOf(mail).link.startsWith(`${PUBLIC_URL}/account/magic-link?token=`)).toBe(true);
    const byCode = await sys.post('/v1/auth/magic-link/verify', { email: u.email.toUpperCase(), code: codeOf(mail) });
    expect(byCode.status).toBe(200);
    expect(byCode.body).toMatchObject({ token_type: 'Bearer', created: false, refresh_token: expect.stringMatching(/^rt_/) });
    // the sign-in proved the address
    expect((await sys.get('/v1/auth/me', { token: byCode.body.access_token })).body.email_verified).toBe(true);
    expect((await sys.post('/v1/auth/magic-link/verify', { token: linkOf(mail).token })).body.error.code).toBe('LINK_INVALID');

    before = smtp.messages.length;
    await sys.post('/v1/auth/magic-link', { email: u.email });
    const { token } = linkOf(await mailTo(u.email, /sign-in link/, before));
    const race = await Promise.all([1, 2, 3].map(() => sys.post('/v1/auth/magic-link/verify', { token })));
    expect(race.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    const audit = await sys.get('/v1/audit-events?action=login.magic_link', { token: byCode.body.access_token });
    expect(audit.body.data).toHaveLength(2);
  });

  it('magic link for a new address (PASSWORDLESS_SIGNUP) makes a verified, passwordless account that can delete itself', async () => {
    const email = uniqueEmail('pwless');
    await sys.post('/v1/auth/magic-link', { email });
    const mail = await mailTo(email, /sign-in link/);
    const res = await sys.post('/v1/auth/magic-link/verify', { token: linkOf(mail).token });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(true);
    const me = await sys.get('/v1/auth/me', { token: res.body.access_token });
    expect(me.body).toMatchObject({ email, email_verified: true, has_password: false });
    expect((await sys.post('/v1/auth/login', { email, password: 'anything-at-all-1' })).status).toBe(401);
    // no password: a fresh magic-link session is what deletion accepts
    const del = await sys.request('DELETE', '/v1/auth/me', { token: res.body.access_token, body: {} });
    expect(del.status).toBe(200);
    await mailTo(email, /account was deleted/);
  });

  it('email change: the new address confirms, the old one is told; nothing changes before', async () => {
    const u = await register();
    const next = uniqueEmail('moved');
    expect((await sys.post('/v1/auth/email/change', { new_email: next, password: 'Wrong-pass-123' }, { token: u.token })).body.error.code).toBe(
      'WRONG_PASSWORD',
    );
    const req = await sys.post('/v1/auth/email/change', { new_email: next, password: u.password }, { token: u.token });
    expect(req.status).toBe(202);
    const confirm = await mailTo(next, /Confirm your new email/);
    await mailTo(u.email, /change of your .* email was requested/);
    expect((await sys.get('/v1/auth/me', { token: u.token })).body.email).toBe(u.email);
    const { link, token } = linkOf(confirm);
    expect(link.startsWith(`${PUBLIC_URL}/account/confirm-email?token=`)).toBe(true);
    const ok = await sys.post('/v1/auth/email/change/confirm', { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ email: next, email_verified: true });
    expect((await sys.get('/v1/auth/me', { token: u.token })).body).toMatchObject({ email: next, email_verified: true });
    await mailTo(u.email, /email was changed/);
    expect((await sys.post('/v1/auth/login', { email: next, password: u.password })).status).toBe(200);
    expect((await sys.post('/v1/auth/login', { email: u.email, password: u.password })).status).toBe(401);
    // asking for an address another account has: the same 202, and no email to it
    const other = await register();
    const before = smtp.messages.length;
    const taken = await sys.post('/v1/auth/email/change', { new_email: other.email, password: u.password }, { token: u.token });
    expect(taken.status).toBe(202);
    expect(taken.text).toBe(req.text);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.slice(before).some((m) => m.to === other.email && /new email/.test(m.subject))).toBe(false);
  });

  it('account deletion: keys and sessions die at once, each app deletes what it owns, the email can register again', async () => {
    const u = await register();
    const verify = await mailTo(u.email, /Confirm your email/);
    await sys.post('/v1/auth/email/verify', { token: linkOf(verify).token });
    const key = await sys.post('/v1/api-keys', { name: 'doomed' }, { token: u.token });
    expect(key.status).toBe(201);
    const up = await upload(sys, key.body.key, video, { contentType: 'video/mp4' });
    expect(up.status).toBe(201);
    const [{ storage_key }] = await gatewayDb().query('SELECT storage_key FROM uploads WHERE id = $1', [up.body.id]);
    const storage = sys.apps.gateway!.get(Storage);
    expect(await storage.stat(storage_key)).not.toBeNull();
    const hook = await sys.post('/v1/webhooks', { url: 'https://hooks.example.com/x', events: ['job.completed'] }, { apiKey: key.body.key });

    expect((await sys.request('DELETE', '/v1/auth/me', { token: u.token, body: { password: 'Wrong-pass-123' } })).body.error.code).toBe('WRONG_PASSWORD');
    expect((await sys.request('DELETE', '/v1/auth/me', { token: u.token, body: {} })).body.error.code).toBe('REAUTH_REQUIRED');
    const del = await sys.request('DELETE', '/v1/auth/me', { token: u.token, body: { password: u.password } });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ deleted: true });
    expect((await sys.get('/v1/auth/me', { apiKey: key.body.key })).status).toBe(401);
    expect((await sys.get('/v1/auth/me', { token: u.token })).status).toBe(401);
    await mailTo(u.email, /account was deleted/);

    await eventually(async () => (await gatewayDb().query('SELECT 1 FROM uploads WHERE user_id = $1', [u.userId])).length === 0);
    await eventually(async () => (await storage.stat(storage_key)) === null);
    if (hook.status === 201) {
      await eventually(async () => (await gatewayDb().query('SELECT 1 FROM webhook_endpoints WHERE user_id = $1', [u.userId])).length === 0);
    }
    const billing = sys.apps.billing!.get(DataSource);
    await eventually(async () => (await billing.query('SELECT 1 FROM subscriptions WHERE user_id = $1', [u.userId])).length === 0);
    expect(await authDb().query('SELECT 1 FROM users WHERE id = $1', [u.userId])).toHaveLength(0);
    expect(await authDb().query('SELECT 1 FROM api_keys WHERE user_id = $1', [u.userId])).toHaveLength(0);
    const [audit] = await authDb().query(`SELECT metadata FROM audit_events WHERE action = 'account.deleted' AND metadata->>'deleted_user_id' = $1`, [u.userId]);
    expect(audit.metadata).toMatchObject({ method: 'password', revoked_api_keys: 1 });
    // the address is free again
    expect((await sys.post('/v1/auth/register', { email: u.email, password: strongPassword() })).status).toBe(201);
  });

  it('outbox: an SMTP outage delays an email, it is retried with backoff and sent once; failures show as metric and row status', async () => {
    const u = await register();
    await mailTo(u.email, /Confirm your email/);
    smtp.failNext(2);
    const refusedBefore = smtp.refused();
    const before = smtp.messages.length;
    await sys.post('/v1/auth/password/forgot', { email: u.email });
    const mail = await mailTo(u.email, /Reset your/, before);
    expect(smtp.refused() - refusedBefore).toBe(2);
    // the row is marked once the server has accepted the message: wait for that commit
    const rows = await eventually(async () => {
      const r = await authDb().query(`SELECT status, attempts, sealed, last_error FROM outbox_messages WHERE user_id = $1 AND topic = 'reset_password'`, [u.userId]);
      return r[0]?.status === 'sent' ? r : undefined;
    });
    expect(rows).toEqual([{ status: 'sent', attempts: 3, sealed: null, last_error: null }]);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.filter((m) => m.messageId === mail.messageId)).toHaveLength(1);
    const metrics = await metricsOfAuth();
    expect(metrics).toMatch(/auth_outbox_failures_total\{[^}]*topic="reset_password"[^}]*final="false"[^}]*\} [2-9]/);
    expect(metrics).toMatch(/auth_outbox_delivered_total\{[^}]*kind="email"/);
  });

  it('per-address limit: past EMAIL_FLOW_PER_EMAIL_PER_HOUR the answer stays 202 and nothing more is sent', async () => {
    const email = uniqueEmail('flood');
    const before = smtp.messages.length;
    for (let i = 0; i < 10; i++) expect((await sys.post('/v1/auth/magic-link', { email })).status).toBe(202);
    await eventually(async () => smtp.messages.slice(before).filter((m) => m.to === email).length >= 8);
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages.slice(before).filter((m) => m.to === email)).toHaveLength(8);
  });

  it('no mailed token or code is in any log line or Redis key', async () => {
    // Every token and code that was mailed. A code is looked for as a JSON string ("042917"):
    // six digits in a row also occur inside timestamps and durations.
    const needles = new Set<string>();
    for (const m of smtp.messages) {
      for (const line of m.text.split('\n')) {
        const t = /token=([^&\s]+)/.exec(line)?.[1];
        if (t) needles.add(decodeURIComponent(t));
        if (/^\d{6}$/.test(line.trim())) needles.add(`"${line.trim()}"`);
      }
    }
    expect(needles.size).toBeGreaterThan(20);
    const logs = sys.logs.join('\n');
    expect(logs.length).toBeGreaterThan(1000);
    expect([...needles].filter((s) => logs.includes(s))).toEqual([]);
    const { scanned, hits } = await redisKeysContainingAny(sys.env.REDIS_URL ?? 'redis://127.0.0.1:6379', sys.env.REDIS_PREFIX!, [...needles]);
    expect(scanned).toBeGreaterThan(0);
    expect(hits).toEqual([]);
  }, 180_000);
});
