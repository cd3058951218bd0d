import { Inject, Injectable } from '@nestjs/common';
import { KeyRing } from '@clipyard/security';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/**
 * Endpoint secrets at rest: sealed with AES-256-GCM under the gateway's own versioned keys
 * (`WEBHOOK_SECRET_KEYS`, not the provider-key master keys), bound to the endpoint id so a
 * sealed secret copied to another row does not open.
 */
@Injectable()
export class WebhookSecrets {
  private readonly ring: KeyRing;
  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.ring = new KeyRing(config.WEBHOOK_SECRET_KEYS);
  }
  seal(endpointId: string, secret: string): string {
    return this.ring.seal(secret, `webhook-secret:${endpointId}`);
  }
  open(endpointId: string, sealed: string): string {
    return this.ring.open(sealed, `webhook-secret:${endpointId}`);
  }
}
