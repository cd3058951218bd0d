import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createRedis, keyPrefix, redisSettings, type RedisClient } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../config';

const TTL_S = 600;

/** What an authorization request leaves behind for its callback. */
export interface OAuthState {
  provider: string;
  /** The client's allow-listed redirect_uri (where the one-time code goes). */
  redirectUri: string;
  /** PKCE verifier and OIDC nonce of the request to the provider. */
  codeVerifier: string;
  nonce: string;
  /** The client's own PKCE S256 challenge (bound to the one-time code) and state (echoed back). */
  clientChallenge?: string;
  clientState?: string;
  /** Set when a signed-in user links this provider to their account. */
  linkUserId?: string;
  /** `on_error=redirect`: a refusal after the provider answered goes to redirectUri as `error=…`. */
  errorRedirect?: boolean;
}

/**
 * Pending authorization requests, 10 minutes, single use (GETDEL). Nothing is kept in clear:
 * the Redis key is a hash of `state`, and the value (PKCE verifier, nonce…) is sealed with
 * AES-256-GCM under a key derived from `state` too, so a Redis dump opens nothing.
 */
@Injectable()
export class OAuthStateStore implements OnApplicationShutdown {
  private readonly redis: RedisClient;
  private readonly prefix: string;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    const settings = redisSettings(config);
    this.redis = createRedis(settings, { maxRetriesPerRequest: 2 });
    this.prefix = keyPrefix(settings);
  }

  /** Stores the request and returns its fresh `state`. */
  async put(s: OAuthState): Promise<string> {
    const state = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(state), seal(state, JSON.stringify(s)), 'EX', TTL_S);
    return state;
  }

  /** Spends `state`: its request, or null when unknown, expired or already used. */
  async take(state: string): Promise<OAuthState | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(state)) return null;
    const raw = await this.redis.getdel(this.key(state));
    if (!raw) return null;
    try {
      return JSON.parse(open(state, raw)) as OAuthState;
    } catch {
      return null;
    }
  }

  private key(state: string): string {
    return `${this.prefix}gw:oauth-state:${derive('id', state).toString('base64url')}`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

const derive = (label: string, state: string) => createHash('sha256').update(`clipyard-oauth-${label}:${state}`).digest();

function seal(state: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', derive('key', state), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
}

function open(state: string, sealed: string): string {
  const buf = Buffer.from(sealed, 'base64url');
  const d = createDecipheriv('aes-256-gcm', derive('key', state), buf.subarray(0, 12));
  d.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
}
