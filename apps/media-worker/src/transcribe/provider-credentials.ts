import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppError, PROVIDER_IDS, type ProviderId } from '@clipyard/contracts';
import { MediaError } from '@clipyard/media';
import { ROOT_LOGGER } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { KeyRing, providerKeyAad, resolveUrl, urlPolicyOf, type UrlPolicy } from '@clipyard/security';
import { WORKER_CONFIG, type WorkerConfig } from '../config';

/** A provider key opened for one transcription. Never logged, stored, or put in an error. */
export interface ProviderCredential {
  provider: string;
  baseUrl: string;
  apiKey: string;
  keySource: 'user' | 'platform';
  /** The URL policy the call must connect under; unset for the operator's own platform URL. */
  urlPolicy?: UrlPolicy;
}

/**
 * Gets the key a transcription runs with: the owner's, as ciphertext from the auth app (RPC
 * `auth.providerKey.forWorker`), opened here in memory; or the platform's configured key when the
 * gateway decided so at submission. `use` hands it to `fn` and keeps no reference afterwards.
 */
@Injectable()
export class ProviderCredentials {
  private readonly ring: KeyRing;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.ring = new KeyRing(config.ENCRYPTION_KEYS);
  }

  async use<T>(
    userId: string,
    want: { keySource: 'user' | 'platform'; provider?: string; use?: 'transcription' | 'chat' },
    fn: (c: ProviderCredential) => Promise<T>,
  ): Promise<T> {
    if (want.keySource === 'platform') {
      const apiKey = this.config.PLATFORM_OPENAI_API_KEY;
      if (!apiKey) throw new MediaError('NO_PROVIDER_KEY', 'Platform transcription is not configured on this server');
      return fn({ provider: 'openai', baseUrl: this.config.PLATFORM_OPENAI_BASE_URL, apiKey, keySource: 'platform' });
    }
    let sealed;
    try {
      sealed = await this.rpc.call('auth.providerKey.forWorker', {
        userId,
        ...(want.provider ? { provider: providerId(want.provider) } : {}),
        ...(want.use ? { use: want.use } : {}),
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'PROVIDER_KEY_NOT_FOUND') {
        throw new MediaError('NO_PROVIDER_KEY', 'No provider key is stored for this account (it was deleted after the job was submitted)');
      }
      throw err; // UPSTREAM_UNAVAILABLE and friends: retried
    }
    await this.checkBaseUrl(sealed.base_url);
    let apiKey: string;
    try {
      apiKey = this.ring.open(sealed.envelope, providerKeyAad(userId, sealed.provider));
    } catch {
      // wrong ENCRYPTION_KEYS on this worker, or a tampered row: an operator problem, not the user's
      this.logger.error({ userId, provider: sealed.provider, keyVersion: sealed.key_version }, 'provider key envelope does not open');
      throw new MediaError('INTERNAL', 'The stored provider key could not be read by the worker', true);
    }
    return fn({ provider: sealed.provider, baseUrl: sealed.base_url, apiKey, keySource: 'user', urlPolicy: urlPolicyOf(this.config) });
  }

  /** Tells the owner's key record that the provider rejected it (shown as last_error). */
  async reportRejected(userId: string, provider: string, message: string): Promise<void> {
    if (!isProviderId(provider)) return;
    await this.rpc
      .call('auth.providerKey.reportError', { userId, provider, error: `PROVIDER_KEY_REJECTED: ${message}` })
      .catch((err: unknown) => this.logger.warn({ err, userId, provider }, 'could not report the rejected provider key'));
  }

  /** Tells the owner's key record that a test call with it worked (a recorded error is cleared). */
  async reportWorking(userId: string, provider: ProviderId): Promise<void> {
    await this.rpc
      .call('auth.providerKey.reportOk', { userId, provider })
      .catch((err: unknown) => this.logger.warn({ err, userId, provider }, 'could not report the working provider key'));
  }

  /** A user-supplied base URL must not lead the worker into the private network (the URL policy). */
  private async checkBaseUrl(raw: string): Promise<void> {
    try {
      await resolveUrl(raw, urlPolicyOf(this.config), { httpsOnly: true, field: 'base_url' });
    } catch (err) {
      if (err instanceof AppError && err.details?.reason === 'unresolvable') {
        throw new MediaError('PROVIDER_UNAVAILABLE', `The provider host does not resolve`, true);
      }
      if (err instanceof AppError) throw new MediaError(err.code, `The provider base URL is refused: ${err.message}`);
      throw err;
    }
  }
}

const isProviderId = (p: string): p is ProviderId => (PROVIDER_IDS as readonly string[]).includes(p);
/** A provider the job names must be one auth knows (the RPC refuses others the same way). */
function providerId(p: string): ProviderId {
  if (!isProviderId(p)) throw new MediaError('VALIDATION_FAILED', `Unknown provider ${p}`.slice(0, 100), false);
  return p;
}
