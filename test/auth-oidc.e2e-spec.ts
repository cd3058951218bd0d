/**
 * Social / OpenID Connect sign-in against a real OpenID Connect provider (`oidc-provider`) on
 * 127.0.0.1: the whole dance (authorize → provider → callback → one-time code → token pair),
 * account creation and linking rules, and the refusals (wrong state, replays, PKCE, redirect_uri).
 */
import { createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { DataSource } from 'typeorm';
import { eventually, startSystem, uniqueEmail, type HttpResponse, type System } from './harness';
import { freePort } from './helpers/own-services';
import { startOidcProvider, type LocalOidcProvider, type OidcAccount } from './helpers/oidc';
import { startGithub, type GithubStandIn } from './fakes/github-server';
import { signUp } from './helpers/users';

const PUBLIC = 'http://clipyard.test';
const APP = 'http://app.test/signed-in';
const CALLBACK_PATH = '/v1/auth/oauth/test/callback';
const sub = () => `user-${randomBytes(6).toString('hex')}`;
const verifier = () => randomBytes(32).toString('base64url');
const challengeOf = (v: string) => createHash('sha256').update(v).digest('base64url');

describe('sign-in with an OpenID Connect provider (e2e, real local provider)', () => {
  let sys: System;
  let op: LocalOidcProvider;
  let github: GithubStandIn;

  beforeAll(async () => {
    const port = await freePort();
    const clientId = 'clipyard-test';
    const clientSecret = randomBytes(24).toString('hex');
    op = await startOidcProvider({ port, clientId, clientSecret, redirectUris: [`${PUBLIC}${CALLBACK_PATH}`] });
    github = await startGithub({ clientId: 'gh-client', clientSecret: 'gh-secret' });
    sys = await startSystem({
      apps: ['auth', 'billing', 'gateway'],
      env: {
        PUBLIC_BASE_URL: PUBLIC, // the callback URL registered with the provider; the test plays the browser
        OAUTH_PROVIDERS: 'test,github',
        OAUTH_GITHUB_CLIENT_ID: 'gh-client',
        OAUTH_GITHUB_CLIENT_SECRET: 'gh-secret',
        OAUTH_GITHUB_URL: github.url, // as a GitHub Enterprise Server would be configured
        OAUTH_TEST_CLIENT_ID: clientId,
        OAUTH_TEST_CLIENT_SECRET: clientSecret,
        OAUTH_TEST_ISSUER: op.issuer,
        OAUTH_REDIRECT_ALLOWLIST: APP,
      },
    });
  }, 120_000);
  afterAll(async () => {
    // Bounded: stopping hung past 120 s once in a clean run (all tests had passed). Until that is
    // found, a part that does not stop within 30 s is named here instead of failing the suite.
    const bounded = async (what: string, p: Promise<unknown> | undefined) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), 30_000)));
      if ((await Promise.race([p, late])) === 'late') console.warn(`auth-oidc teardown: ${what} did not stop within 30 s`);
      clearTimeout(timer);
    };
    await bounded('the system (gateway, billing, auth)', sys?.stop());
    await bounded('the OIDC provider', op?.stop());
    await bounded('the GitHub stand-in', github?.close());
  }, 120_000);

  /** The provider part of the dance, up to the URL the provider sends the browser back to. */
  async function toProvider(account: OidcAccount, opts: { challenge?: string; state?: string; linkWith?: string; onError?: boolean } = {}): Promise<URL> {
    await op.nextLogin(account);
    let providerUrl: string;
    if (opts.linkWith) {
      const r = await sys.post('/v1/auth/identities/test/link', { redirect_uri: APP }, { token: opts.linkWith });
      expect(r.status).toBe(200);
      providerUrl = r.body.authorization_url;
    } else {
      const q = new URLSearchParams({ redirect_uri: APP });
      if (opts.challenge) q.set('code_challenge', opts.challenge), q.set('code_challenge_method', 'S256');
      if (opts.state) q.set('state', opts.state);
      if (opts.onError) q.set('on_error', 'redirect');
      const r = await sys.get(`/v1/auth/oauth/test/authorize?${q}`);
      expect(r.status).toBe(302);
      providerUrl = r.headers.get('location')!;
    }
    const auth = new URL(providerUrl);
    expect(auth.origin).toBe(new URL(op.issuer).origin);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(auth.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    const back = await op.browse(providerUrl);
    expect(`${back.origin}${back.pathname}`).toBe(`${PUBLIC}${CALLBACK_PATH}`);
    return back;
  }
  const callback = (back: URL) => sys.get(`${back.pathname}${back.search}`);
  async function signIn(account: OidcAccount, opts: { challenge?: string; state?: string } = {}): Promise<HttpResponse> {
    return callback(await toProvider(account, opts));
  }
  function codeOf(r: HttpResponse): string {
    expect(r.status).toBe(302);
    const to = new URL(r.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(APP);
    expect([...to.searchParams.keys()].filter((k) => /token/i.test(k))).toEqual([]); // tokens never in a URL
    return to.searchParams.get('code')!;
  }
  const exchange = (code: string, codeVerifier?: string) =>
    sys.post('/v1/auth/token', undefined, { form: { grant_type: 'authorization_code', code, ...(codeVerifier ? { code_verifier: codeVerifier } : {}) } });
  const me = (token: string) => sys.get('/v1/auth/me', { token });

  it('the first sign-in creates the account (email verified by the provider); the second finds it', async () => {
    const account = { sub: sub(), email: uniqueEmail('oidc'), email_verified: true, name: 'Ada Lovelace' };
    const first = await exchange(codeOf(await signIn(account)));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) });
    const profile = (await me(first.body.access_token)).body;
    expect(profile).toMatchObject({ email: account.email, email_verified: true, has_password: false, full_name: 'Ada Lovelace' });

    const second = await exchange(codeOf(await signIn(account)));
    expect(second.status).toBe(200);
    expect((await me(second.body.access_token)).body.id).toBe(profile.id);

    const ids = await sys.get('/v1/auth/identities', { token: second.body.access_token });
    expect(ids.body.data).toEqual([expect.objectContaining({ provider: 'test', email: account.email, email_verified: true })]);
    // Its only way to sign in: unlinking it is refused.
    const del = await sys.request('DELETE', `/v1/auth/identities/${ids.body.data[0].id}`, { token: second.body.access_token });
    expect({ status: del.status, code: del.body.error?.code }).toEqual({ status: 409, code: 'LAST_SIGN_IN_METHOD' });
  });

  it('a new account from an unverified provider email starts unverified', async () => {
    const r = await exchange(codeOf(await signIn({ sub: sub(), email: uniqueEmail('unverified'), email_verified: false })));
    expect((await me(r.body.access_token)).body).toMatchObject({ email_verified: false });
  });

  it('an identity joins a local account only when both emails are verified (no pre-account takeover)', async () => {
    const local = await signUp(sys); // email not verified yet
    const refused = await signIn({ sub: sub(), email: local.email, email_verified: true });
    expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 409, code: 'ACCOUNT_EXISTS' });

    await sys.apps.auth!.get(DataSource).query('UPDATE users SET email_verified_at = now() WHERE id = $1', [local.userId]);
    const attacker = await signIn({ sub: sub(), email: local.email, email_verified: false });
    expect({ status: attacker.status, code: attacker.body.error?.code }).toEqual({ status: 409, code: 'ACCOUNT_EXISTS' });

    const owner = await exchange(codeOf(await signIn({ sub: sub(), email: local.email, email_verified: true })));
    expect(owner.status).toBe(200);
    expect((await me(owner.body.access_token)).body.id).toBe(local.userId);
  });

  it('links a provider from a signed-in account, lists it, and unlinks it (the account has a password)', async () => {
    const u = await signUp(sys);
    const account = { sub: sub(), email: uniqueEmail('elsewhere'), email_verified: false };
    const done = await callback(await toProvider(account, { linkWith: u.accessToken }));
    expect(done.status).toBe(302);
    const to = new URL(done.headers.get('location')!);
    expect(to.searchParams.get('linked')).toBe('test');
    expect(to.searchParams.get('code')).toBeNull();
    const list = await sys.get('/v1/auth/identities', { token: u.accessToken });
    expect(list.body.data).toEqual([expect.objectContaining({ provider: 'test', email: account.email })]);
    // Signing in with it now reaches that account, whatever the email says.
    const viaProvider = await exchange(codeOf(await signIn(account)));
    expect((await me(viaProvider.body.access_token)).body.id).toBe(u.userId);
    // Someone else cannot link the same provider account.
    const other = await signUp(sys);
    const taken = await callback(await toProvider(account, { linkWith: other.accessToken }));
    expect({ status: taken.status, code: taken.body.error?.code }).toEqual({ status: 409, code: 'IDENTITY_TAKEN' });

    const del = await sys.request('DELETE', `/v1/auth/identities/${list.body.data[0].id}`, { token: u.accessToken });
    expect(del.status).toBe(204);
    expect((await sys.get('/v1/auth/identities', { token: u.accessToken })).body.data).toEqual([]);
  });

  it('linking a provider while signed in anonymously upgrades the account in place (same id, free plan); another account\'s email is refused', async () => {
    const trial = await sys.post('/v1/auth/anonymous', {});
    expect(trial.status).toBe(201);
    const token = trial.body.access_token as string;
    const before = (await me(token)).body;
    expect(before).toMatchObject({ is_anonymous: true, email: null });

    // an email that already has an account: 409, and the trial account stays as it was
    const taken = await signUp(sys);
    const refused = await callback(await toProvider({ sub: sub(), email: taken.email, email_verified: true }, { linkWith: token }));
    expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 409, code: 'ACCOUNT_EXISTS' });
    expect((await me(token)).body).toMatchObject({ id: before.id, is_anonymous: true, email: null });

    const account = { sub: sub(), email: uniqueEmail('trial-oidc'), email_verified: true };
    const done = await callback(await toProvider(account, { linkWith: token }));
    expect(done.status).toBe(302);
    expect((await me(token)).body).toMatchObject({ id: before.id, is_anonymous: false, email: account.email, email_verified: true });
    // billing moves the user off the trial plan (account.upgraded through the outbox)
    await eventually(async () => (await sys.get('/v1/subscription', { token })).body?.plan === 'free', 20_000, 200);
    // and the provider now signs in to the same account
    const again = await exchange(codeOf(await signIn(account)));
    expect((await me(again.body.access_token)).body.id).toBe(before.id);
  });

  it('refuses a wrong state, a replayed callback, a replayed code, a missing PKCE verifier and a foreign redirect_uri', async () => {
    const account = { sub: sub(), email: uniqueEmail('refusals'), email_verified: true };

    const back = await toProvider(account, { state: 'client-csrf' });
    const forged = new URL(back);
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    const wrong = await callback(forged);
    expect({ status: wrong.status, code: wrong.body.error?.code }).toEqual({ status: 400, code: 'OAUTH_STATE_INVALID' });
    const ok = await callback(back);
    expect(new URL(ok.headers.get('location')!).searchParams.get('state')).toBe('client-csrf');
    const replayedCallback = await callback(back);
    expect({ status: replayedCallback.status, code: replayedCallback.body.error?.code }).toEqual({ status: 400, code: 'OAUTH_STATE_INVALID' });

    const code = codeOf(ok);
    expect((await exchange(code)).status).toBe(200);
    const replayed = await exchange(code);
    expect({ status: replayed.status, code: replayed.body.error?.code }).toEqual({ status: 400, code: 'OAUTH_CODE_INVALID' });

    const v = verifier();
    const pkceCode = codeOf(await signIn(account, { challenge: challengeOf(v) }));
    const noVerifier = await exchange(pkceCode);
    expect({ status: noVerifier.status, code: noVerifier.body.error?.code }).toEqual({ status: 400, code: 'OAUTH_CODE_INVALID' });
    expect((await exchange(pkceCode, v)).status).toBe(400); // spent by the failed try
    const wrongVerifier = await exchange(codeOf(await signIn(account, { challenge: challengeOf(v) })), verifier());
    expect(wrongVerifier.body.error?.code).toBe('OAUTH_CODE_INVALID');
    expect((await exchange(codeOf(await signIn(account, { challenge: challengeOf(v) })), v)).status).toBe(200);

    for (const foreign of ['https://evil.example/signed-in', 'http://app.test.evil.example/signed-in', 'http://app.test/elsewhere', 'http://app.test:8080/signed-in']) {
      const r = await sys.get(`/v1/auth/oauth/test/authorize?redirect_uri=${encodeURIComponent(foreign)}`);
      expect({ foreign, status: r.status, code: r.body.error?.code }).toEqual({ foreign, status: 400, code: 'REDIRECT_URI_NOT_ALLOWED' });
    }
    const unknown = await sys.get(`/v1/auth/oauth/nope/authorize?redirect_uri=${encodeURIComponent(APP)}`);
    expect({ status: unknown.status, code: unknown.body.error?.code }).toEqual({ status: 404, code: 'UNKNOWN_OAUTH_PROVIDER' });
  });

  it('lists the configured providers; browsers: set_cookie on the code exchange, on_error=redirect, and the second factor when it is on', async () => {
    expect((await sys.get('/v1/auth/oauth/providers')).body).toEqual({ data: [{ id: 'test', name: 'Test' }, { id: 'github', name: 'GitHub' }] });

    const local = await signUp(sys); // email not verified: a provider with the same address is refused
    const refused = await callback(await toProvider({ sub: sub(), email: local.email, email_verified: true }, { onError: true, state: 'page-state' }));
    expect(refused.status).toBe(302);
    const back = new URL(refused.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(APP);
    expect(Object.fromEntries(back.searchParams)).toEqual({ state: 'page-state', error: 'ACCOUNT_EXISTS', error_description: expect.stringMatching(/already exists/) });

    const account = { sub: sub(), email: uniqueEmail('oidc-mfa'), email_verified: true };
    const v = verifier();
    const cookie = await sys.post('/v1/auth/token', { grant_type: 'authorization_code', code: codeOf(await signIn(account, { challenge: challengeOf(v) })), code_verifier: v, set_cookie: true });
    expect(cookie.status).toBe(200);
    expect(cookie.body.refresh_token).toBeUndefined();
    expect(cookie.body.csrf_token).toEqual(expect.any(String));
    expect(cookie.headers.get('set-cookie')).toMatch(/cy_refresh=[^;]+;.*HttpOnly/i);

    const start = await sys.post('/v1/auth/mfa/totp', {}, { token: cookie.body.access_token });
    const step0 = Math.floor(Date.now() / 30_000);
    const codeAt = (step: number) => authenticator.clone({ epoch: step * 30_000 }).generate(start.body.secret);
    expect((await sys.post('/v1/auth/mfa/totp/verify', { code: codeAt(step0) }, { token: cookie.body.access_token })).status).toBe(200);
    expect((await sys.get('/v1/auth/mfa', { token: cookie.body.access_token })).body).toEqual({ totp: { enabled: true, enabled_at: expect.any(String), recovery_codes_remaining: 10 } });
    const pending = await exchange(codeOf(await signIn(account)));
    expect(pending.body).toEqual({ mfa_required: true, mfa_token: expect.any(String), expires_in: 300 });
    const done = await sys.post('/v1/auth/mfa/challenge', { mfa_token: pending.body.mfa_token, code: codeAt(Math.max(Math.floor(Date.now() / 30_000), step0 + 1)) });
    expect(done.status).toBe(200);
    expect((await me(done.body.access_token)).body.email).toBe(account.email);
  });

  it('GitHub (OAuth 2, profile and verified primary email from its API): signs up, then signs in the same account', async () => {
    const email = uniqueEmail('gh');
    const user = { id: Math.floor(Math.random() * 1e9), login: 'octo', name: 'Octo Cat', emails: [{ email: uniqueEmail('gh-secondary'), primary: false, verified: true }, { email, primary: true, verified: true }] };
    const run = async () => {
      github.nextLogin(user);
      const start = await sys.get(`/v1/auth/oauth/github/authorize?redirect_uri=${encodeURIComponent(APP)}`);
      expect(start.status).toBe(302);
      const atGithub = new URL(start.headers.get('location')!);
      expect(atGithub.searchParams.get('scope')).toBe('read:user user:email');
      expect(atGithub.searchParams.get('nonce')).toBeNull(); // not OpenID Connect
      const back = new URL((await fetch(atGithub, { redirect: 'manual' })).headers.get('location')!);
      expect(back.pathname).toBe('/v1/auth/oauth/github/callback');
      return exchange(codeOf(await callback(back)));
    };
    const first = await run();
    expect(first.status).toBe(200);
    const profile = (await me(first.body.access_token)).body;
    expect(profile).toMatchObject({ email, email_verified: true, full_name: 'Octo Cat' });
    expect((await me((await run()).body.access_token)).body.id).toBe(profile.id);
  });
});
