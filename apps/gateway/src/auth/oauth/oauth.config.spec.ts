import { ConfigError } from '@clipyard/config';
import { loadOAuthConfig, redirectAllowed } from './oauth.config';

const base = { NODE_ENV: 'development', PUBLIC_BASE_URL: 'http://localhost:3000' };
const problems = (env: Record<string, string>, b: Partial<typeof base> = {}) => {
  try {
    loadOAuthConfig(env, { ...base, ...b });
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('OAuth provider configuration', () => {
  it('google and github have built-in endpoints; another name is an OIDC issuer', () => {
    const c = loadOAuthConfig(
      {
        OAUTH_PROVIDERS: 'google, GitHub,corp',
        OAUTH_GOOGLE_CLIENT_ID: 'g',
        OAUTH_GOOGLE_CLIENT_SECRET: 'gs',
        OAUTH_GITHUB_CLIENT_ID: 'h',
        OAUTH_GITHUB_CLIENT_SECRET: 'hs',
        OAUTH_CORP_CLIENT_ID: 'c',
        OAUTH_CORP_CLIENT_SECRET: 'cs',
        OAUTH_CORP_ISSUER: 'https://sso.corp.example/realms/main/',
      },
      base,
    );
    expect(c.providers.map((p) => [p.name, p.kind, p.issuer])).toEqual([
      ['google', 'oidc', 'https://accounts.google.com'],
      ['github', 'github', 'https://github.com'],
      ['corp', 'oidc', 'https://sso.corp.example/realms/main'],
    ]);
    expect(c.redirectAllowlist.map(String)).toEqual(['http://localhost:3000/']);
  });

  it("google's built-in provider: discovery of accounts.google.com, openid email profile, a button name; a local issuer only outside production", () => {
    const env = { OAUTH_PROVIDERS: 'google', OAUTH_GOOGLE_CLIENT_ID: 'g', OAUTH_GOOGLE_CLIENT_SECRET: 'gs' };
    expect(loadOAuthConfig(env, base).providers).toEqual([
      { name: 'google', displayName: 'Google', kind: 'oidc', clientId: 'g', clientSecret: 'gs', issuer: 'https://accounts.google.com', scope: 'openid email profile' },
    ]);
    const local = { ...env, OAUTH_GOOGLE_ISSUER: 'http://127.0.0.1:4000/' };
    expect(loadOAuthConfig(local, base).providers[0]).toMatchObject({ kind: 'oidc', issuer: 'http://127.0.0.1:4000' });
    expect(problems(local, { NODE_ENV: 'production' })).toContain('OAUTH_GOOGLE_ISSUER: not allowed in production (Google is always https://accounts.google.com)');
    expect(problems({ ...env, OAUTH_GOOGLE_ISSUER: 'http://sso.example.com' })[0]).toMatch(/^OAUTH_GOOGLE_ISSUER: must be https:\/\//);
    const named = loadOAuthConfig({ OAUTH_PROVIDERS: 'github,corp', OAUTH_GITHUB_CLIENT_ID: 'h', OAUTH_GITHUB_CLIENT_SECRET: 'hs', OAUTH_CORP_CLIENT_ID: 'c', OAUTH_CORP_CLIENT_SECRET: 'cs', OAUTH_CORP_ISSUER: 'https://sso.corp.example', OAUTH_CORP_DISPLAY_NAME: 'Corp SSO' }, base);
    expect(named.providers.map((p) => [p.name, p.displayName, p.scope])).toEqual([
      ['github', 'GitHub', 'read:user user:email'],
      ['corp', 'Corp SSO', 'openid email profile'],
    ]);
  });

  it('names every missing variable and refuses a plain-http issuer except on loopback outside production', () => {
    expect(problems({ OAUTH_PROVIDERS: 'corp' })).toEqual([
      'OAUTH_CORP_CLIENT_ID: required (corp is in OAUTH_PROVIDERS)',
      'OAUTH_CORP_CLIENT_SECRET: required (corp is in OAUTH_PROVIDERS)',
      'OAUTH_CORP_ISSUER: required for a provider other than google and github (its OpenID Connect issuer URL)',
    ]);
    const local = { OAUTH_PROVIDERS: 'dev', OAUTH_DEV_CLIENT_ID: 'a', OAUTH_DEV_CLIENT_SECRET: 'b', OAUTH_DEV_ISSUER: 'http://127.0.0.1:4000' };
    expect(problems(local)).toEqual([]);
    expect(problems(local, { NODE_ENV: 'production' })).toEqual(['OAUTH_DEV_ISSUER: must be https://']);
    expect(problems({ ...local, OAUTH_DEV_ISSUER: 'http://sso.example.com' })[0]).toMatch(/^OAUTH_DEV_ISSUER: must be https:\/\//);
    expect(problems({ OAUTH_REDIRECT_ALLOWLIST: 'javascript:alert(1)' })[0]).toMatch(/^OAUTH_REDIRECT_ALLOWLIST/);
  });

  it('allows a redirect_uri only on an allow-listed origin, under its path', () => {
    const list = [new URL('https://app.example.com/signed-in'), new URL('http://localhost:3000')];
    expect(redirectAllowed('https://app.example.com/signed-in', list)).toBe(true);
    expect(redirectAllowed('https://app.example.com/signed-in/done?x=1', list)).toBe(true);
    expect(redirectAllowed('http://localhost:3000/anything', list)).toBe(true);
    for (const bad of [
      'https://app.example.com/signed-in-evil',
      'https://app.example.com/other',
      'http://app.example.com/signed-in',
      'https://app.example.com.evil.example/signed-in',
      'https://user@app.example.com/signed-in',
      'https://app.example.com/signed-in#frag',
      'not a url',
    ]) expect({ bad, ok: redirectAllowed(bad, list) }).toEqual({ bad, ok: false });
  });
});
