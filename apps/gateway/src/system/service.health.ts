import { Inject, Injectable, type Type } from '@nestjs/common';
import type { RpcService } from '@clipyard/contracts';
import type { HealthCheck } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
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
      await this.rpc.call(`${service}.ping`, {}, { timeoutMs: this.config.HEALTH_RPC_TIMEOUT_MS });
    }
  }
  Object.defineProperty(ServiceHealth, 'name', { value: `${service}ServiceHealth` });
  return ServiceHealth;
}

export const AuthServiceHealth = serviceHealth('auth');
export const BillingServiceHealth = serviceHealth('billing');
export const MediaServiceHealth = serviceHealth('media');
