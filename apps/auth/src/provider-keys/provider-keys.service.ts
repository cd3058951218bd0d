import { Inject, Injectable } from '@nestjs/common';
import { AppError, PROVIDERS, providersFor, type ProviderId, type ProviderUse } from '@clipyard/contracts';
import { Database, type ProviderKeyEntity } from '@clipyard/database';
import { KeyRing, providerKeyAad, resolveUrl, urlForbidden, urlPolicyOf, versionOf } from '@clipyard/security';
import { AuditService } from '../audit/audit.service';
import { iso, type RequestCtx } from '../common/context';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { ProviderKeysRepository } from './provider-keys.repository';

const notFound = (provider: string) => new AppError('PROVIDER_KEY_NOT_FOUND', `No ${provider} key is stored`, { provider });

function view(k: ProviderKeyEntity) {
  return {
    provider: k.provider as ProviderId,
    label: k.label,
    base_url: k.baseUrl,
    last4: k.last4,
    status: k.status,
    created_at: iso(k.createdAt)!,
    updated_at: iso(k.updatedAt)!,
    last_used_at: iso(k.lastUsedAt),
    last_error: k.lastError,
    last_error_at: iso(k.lastErrorAt),
  };
}

/**
 * The user's own provider keys, sealed with AES-256-GCM (AAD = user id + provider). Plaintext
 * exists only in the `set` request; workers get the envelope and open it in memory.
 */
@Injectable()
export class ProviderKeysService {
  readonly ring: KeyRing;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly db: Database,
    private readonly keys: ProviderKeysRepository,
    private readonly audit: AuditService,
  ) {
    this.ring = new KeyRing(config.ENCRYPTION_KEYS);
  }

  async set(p: { userId: string; provider: ProviderId; api_key: string; base_url?: string | null; label?: string | null; ctx?: RequestCtx }) {
    const apiKey = p.api_key.trim();
    if (apiKey.length < 8 || apiKey.length > 512 || /\s/.test(apiKey)) {
      throw new AppError('VALIDATION_FAILED', 'Invalid api_key', { issues: [{ path: 'api_key', message: '8-512 characters, no spaces' }] });
    }
    const baseUrl = await this.checkBaseUrl(p.provider, p.base_url ?? null);
    const sealed = this.ring.seal(apiKey, providerKeyAad(p.userId, p.provider));
    const row = await this.keys.upsert({
      userId: p.userId,
      provider: p.provider,
      ciphertext: sealed,
      keyVersion: versionOf(sealed),
      last4: apiKey.slice(-4),
      baseUrl,
      label: p.label ?? null,
    });
    await this.audit.record('provider_key.set', { userId: p.userId, ctx: p.ctx, metadata: { provider: p.provider, base_url: baseUrl } });
    return view(row);
  }

  async list(userId: string) {
    return { data: (await this.keys.list(userId)).map(view) };
  }

  async delete(userId: string, provider: ProviderId, ctx?: RequestCtx): Promise<void> {
    if (!(await this.keys.delete(userId, provider))) throw notFound(provider);
    await this.audit.record('provider_key.deleted', { userId, ctx, metadata: { provider } });
  }

  /** Ciphertext + where to call, for a media worker. Marks the key as used. */
  async forWorker(userId: string, provider?: ProviderId, use: ProviderUse = 'transcription') {
    const rows = await this.keys.list(userId);
    const row = provider ? rows.find((r) => r.provider === provider) : providersFor(use).map((id) => rows.find((r) => r.provider === id)).find(Boolean);
    if (!row) throw notFound(provider ?? 'provider');
    await this.keys.markUsed(userId, row.provider);
    const id = row.provider as ProviderId;
    return {
      provider: id,
      provider_name: PROVIDERS[id].name,
      base_url: row.baseUrl ?? PROVIDERS[id].default_base_url!,
      envelope: row.ciphertext,
      key_version: row.keyVersion,
    };
  }

  /** Records a provider's refusal; scrubs the key itself out of the message in case a provider echoed it. */
  async reportError(userId: string, provider: ProviderId, error: string): Promise<void> {
    const row = await this.keys.find(userId, provider);
    if (!row) throw notFound(provider);
    let message = error;
    try {
      const plain = this.ring.open(row.ciphertext, providerKeyAad(userId, provider));
      message = message.split(plain).join('[redacted]');
    } catch {
      /* cannot open (rotated away?): keep the message */
    }
    message = message.replace(/\b(sk|gsk|sk-proj)[-_][A-Za-z0-9_-]{8,}/g, '[redacted]').slice(0, 500);
    await this.keys.recordError(userId, provider, message);
  }

  /** A test call with the key succeeded: it is active again and its last error goes. */
  async clearError(userId: string, provider: ProviderId): Promise<void> {
    await this.keys.clearError(userId, provider);
  }

  /** Re-seals every row under the newest master key, in small locked batches (safe online). */
  async rotate(batch = 100): Promise<number> {
    let moved = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const rows = await this.keys.lockSealedUnder(this.ring.current, batch, tx);
        for (const r of rows) {
          const aad = providerKeyAad(r.user_id, r.provider);
          const sealed = this.ring.seal(this.ring.openBuffer(r.ciphertext, aad), aad);
          await this.keys.reseal(r.user_id, r.id, sealed, this.ring.current, tx);
        }
        return rows.length;
      });
      moved += n;
      if (n < batch) return moved;
    }
  }

  private async checkBaseUrl(provider: ProviderId, raw: string | null): Promise<string | null> {
    if (!raw) {
      if (PROVIDERS[provider].requires_base_url) {
        throw new AppError('VALIDATION_FAILED', 'Invalid base_url', { issues: [{ path: 'base_url', message: `required for ${provider}` }] });
      }
      return null;
    }
    // The URL policy, https only (the key travels in the Authorization header) unless ALLOW_PRIVATE_URLS.
    const { url } = await resolveUrl(raw, urlPolicyOf(this.config), { httpsOnly: true, field: 'base_url' });
    if (url.search || url.hash) throw urlForbidden('base_url must not have a query or fragment', 'invalid', 'base_url');
    return url.toString().replace(/\/+$/, '');
  }
}
