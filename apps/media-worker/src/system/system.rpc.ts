import { Injectable } from '@nestjs/common';

/** The ping the gateway's readiness check sends. */
@Injectable()
export class SystemRpc {
  handlers() {
    return {
      'media.ping': () => ({ service: 'media', ok: true as const, time: new Date().toISOString() }),
    };
  }
}
