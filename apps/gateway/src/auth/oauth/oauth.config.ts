import { z } from 'zod';
import { ConfigError } from '@clipyard/config';

/** Providers with built-in endpoints; any other name in OAUTH_PROVIDERS is an OpenID Connect issuer (discovery). */
export const BUILT_IN_PROVIDERS = {
  /** OpenID Connect; metadata by discovery of https://accounts.google.com. */
  google: { kind: 'oidc', issuer: 'https://accounts.google.com', scope: 'openid email profile', displayName: 'Google' },
  /** OAuth 2 only (no ID token): the profile and verified primary email come from its REST API. */
  github: { kind: 'github', issuer: 'https://github.com', scope: 'read:user user:email', displayName: 'GitHub' },
} as const;

export interface OAuthProviderConfig {
  name: string;
  /** What a sign-in button says ("Continue with …"): built-in, or OAUTH_<NAME>_DISPLAY_NAME, or the name capitalised. */
  displayName: string;
  kind: 'oidc' | 'github';
  clientId: string;
  clientSecret: string;
  /** OIDC: the issuer discovered at `<issuer>/.well-known/openid-configuration`; GitHub: its web URL. */
  issuer: string;
  /** GitHub: its REST API (GitHub Enterprise Server: `https://<host>/api/v3`). */
  apiUrl?: string;
  scope: string;
}

export interface OAuthConfig {
  providers: OAuthProviderConfig[];
  /** Where the callback may send the browser back to (origin + path prefix each). */
  redirectAllowlist: URL[];
}

const NAME = /^[a-z][a-z0-9_]{0,31}$/;
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * `OAUTH_PROVIDERS=google,github,<name>…` with `OAUTH_<NAME>_CLIENT_ID` / `_CLIENT_SECRET` each
 * (and `OAUTH_<NAME>_ISSUER` for any name but google and github; `OAUTH_<NAME>_SCOPE` and
 * `OAUTH_<NAME>_DISPLAY_NAME` optionally). Outside production `OAUTH_GOOGLE_ISSUER` may point
 * Google at a local stand-in (http:// on loopback, as for any issuer); production always uses
 * accounts.google.com.
 * Issuers must be https://, except http:// on a loopback host outside production (tests and
 * local providers). `OAUTH_REDIRECT_ALLOWLIST` defaults to PUBLIC_URL.
 */
export function loadOAuthConfig(env: Record<string, string | undefined>, base: { NODE_ENV: string; PUBLIC_URL?: string; PUBLIC_BASE_URL: string }): OAuthConfig {
  const get = (k: string) => (env[k] === '' ? undefined : env[k]);
  const problems: string[] = [];
  const names = (get('OAUTH_PROVIDERS') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const providers: OAuthProviderConfig[] = [];
  for (const name of new Set(names)) {
    if (!NAME.test(name)) {
      problems.push(`OAUTH_PROVIDERS: "${name}" is not a provider name (lowercase letters, digits, _)`);
      continue;
    }
    const v = `OAUTH_${name.toUpperCase()}`;
    const clientId = get(`${v}_CLIENT_ID`);
    const clientSecret = get(`${v}_CLIENT_SECRET`);
    if (!clientId) problems.push(`${v}_CLIENT_ID: required (${name} is in OAUTH_PROVIDERS)`);
    if (!clientSecret) problems.push(`${v}_CLIENT_SECRET: required (${name} is in OAUTH_PROVIDERS)`);
    const builtIn = BUILT_IN_PROVIDERS[name as keyof typeof BUILT_IN_PROVIDERS];
    // GitHub Enterprise Server (and a local stand-in in tests): OAUTH_GITHUB_URL / OAUTH_GITHUB_API_URL.
    const githubUrl = name === 'github' ? get('OAUTH_GITHUB_URL') : undefined;
    // Google: a test or a local stand-in may replace its issuer, never in production.
    const googleIssuer = name === 'google' ? get('OAUTH_GOOGLE_ISSUER') : undefined;
    if (googleIssuer && base.NODE_ENV === 'production') problems.push('OAUTH_GOOGLE_ISSUER: not allowed in production (Google is always https://accounts.google.com)');
    const issuer = githubUrl ?? (base.NODE_ENV === 'production' ? undefined : googleIssuer) ?? builtIn?.issuer ?? get(`${v}_ISSUER`);
    if (!issuer) {
      problems.push(`${v}_ISSUER: required for a provider other than google and github (its OpenID Connect issuer URL)`);
      continue;
    }
    const bad = issuerProblem(issuer, base.NODE_ENV === 'production');
    if (bad) problems.push(`${githubUrl ? 'OAUTH_GITHUB_URL' : `${v}_ISSUER`}: ${bad}`);
    const apiUrl = name === 'github' ? (get('OAUTH_GITHUB_API_URL') ?? (githubUrl ? `${githubUrl.replace(/\/+$/, '')}/api/v3` : 'https://api.github.com')) : undefined;
    const apiBad = apiUrl ? issuerProblem(apiUrl, base.NODE_ENV === 'production') : null;
    if (apiBad) problems.push(`OAUTH_GITHUB_API_URL: ${apiBad}`);
    providers.push({
      name,
      displayName: (get(`${v}_DISPLAY_NAME`) ?? builtIn?.displayName ?? name.charAt(0).toUpperCase() + name.slice(1)).slice(0, 40),
      kind: builtIn?.kind ?? 'oidc',
      clientId: clientId ?? '',
      clientSecret: clientSecret ?? '',
      issuer: issuer.replace(/\/+$/, ''),
      scope: get(`${v}_SCOPE`) ?? builtIn?.scope ?? 'openid email profile',
      ...(apiUrl ? { apiUrl: apiUrl.replace(/\/+$/, '') } : {}),
    });
  }
  const allow = (get('OAUTH_REDIRECT_ALLOWLIST') ?? base.PUBLIC_URL ?? base.PUBLIC_BASE_URL).split(',').map((s) => s.trim()).filter(Boolean);
  const redirectAllowlist: URL[] = [];
  for (const a of allow) {
    const parsed = z.string().url().safeParse(a);
    if (!parsed.success || !/^https?:$/.test(new URL(a).protocol)) problems.push(`OAUTH_REDIRECT_ALLOWLIST: "${a}" is not an http(s) URL`);
    else redirectAllowlist.push(new URL(a));
  }
  if (problems.length) throw new ConfigError(problems);
  return { providers, redirectAllowlist };
}

function issuerProblem(issuer: string, production: boolean): string | null {
  let u: URL;
  try {
    u = new URL(issuer);
  } catch {
    return 'not a URL';
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && !production && LOOPBACK.has(u.hostname)) return null;
  return production ? 'must be https://' : 'must be https:// (http:// only on 127.0.0.1 / localhost, outside production)';
}

/** Whether `uri` is on the allow-list: same origin as an entry, and under its path. */
export function redirectAllowed(uri: string, allowlist: URL[]): boolean {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  if (u.username || u.password || u.hash) return false;
  return allowlist.some((a) => {
    if (a.origin !== u.origin) return false;
    const base = a.pathname.endsWith('/') ? a.pathname : `${a.pathname}/`;
    return a.pathname === '/' || u.pathname === a.pathname || u.pathname.startsWith(base);
  });
}
