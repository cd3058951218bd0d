import { Inject, Injectable } from '@nestjs/common';
import { KeyRing } from '@clipyard/security';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/**
 * Endpoint secrets at rest: the gateway must read them back to sign, so they are sealed with the
 * same AES-256-GCM envelope as provider keys (KeyRing) under the gateway's own versioned keys
 * (WEBHOOK_SECRET_KEYS), bound to the endpoint id as associated data so a sealed secret copied to
 * another row does not open.
 */
@Injectable()
export class WebhookSecrets {
  private readonly ring: KeyRing;

  constructor(@Inject(GATEWAY_CONFIG) config: Pick<GatewayConfig, 'WEBHOOK_SECRET_KEYS'>) {
    this.ring = new KeyRing(config.WEBHOOK_SECRET_KEYS);
  }

  seal(endpointId: string, secret: string): string {
    return this.ring.seal(secret, `webhook-secret:${endpointId}`);
  }

  open(endpointId: string, sealed: string): string {
    return this.ring.open(sealed, `webhook-secret:${endpointId}`);
  }
}
