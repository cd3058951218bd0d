import { publicApi } from './public-client';
import { ApiError, unwrap } from './errors';

/**
 * The browser session. The access token lives in this module's memory only (never storage); the
 * refresh token is an HttpOnly cookie the page cannot read, sent by the browser to the refresh
 * route alone. Refreshing echoes the readable `cy_csrf` cookie in `X-CSRF-Token`.
 */
export type SessionState = { status: 'loading' } | { status: 'signed-out'; reason?: string } | { status: 'signed-in' };

let state: SessionState = { status: 'loading' };
let access: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

const set = (s: SessionState) => {
  state = s;
  listeners.forEach((l) => l());
};

export const session = {
  get: () => state,
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  accessToken: () => access,
};

function csrfCookie(): string | null {
  const m = /(?:^|;\s*)cy_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : null;
}

type Answer = { access_token: string; expires_in: number } | { mfa_required: true; mfa_token: string };
/** What a first sign-in step resolves with: nothing (signed in), or the token the two-factor step needs. */
export type SignInResult = { mfaToken: string } | undefined;

/** Takes a sign-in answer: the session, or (two-factor on) the token for the second step. */
function settle(answer: Answer): SignInResult {
  if ('mfa_required' in answer) return { mfaToken: answer.mfa_token };
  adopt(answer);
  return undefined;
}

function adopt(tok: { access_token: string; expires_in: number }) {
  access = tok.access_token;
  clearTimeout(timer);
  // Refresh ahead of expiry so a page left open keeps working; a 401 on the way refreshes too.
  timer = setTimeout(() => void refresh(), Math.max(5, tok.expires_in * 0.8) * 1000);
  set({ status: 'signed-in' });
}

function drop(reason?: string) {
  access = null;
  clearTimeout(timer);
  set({ status: 'signed-out', reason });
}

/** Signs in with a password; with two-factor on, resolves with the token the second step needs. */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  return settle((await unwrap(publicApi.POST('/v1/auth/login', { body: { email, password, set_cookie: true } }))) as Answer);
}

/**
 * Finishes a social sign-in: the one-time code the callback put on our page (60 s, single use)
 * and our PKCE verifier → a cookie session, or (two-factor on) the token for the second step.
 */
export async function signInWithCode(p: { code: string; codeVerifier?: string; redirectUri: string }): Promise<SignInResult> {
  const body = { grant_type: 'authorization_code' as const, code: p.code, redirect_uri: p.redirectUri, set_cookie: true, ...(p.codeVerifier ? { code_verifier: p.codeVerifier } : {}) };
  return settle((await unwrap(publicApi.POST('/v1/auth/token', { body }))) as Answer);
}

/** The second step of a two-factor sign-in: a code from the authenticator app, or a recovery code. */
export async function finishTwoFactor(mfaToken: string, code: string): Promise<void> {
  const proof = /^\d{6}$/.test(code) ? { code } : { recovery_code: code };
  adopt(await unwrap(publicApi.POST('/v1/auth/mfa/challenge', { body: { mfa_token: mfaToken, ...proof, set_cookie: true } })));
}

/** Signs in with an emailed link's token, or the address and its 6-digit code (a cookie session too). */
export async function signInByEmail(proof: { token: string } | { email: string; code: string }): Promise<SignInResult> {
  return settle((await unwrap(publicApi.POST('/v1/auth/magic-link/verify', { body: { ...proof, set_cookie: true } }))) as Answer);
}

/** Starts an anonymous trial: a new user without email or password, signed in at once. */
export async function startTrial(): Promise<void> {
  adopt(await unwrap(publicApi.POST('/v1/auth/anonymous', { body: { set_cookie: true } })));
}

/** Forgets the session here without asking the server (it already ended them, e.g. a password reset). */
export function forget(reason?: string): void {
  if (state.status === 'signed-in') drop(reason);
}

/** One refresh at a time; resolves false (and signs out) when the session is gone. */
export function refresh(): Promise<boolean> {
  // Cleared from the promise, not inside it: a refresh that ends before its first await would
  // otherwise clear the slot before it is assigned and leave a settled promise there for good.
  inflight ??= doRefresh().finally(() => {
    inflight = null;
  });
  return inflight;
}

async function doRefresh(): Promise<boolean> {
  const csrf = csrfCookie();
  if (!csrf) {
    drop();
    return false;
  }
  try {
    adopt(await unwrap(publicApi.POST('/v1/auth/refresh', { body: {}, headers: { 'X-CSRF-Token': csrf } })));
    return true;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      drop('Your session ended; please sign in again.');
      return false;
    }
    // An outage: keep the cookie and let the caller show the error.
    if (state.status === 'loading') drop();
    throw e;
  }
}

/** Signs out: the server ends the session and clears both cookies; memory forgets the token. */
export async function signOut(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } finally {
    drop();
  }
}

/** Called once at start: a page reload resumes the session from its cookie. */
export async function resume(): Promise<void> {
  try {
    await refresh();
  } catch {
    drop();
  }
}
