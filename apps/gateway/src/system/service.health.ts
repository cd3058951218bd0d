import { Inject, Injectable, type Type } from '@nestjs/common';
import type { RpcService } from '@clipyard/contracts';
import type { HealthCheck } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { MEDIA_TOOLS_INSTALL, missingMediaTools } from '@clipyard/media';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/** A readiness check that the named service answers its RPC queue. */
function serviceHealth(service: RpcService): Type<HealthCheck> {
  @Injectable()
  class ServiceHealth implements HealthCheck {
    readonly name = service === 'media' ? 'media-worker' : service;
    constructor(
      private readonly rpc: RpcClient,
      @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    ) {}
    async check(): Promise<void> {
      const pong = await this.rpc.call(`${service}.ping`, {}, { timeoutMs: this.config.HEALTH_RPC_TIMEOUT_MS });
      // Up but unable to work (e.g. a media worker without ffmpeg): readiness names what is missing.
      if (pong.missing?.length) throw new Error(`${this.name} lacks ${pong.missing.join(', ')}`);
    }
  }
  Object.defineProperty(ServiceHealth, 'name', { value: `${service}ServiceHealth` });
  return ServiceHealth;
}

export const AuthServiceHealth = serviceHealth('auth');
export const BillingServiceHealth = serviceHealth('billing');
export const MediaServiceHealth = serviceHealth('media');

/** The gateway's own ffprobe (uploads are probed here): readiness check `ffprobe`. */
@Injectable()
export class FfprobeHealth implements HealthCheck {
  readonly name = 'ffprobe';
  private cached?: { at: number; missing: Promise<string[]> };
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}
  async check(): Promise<void> {
    if (!this.cached || Date.now() - this.cached.at > 30_000) this.cached = { at: Date.now(), missing: missingMediaTools({ ffprobe: this.config.FFPROBE_PATH }) };
    const missing = await this.cached.missing;
    if (missing.length) throw new Error(`missing ${missing.join(', ')}: uploads are refused (install: ${MEDIA_TOOLS_INSTALL})`);
  }
}
