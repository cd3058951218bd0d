import type { FastifyRequest } from 'fastify';
import { generators, type BaseClient, type TokenSet } from 'openid-client';
import { Strategy } from 'passport-strategy';
import { AppError, type OAuthProfile } from '@clipyard/contracts';
import type { OAuthClients } from './oauth-clients';
import type { OAuthProviderConfig } from './oauth.config';
import type { OAuthState, OAuthStateStore } from './oauth-state.store';

/** What `authenticate` is given to start a sign-in (passport options). */
export interface BeginOptions {
  begin: Omit<OAuthState, 'provider' | 'codeVerifier' | 'nonce'>;
}
/**
 * What a finished callback yields (passport's `user`): the profile, or — once the state is known,
 * so the caller may send the refusal to the client's redirect_uri — the provider's refusal.
 */
export type SocialResult = { profile: OAuthProfile; state: OAuthState } | { refused: AppError; state: OAuthState };

const stateInvalid = () => new AppError('OAUTH_STATE_INVALID', 'This sign-in attempt is unknown, expired or already finished; start again');
const providerError = (message: string, details?: Record<string, unknown>) => new AppError('OAUTH_PROVIDER_ERROR', message, details);

/**
 * One passport strategy per sign-in provider (`oauth:<name>`), on openid-client. Called with
 * `begin` options it redirects to the provider: authorization code with PKCE (S256), `state`,
 * and for OIDC a `nonce`, kept (sealed) in Redis for 10 minutes. Called on the callback it
 * spends the state (single use), exchanges the code with the PKCE verifier, verifies the ID
 * token (signature, issuer, audience, nonce) — or, for GitHub, reads the API — and yields the profile.
 */
export class SocialStrategy extends Strategy {
  readonly name: string;
  readonly strategyName: string;

  constructor(
    private readonly provider: OAuthProviderConfig,
    private readonly clients: OAuthClients,
    private readonly states: OAuthStateStore,
  ) {
    super();
    this.name = this.strategyName = `oauth:${provider.name}`;
  }

  /** passport's entry point (its types name Express' request; the gateway's is Fastify's). */
  override authenticate(req: unknown, options?: Partial<BeginOptions>): void {
    const work = options?.begin ? this.begin(options.begin).then((url) => this.redirect(url)) : this.finish(req as FastifyRequest).then((r) => this.success(r));
    work.catch((err: unknown) => this.error(err as Error));
  }

  private async begin(b: BeginOptions['begin']): Promise<string> {
    const client = await this.clients.client(this.provider);
    const codeVerifier = generators.codeVerifier();
    const nonce = generators.nonce();
    const state = await this.states.put({ ...b, provider: this.provider.name, codeVerifier, nonce });
    return client.authorizationUrl({
      scope: this.provider.scope,
      redirect_uri: this.clients.callbackUrl(this.provider.name),
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      ...(this.provider.kind === 'oidc' ? { nonce } : {}),
    });
  }

  private async finish(req: FastifyRequest): Promise<SocialResult> {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const params = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const state = params.state ? await this.states.take(params.state) : null;
    if (!state || state.provider !== this.provider.name) throw stateInvalid();
    try {
      return { profile: await this.profile(params, state), state };
    } catch (err) {
      if (err instanceof AppError) return { refused: err, state };
      throw err;
    }
  }

  private async profile(params: Record<string, string>, state: OAuthState): Promise<OAuthProfile> {
    if (params.error) throw providerError(`The provider refused the sign-in: ${params.error.slice(0, 100)}`, { provider_error: params.error.slice(0, 100) });
    if (!params.code) throw providerError('The provider sent no authorization code');
    const client = await this.clients.client(this.provider);
    const redirectUri = this.clients.callbackUrl(this.provider.name);
    return this.provider.kind === 'github' ? this.github(client, redirectUri, params, state) : this.oidc(client, redirectUri, params, state);
  }

  private async oidc(client: BaseClient, redirectUri: string, params: Record<string, string>, state: OAuthState): Promise<OAuthProfile> {
    let tokens: TokenSet;
    try {
      tokens = await client.callback(redirectUri, params, { state: params.state, nonce: state.nonce, code_verifier: state.codeVerifier, response_type: 'code' });
    } catch (err) {
      throw providerError('The provider did not complete the sign-in', { cause: String((err as Error).message).slice(0, 200) });
    }
    let claims: Record<string, unknown> = tokens.claims();
    if (claims.email === undefined && client.issuer.metadata.userinfo_endpoint && tokens.access_token) {
      // Providers that keep the ID token small (claims by scope go to userinfo); openid-client checks its sub.
      claims = { ...(await client.userinfo(tokens).catch(() => ({}))), ...claims, sub: claims.sub };
    }
    return {
      provider: this.provider.name,
      subject: String(claims.sub),
      email: typeof claims.email === 'string' ? claims.email : null,
      email_verified: claims.email_verified === true || claims.email_verified === 'true',
      name: typeof claims.name === 'string' ? claims.name.slice(0, 200) : null,
    };
  }

  private async github(client: BaseClient, redirectUri: string, params: Record<string, string>, state: OAuthState): Promise<OAuthProfile> {
    let token: string | undefined;
    try {
      token = (await client.oauthCallback(redirectUri, params, { state: params.state, code_verifier: state.codeVerifier })).access_token;
    } catch (err) {
      throw providerError('GitHub did not complete the sign-in', { cause: String((err as Error).message).slice(0, 200) });
    }
    if (!token) throw providerError('GitHub returned no access token');
    const api = async <T>(path: string): Promise<T> => {
      const res = await fetch(`${this.provider.apiUrl ?? 'https://api.github.com'}${path}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json', 'User-Agent': 'clipyard', 'X-GitHub-Api-Version': '2022-11-28' },
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw providerError(`GitHub's API answered ${res.status}`);
      return (await res.json()) as T;
    };
    const user = await api<{ id: number; login: string; name: string | null }>('/user');
    const emails = await api<{ email: string; primary: boolean; verified: boolean }[]>('/user/emails');
    const primary = emails.find((e) => e.primary) ?? emails.find((e) => e.verified) ?? null;
    return {
      provider: this.provider.name,
      subject: String(user.id),
      email: primary?.email ?? null,
      email_verified: primary?.verified === true,
      name: (user.name ?? user.login)?.slice(0, 200) ?? null,
    };
  }
}
