import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

interface Counter {
  count: number;
  lastUsedAt: number;
  ip: string | null;
}

/**
 * Counts API key use in memory and sends one batch to the auth app every
 * API_KEYS_USAGE_FLUSH_MS (last_used_at, last_used_ip, total_requests), never one write per request.
 */
@Injectable()
export class ApiKeyUsage implements OnApplicationShutdown {
  private pending = new Map<string, Counter>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly rpc: RpcClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.flush(), config.API_KEYS_USAGE_FLUSH_MS);
    this.timer.unref();
  }

  record(keyId: string, ip: string | undefined): void {
    const c = this.pending.get(keyId);
    if (c) {
      c.count++;
      c.lastUsedAt = Date.now();
      c.ip = ip ?? c.ip;
    } else this.pending.set(keyId, { count: 1, lastUsedAt: Date.now(), ip: ip ?? null });
  }

  async flush(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    const items = [...batch].map(([keyId, c]) => ({ keyId, count: c.count, lastUsedAt: c.lastUsedAt, ip: c.ip?.slice(0, 64) ?? null }));
    try {
      await this.rpc.call('auth.apiKey.recordUsage', { items });
    } catch (err) {
      this.logger.warn({ err, keys: items.length }, 'could not record API key usage; will retry');
      for (const [id, c] of batch) {
        const now = this.pending.get(id);
        if (now) {
          now.count += c.count;
        } else if (this.pending.size < 100_000) this.pending.set(id, c);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
