import { Inject, Injectable } from '@nestjs/common';
import { custom, Issuer, type BaseClient } from 'openid-client';
import { AppError } from '@clipyard/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../config';
import type { OAuthProviderConfig } from './oauth.config';

custom.setHttpOptionsDefaults({ timeout: 10_000 });

/** GitHub speaks OAuth 2 (no discovery, no ID token); `web` is github.com or a GitHub Enterprise Server. */
const githubMetadata = (web: string, api: string) => ({
  issuer: web,
  authorization_endpoint: `${web}/login/oauth/authorize`,
  token_endpoint: `${web}/login/oauth/access_token`,
  userinfo_endpoint: `${api}/user`,
});

/**
 * openid-client `Client`s of the configured providers, made on first use (OIDC discovery of the
 * issuer, then kept); a failed discovery is retried on the next sign-in rather than failing boot.
 */
@Injectable()
export class OAuthClients {
  private readonly clients = new Map<string, Promise<BaseClient>>();
  private readonly byName: Map<string, OAuthProviderConfig>;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.byName = new Map(config.OAUTH.providers.map((p) => [p.name, p]));
  }

  provider(name: string): OAuthProviderConfig {
    const p = this.byName.get(name);
    if (!p) throw new AppError('UNKNOWN_OAUTH_PROVIDER', `Sign-in with "${name.slice(0, 40)}" is not configured`);
    return p;
  }

  /** OAUTH_REDIRECT_ALLOWLIST. */
  get allowlist(): URL[] {
    return this.config.OAUTH.redirectAllowlist;
  }

  get providers(): OAuthProviderConfig[] {
    return [...this.byName.values()];
  }

  /** The callback URL registered with the provider. */
  callbackUrl(name: string): string {
    return new URL(`/v1/auth/oauth/${name}/callback`, this.config.PUBLIC_BASE_URL).toString();
  }

  client(p: OAuthProviderConfig): Promise<BaseClient> {
    let c = this.clients.get(p.name);
    if (!c) {
      c = this.make(p).catch((err: unknown) => {
        this.clients.delete(p.name);
        throw new AppError('OAUTH_PROVIDER_ERROR', `Could not reach the ${p.name} sign-in provider`, { cause: String((err as Error)?.message ?? err).slice(0, 200) });
      });
      this.clients.set(p.name, c);
    }
    return c;
  }

  private async make(p: OAuthProviderConfig): Promise<BaseClient> {
    const issuer = p.kind === 'github' ? new Issuer(githubMetadata(p.issuer, p.apiUrl ?? 'https://api.github.com')) : await Issuer.discover(p.issuer);
    return new issuer.Client({
      client_id: p.clientId,
      client_secret: p.clientSecret,
      redirect_uris: [this.callbackUrl(p.name)],
      response_types: ['code'],
    });
  }
}
