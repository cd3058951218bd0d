import { Injectable } from '@nestjs/common';

/** The ping the gateway's readiness check sends. */
@Injectable()
export class SystemRpc {
  handlers() {
    return {
      'billing.ping': () => ({ service: 'billing', ok: true as const, time: new Date().toISOString() }),
    };
  }
}
