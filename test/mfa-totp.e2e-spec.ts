/**
 * Two-factor sign-in (TOTP), end to end: the four apps and the SMTP stand-in; the test plays the
 * authenticator app with otplib. Setup (secret, otpauth:// URI, first code, recovery codes, the
 * secret sealed at rest), password and magic-link sign-in answering `mfa_required`, the challenge
 * (a code works once: no replay in its window, nor an older one), recovery codes spent once, five
 * wrong codes locking the account like wrong passwords, and turning it off by code or password.
 */
import { DataSource } from 'typeorm';
import { authenticator } from 'otplib';
import { startSystem, type System } from './harness';
import { linkOf, startSmtp, type SmtpStandIn } from './helpers/smtp';
import { signUp, strongPassword, type TestUser } from './helpers/users';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stepNow = () => Math.floor(Date.now() / 30_000);

/** The authenticator app: codes of the current (or next, within the accepted drift) 30 s step, never one already used. */
class Authenticator {
  private lastStep = 0;
  constructor(readonly secret: string) {}
  /** A code of a step not yet used (waits for the clock when both acceptable steps are spent). */
  async next(): Promise<string> {
    let step = Math.max(stepNow(), this.lastStep + 1);
    while (step > stepNow() + 1) {
      await sleep(1000);
      step = Math.max(stepNow(), this.lastStep + 1);
    }
    this.lastStep = step;
    return this.at(step);
  }
  /** The code of the step last handed out (what a replay sends). */
  last(): Promise<string> {
    return this.at(this.lastStep);
  }
  async at(step: number): Promise<string> {
    return authenticator.clone({ epoch: step * 30_000 }).generate(this.secret);
  }
}

describe('two-factor sign-in with TOTP (e2e)', () => {
  let sys: System;
  let smtp: SmtpStandIn;
  const authDb = () => sys.apps.auth!.get(DataSource);
  const login = (u: { email: string; password: string }) => sys.post('/v1/auth/login', { email: u.email, password: u.password });

  /** A user with TOTP on: its authenticator and recovery codes. */
  const enrolled = async (): Promise<{ user: TestUser; app: Authenticator; recovery: string[] }> => {
    const user = await signUp(sys);
    const start = await sys.post('/v1/auth/mfa/totp', {}, { token: user.accessToken });
    expect(start.status).toBe(200);
    const app = new Authenticator(start.body.secret);
    const on = await sys.post('/v1/auth/mfa/totp/verify', { code: await app.next() }, { token: user.accessToken });
    expect(on.status).toBe(200);
    return { user, app, recovery: on.body.recovery_codes };
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    sys = await startSystem({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Clipyard <no-reply@clipyard.test>', PUBLIC_URL: 'http://app.clipyard.test', OUTBOX_BACKOFF_MS: '200' } });
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
    await smtp?.stop();
  });

  it('setup: a secret and otpauth:// URI, nothing on until a first code, 10 recovery codes; the secret is sealed at rest', async () => {
    const user = await signUp(sys);
    // a person's setting: not with an API key
    const byKey = await sys.post('/v1/auth/mfa/totp', {}, { apiKey: user.apiKey });
    expect(byKey.status).toBe(400);
    const start = await sys.post('/v1/auth/mfa/totp', {}, { token: user.accessToken });
    expect(start.status).toBe(200);
    expect(start.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(start.body.otpauth_uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/Clipyard:${user.email}`);
    expect(uri.searchParams.get('secret')).toBe(start.body.secret);
    expect(uri.searchParams.get('issuer')).toBe('Clipyard');

    // not on yet: sign-in still gives tokens
    expect((await login(user)).body.access_token).toEqual(expect.any(String));
    const app = new Authenticator(start.body.secret);
    const code = await app.next();
    const wrong = await sys.post('/v1/auth/mfa/totp/verify', { code: code === '000000' ? '111111' : '000000' }, { token: user.accessToken });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('MFA_CODE_INVALID');
    const on = await sys.post('/v1/auth/mfa/totp/verify', { code }, { token: user.accessToken });
    expect(on.status).toBe(200);
    expect(on.body.enabled).toBe(true);
    expect(on.body.recovery_codes).toHaveLength(10);
    expect(new Set(on.body.recovery_codes).size).toBe(10);
    for (const c of on.body.recovery_codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const again = await sys.post('/v1/auth/mfa/totp', {}, { token: user.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MFA_ALREADY_ENABLED');

    // at rest: the secret sealed (AES-GCM envelope), the recovery codes as HMACs only
    const [factor] = await authDb().query('SELECT secret_sealed, enabled_at FROM mfa_factors WHERE user_id = $1', [user.userId]);
    expect(factor.enabled_at).not.toBeNull();
    expect(factor.secret_sealed).not.toContain(start.body.secret);
    const stored: { code_hash: string }[] = await authDb().query('SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1', [user.userId]);
    expect(stored).toHaveLength(10);
    for (const c of on.body.recovery_codes) expect(stored.some((r) => r.code_hash.includes(c) || r.code_hash.includes(c.replace('-', '')))).toBe(false);
  });

  it('password sign-in answers mfa_required; the challenge gives the pair; a code works once, an older one never', async () => {
    const { user, app } = await enrolled();
    const first = await login(user);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfa_required: true, mfa_token: expect.stringMatching(/^mfa_/), expires_in: 300 });
    // the OAuth2 token endpoint (password grant) asks the same
    const viaToken = await sys.request('POST', '/v1/auth/token', { form: { grant_type: 'password', username: user.email, password: user.password } });
    expect(viaToken.body.mfa_required).toBe(true);

    // the code used at setup is spent: replaying it in its window is refused
    const replay = await sys.post('/v1/auth/mfa/challenge', { mfa_token: first.body.mfa_token, code: await app.last() });
    expect(replay.status).toBe(422);
    expect(replay.body.error.code).toBe('MFA_CODE_INVALID');
    const code = await app.next();
    const ok = await sys.post('/v1/auth/mfa/challenge', { mfa_token: first.body.mfa_token, code });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', refresh_token: expect.stringMatching(/^rt_/) });
    expect((await sys.get('/v1/auth/me', { token: ok.body.access_token })).body.id).toBe(user.userId);
    // the mfa_token is single use
    const reused = await sys.post('/v1/auth/mfa/challenge', { mfa_token: first.body.mfa_token, code: '123456' });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('MFA_TOKEN_INVALID');

    // a new sign-in: the code just accepted, and the one before it, are refused
    const second = await login(user);
    expect((await sys.post('/v1/auth/mfa/challenge', { mfa_token: second.body.mfa_token, code })).body.error.code).toBe('MFA_CODE_INVALID');
    expect((await sys.post('/v1/auth/mfa/challenge', { mfa_token: second.body.mfa_token, code: await app.at(stepNow() - 1) })).body.error.code).toBe('MFA_CODE_INVALID');
    expect((await sys.post('/v1/auth/mfa/challenge', { mfa_token: second.body.mfa_token, code: await app.next() })).status).toBe(200);
    expect((await sys.post('/v1/auth/mfa/challenge', { mfa_token: 'mfa_' + 'x'.repeat(43), code: '123456' })).body.error.code).toBe('MFA_TOKEN_INVALID');
  }, 120_000);

  it('recovery codes: each signs in once (case and dash do not matter); a used one is refused', async () => {
    const { user, recovery } = await enrolled();
    const a = await login(user);
    const ok = await sys.post('/v1/auth/mfa/challenge', { mfa_token: a.body.mfa_token, recovery_code: recovery[0] });
    expect(ok.status).toBe(200);
    const b = await login(user);
    const used = await sys.post('/v1/auth/mfa/challenge', { mfa_token: b.body.mfa_token, recovery_code: recovery[0] });
    expect(used.status).toBe(422);
    expect(used.body.error.code).toBe('MFA_CODE_INVALID');
    const typed = recovery[1].replace('-', ' ').toUpperCase();
    expect((await sys.post('/v1/auth/mfa/challenge', { mfa_token: b.body.mfa_token, recovery_code: typed })).status).toBe(200);
    const [{ n }] = await authDb().query('SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL', [user.userId]);
    expect(n).toBe(8);
    const [audit] = await authDb().query(`SELECT metadata FROM audit_events WHERE user_id = $1 AND action = 'mfa.recovery_code_used' ORDER BY created_at DESC LIMIT 1`, [user.userId]);
    expect(audit.metadata).toEqual({ remaining: 8 });
  });

  it('five wrong codes lock the account like wrong passwords: the right code and the password are refused then', async () => {
    const { user, app } = await enrolled();
    const { body } = await login(user);
    const good = await app.next();
    const bad = good === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await sys.post('/v1/auth/mfa/challenge', { mfa_token: body.mfa_token, code: bad });
      expect(r.body.error.code).toBe('MFA_CODE_INVALID');
    }
    const locked = await sys.post('/v1/auth/mfa/challenge', { mfa_token: body.mfa_token, code: good });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const pw = await login(user);
    expect(pw.status).toBe(429);
    expect(pw.body.error.code).toBe('ACCOUNT_LOCKED');
    const [audit] = await authDb().query(`SELECT 1 FROM audit_events WHERE user_id = $1 AND action = 'login.locked'`, [user.userId]);
    expect(audit).toBeDefined();
  });

  it('the right password does not reset the count of wrong codes', async () => {
    const { user, app } = await enrolled();
    const good = await app.next();
    const bad = good === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) {
      const { body } = await login(user);
      expect((await sys.post('/v1/auth/mfa/challenge', { mfa_token: body.mfa_token, code: bad })).body.error.code).toBe('MFA_CODE_INVALID');
    }
    const { body } = await login(user);
    await sys.post('/v1/auth/mfa/challenge', { mfa_token: body.mfa_token, code: bad });
    expect((await login(user)).body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('a magic-link sign-in asks for the second factor too', async () => {
    const { user, app } = await enrolled();
    expect((await sys.post('/v1/auth/magic-link', { email: user.email })).status).toBe(202);
    const mail = await smtp.waitFor((m) => m.to === user.email && /sign-in link/.test(m.subject));
    const res = await sys.post('/v1/auth/magic-link/verify', { token: linkOf(mail).token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mfa_required: true, mfa_token: expect.stringMatching(/^mfa_/), expires_in: 300 });
    const ok = await sys.post('/v1/auth/mfa/challenge', { mfa_token: res.body.mfa_token, code: await app.next() });
    expect(ok.status).toBe(200);
    const [session] = await authDb().query('SELECT method FROM sessions WHERE id = $1', [ok.body.session_id]);
    expect(session.method).toBe('magic_link');
  });

  it('turning it off needs a current code or the password; then sign-in gives tokens again', async () => {
    const { user, app } = await enrolled();
    const { body } = await login(user);
    const signedIn = await sys.post('/v1/auth/mfa/challenge', { mfa_token: body.mfa_token, code: await app.next() });
    const token = signedIn.body.access_token as string;
    const wrong = await sys.request('DELETE', '/v1/auth/mfa/totp', { token, body: { password: strongPassword() } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    const off = await sys.request('DELETE', '/v1/auth/mfa/totp', { token, body: { password: user.password } });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ disabled: true });
    expect((await login(user)).body.access_token).toEqual(expect.any(String));
    expect(await authDb().query('SELECT 1 FROM mfa_recovery_codes WHERE user_id = $1', [user.userId])).toHaveLength(0);

    // on again with a new authenticator, off with a code
    const start = await sys.post('/v1/auth/mfa/totp', {}, { token });
    const second = new Authenticator(start.body.secret);
    expect((await sys.post('/v1/auth/mfa/totp/verify', { code: await second.next() }, { token })).status).toBe(200);
    expect((await sys.request('DELETE', '/v1/auth/mfa/totp', { token, body: { code: await second.last() } })).body.error.code).toBe('MFA_CODE_INVALID');
    expect((await sys.request('DELETE', '/v1/auth/mfa/totp', { token, body: { code: await second.next() } })).status).toBe(200);
    expect((await sys.request('DELETE', '/v1/auth/mfa/totp', { token, body: { password: user.password } })).body.error.code).toBe('MFA_NOT_ENABLED');
  }, 120_000);
});
