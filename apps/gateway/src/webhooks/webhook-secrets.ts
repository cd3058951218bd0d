import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { parseWebhookKeys } from './webhook-keys';

/**
 * Endpoint secrets at rest: the gateway must read them back to sign, so they are sealed with
 * AES-256-GCM (`v<version>.<iv>.<tag>.<ciphertext>`, the same envelope layout as provider keys)
 * under the gateway's own versioned keys, bound to the endpoint id as associated data so a
 * sealed secret copied to another row does not open.
 */
@Injectable()
export class WebhookSecrets {
  private readonly keys: Map<number, Buffer>;
  private readonly current: number;

  constructor(@Inject(GATEWAY_CONFIG) config: Pick<GatewayConfig, 'WEBHOOK_SECRET_KEYS'>) {
    this.keys = parseWebhookKeys(config.WEBHOOK_SECRET_KEYS);
    this.current = Math.max(...this.keys.keys());
  }

  seal(endpointId: string, secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.current)!, iv);
    cipher.setAAD(Buffer.from(`webhook-secret:${endpointId}`));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [`v${this.current}`, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  open(endpointId: string, sealed: string): string {
    const [v, iv, tag, body] = sealed.split('.');
    const key = this.keys.get(Number(v?.slice(1)));
    if (!key || !iv || !tag || !body) throw new Error('webhook secret envelope is malformed or its key version is unknown');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`webhook-secret:${endpointId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
