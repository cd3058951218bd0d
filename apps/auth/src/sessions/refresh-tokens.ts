import { createHmac, randomBytes } from 'node:crypto';

/**
 * Opaque refresh tokens. A child token is derived from its parent with a server secret, so a
 * parent presented again inside the grace window can return the very same child without the
 * child ever being stored in clear.
 */
export class RefreshTokenCodec {
  constructor(private readonly secret: string) {}

  fresh(): string {
    return `rt_${randomBytes(32).toString('base64url')}`;
  }

  child(parent: string): string {
    return `rt_${createHmac('sha256', this.secret).update(`refresh-child:${parent}`).digest('base64url')}`;
  }

  hash(token: string): string {
    return createHmac('sha256', this.secret).update(`refresh-hash:${token}`).digest('hex');
  }
}
