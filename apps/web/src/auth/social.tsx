import { useEffect, useState } from 'react';
import { api, publicApi } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useMutation, useQuery } from '../api/hooks';
import { signInWithCode, type SignInResult } from '../api/session';
import { Link, navigate, useLocation } from '../router';
import { ErrorNote, Loading, Page } from '../ui/bits';
import { TwoFactorStep } from './two-factor-step';

export interface SignInProvider {
  id: string;
  name: string;
}

/** Where the provider's callback sends the browser back to (on the gateway's OAUTH_REDIRECT_ALLOWLIST, by default PUBLIC_URL). */
export const SOCIAL_CALLBACK_PATH = '/signin/callback';
/** Where a "link a provider" dance comes back to (the Account page shows the outcome). */
export const LINK_RETURN_PATH = '/account';
const PENDING = 'cy_oauth_pending';

interface Pending {
  state: string;
  verifier?: string;
  provider: string;
}

export function useSignInProviders() {
  return useQuery<{ data: SignInProvider[] }>('oauth-providers', () => unwrap(publicApi.GET('/v1/auth/oauth/providers', {})));
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = () => b64url(crypto.getRandomValues(new Uint8Array(32)));

/**
 * A fresh `state` (our CSRF check of the return) and PKCE verifier, kept in sessionStorage for the
 * return trip only (they are not credentials: the code they guard is single use and lasts 60 s).
 * Without WebCrypto's digest (a plain-http page that is not localhost) the dance runs without PKCE.
 */
async function pending(provider: string, withPkce: boolean): Promise<{ state: string; challenge?: string }> {
  const p: Pending = { state: random(), provider };
  let challenge: string | undefined;
  if (withPkce && crypto.subtle) {
    p.verifier = random();
    challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(p.verifier))));
  }
  sessionStorage.setItem(PENDING, JSON.stringify(p));
  return { state: p.state, challenge };
}

/** The pending dance whose `state` came back, spent (null if none matches: a stale or forged return). */
function takePending(state: string | null): Pending | null {
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (!raw || !state) return null;
  try {
    const p = JSON.parse(raw) as Pending;
    return p.state === state ? p : null;
  } catch {
    return null;
  }
}

/**
 * The browser goes to the provider through the gateway's authorize route. This is a page
 * navigation (a 302 chain through the provider), which the fetch client cannot do; the path is
 * the one the typed client documents as `/v1/auth/oauth/{provider}/authorize`.
 */
async function startSignIn(provider: string): Promise<void> {
  const { state, challenge } = await pending(provider, true);
  const q = new URLSearchParams({ redirect_uri: location.origin + SOCIAL_CALLBACK_PATH, state, on_error: 'redirect' });
  if (challenge) q.set('code_challenge', challenge), q.set('code_challenge_method', 'S256');
  location.assign(`/v1/auth/oauth/${encodeURIComponent(provider)}/authorize?${q}`);
}

/** Linking from a signed-in account: the API gives the provider URL (the same dance, no code at the end). */
export async function startLink(provider: string): Promise<void> {
  const { state } = await pending(provider, false);
  const r = await unwrap(
    api.POST('/v1/auth/identities/{provider}/link', {
      params: { path: { provider } },
      body: { redirect_uri: location.origin + LINK_RETURN_PATH, state, on_error: 'redirect' },
    }),
  );
  location.assign(r.authorization_url);
}

/** "Continue with Google" and friends, for the providers the server is configured with (none: nothing shown). */
export function SocialButtons() {
  const q = useSignInProviders();
  const go = useMutation(startSignIn);
  if (!q.data?.data.length) return null;
  return (
    <div className="social">
      <p className="muted">Or sign in with</p>
      <ul className="social-list">
        {q.data.data.map((p) => (
          <li key={p.id}>
            <button type="button" onClick={() => void go.run(p.id)} disabled={go.pending}>
              Continue with {p.name}
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote error={go.error} />
    </div>
  );
}

/** A refused sign-in or link as the callback reported it (`error` = the API's code, `error_description` = its message). */
export function refusal(code: string, description: string | null): ApiError {
  return new ApiError(code === 'ACCOUNT_EXISTS' || code === 'IDENTITY_TAKEN' ? 409 : 400, code, description ?? 'The provider did not finish the sign-in; try again');
}

/** Spent codes: React may mount the page twice, and a code works once. */
const exchanges = new Map<string, Promise<SignInResult>>();

/** Where the provider's callback lands: exchange the one-time code for a cookie session (or go to the two-factor step). */
export function SocialCallbackPage() {
  const { query } = useLocation();
  const [params] = useState(() => ({ code: query.get('code'), state: query.get('state'), error: query.get('error'), description: query.get('error_description') }));
  const [result, setResult] = useState<{ mfaToken?: string; error?: ApiError | string; provider?: string }>();
  const providers = useSignInProviders();
  const nameOf = (id?: string) => providers.data?.data.find((x) => x.id === id)?.name ?? id ?? 'the provider';

  useEffect(() => {
    // The code leaves the address bar (and history) at once.
    history.replaceState(null, '', SOCIAL_CALLBACK_PATH);
    const { code, state, error, description } = params;
    let p = code ? exchanges.get(code) : undefined;
    let provider: string | undefined;
    if (!p) {
      const mine = takePending(state);
      provider = mine?.provider;
      if (error) p = Promise.reject(refusal(error, description));
      else if (!code || !mine) p = Promise.reject('This sign-in attempt is unknown or was already finished here. Start again from the sign-in page.');
      else p = signInWithCode({ code, codeVerifier: mine.verifier, redirectUri: location.origin + SOCIAL_CALLBACK_PATH });
      if (code) exchanges.set(code, p);
    }
    let live = true;
    p.then(
      (r) => (r ? live && setResult({ mfaToken: r.mfaToken }) : navigate('/', { replace: true })),
      (e: unknown) => live && setResult({ error: e instanceof ApiError ? e : String(e), provider }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per landing
  }, []);

  if (result?.mfaToken) return <TwoFactorStep mfaToken={result.mfaToken} onBack={() => navigate('/signin', { replace: true })} />;
  return (
    <div className="auth-box">
      <Page title="Signing you in">
        {!result && <Loading what="Finishing the sign-in" />}
        {result?.error instanceof ApiError && <ErrorNote error={result.error} />}
        {result?.error instanceof ApiError && result.error.code === 'ACCOUNT_EXISTS' && (
          <p className="notice">
            To use {nameOf(result.provider)} with that account: sign in to it with your password or an emailed link, then open Account → Linked sign-in providers and choose
            “Link {nameOf(result.provider)}”.
          </p>
        )}
        {typeof result?.error === 'string' && (
          <p className="form-error" role="alert">
            {result.error}
          </p>
        )}
        {result?.error && (
          <p>
            <Link to="/signin">Back to sign in</Link>
          </p>
        )}
      </Page>
    </div>
  );
}

/**
 * The outcome of a "link a provider" dance, when the Account page is its return (`?linked=` or
 * `?error=`, with our `state`); the query leaves the address bar. Null when it is not ours.
 */
export function takeLinkReturn(query: URLSearchParams): { linked: string } | { error: ApiError } | null {
  const linked = query.get('linked');
  const error = query.get('error');
  if (!linked && !error) return null;
  const mine = takePending(query.get('state'));
  history.replaceState(null, '', LINK_RETURN_PATH);
  if (!mine) return null;
  return error ? { error: refusal(error, query.get('error_description')) } : { linked: linked ?? mine.provider };
}
