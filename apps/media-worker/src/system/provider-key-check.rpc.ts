import { Injectable } from '@nestjs/common';
import { AppError, PROVIDERS, type ProviderId, type RpcReply } from '@clipyard/contracts';
import { checkProviderKey } from '@clipyard/media';
import { RpcController } from '@clipyard/queue';
import { ProviderCredentials } from '../transcribe/provider-credentials';

/** Codes a check answers with (`ok: false`) rather than fails on: what is wrong with the key or its endpoint. */
const KEY_PROBLEMS = new Set([
  'PROVIDER_KEY_REJECTED',
  'PROVIDER_RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_TIMEOUT',
  'PROVIDER_REQUEST_REJECTED',
  'URL_FORBIDDEN',
]);
const TIMEOUT_MS = 8_000;

/**
 * "Test this key" (`POST /v1/provider-keys/{provider}/test`): the worker opens the owner's key
 * (it is decrypted here only, as for a job) and makes one cheap authenticated call with it. A
 * rejected key is reported to the owner's key record, as a failed job would; a working one clears
 * what was recorded.
 */
@Injectable()
@RpcController('media')
export class ProviderKeyCheckRpc {
  constructor(private readonly credentials: ProviderCredentials) {}

  handlers() {
    return {
      'media.providerKey.test': (p: { userId: string; provider: ProviderId }) => this.test(p.userId, p.provider),
    };
  }

  private async test(userId: string, provider: ProviderId): Promise<RpcReply<'media.providerKey.test'>> {
    const started = Date.now();
    const done = (r: { ok: boolean; code?: string; message?: string; http_status?: number }) => ({
      provider,
      ...r,
      latency_ms: Date.now() - started,
      checked_at: new Date().toISOString(),
    });
    try {
      const { status } = await this.credentials.use(userId, { keySource: 'user', provider }, (c) =>
        checkProviderKey({ chatApi: PROVIDERS[provider].chat_api, baseUrl: c.baseUrl, apiKey: c.apiKey, urlPolicy: c.urlPolicy, timeoutMs: TIMEOUT_MS }),
      );
      await this.credentials.reportWorking(userId, provider);
      return done({ ok: true, http_status: status });
    } catch (err) {
      if (err instanceof AppError && err.code === 'NO_PROVIDER_KEY') throw new AppError('PROVIDER_KEY_NOT_FOUND', `No ${provider} key is stored for this account`);
      if (!(err instanceof AppError) || !KEY_PROBLEMS.has(err.code)) throw err;
      if (err.code === 'PROVIDER_KEY_REJECTED') await this.credentials.reportRejected(userId, provider, err.message);
      const status = err.details?.status;
      return done({ ok: false, code: err.code, message: err.message, ...(typeof status === 'number' ? { http_status: status } : {}) });
    }
  }
}
