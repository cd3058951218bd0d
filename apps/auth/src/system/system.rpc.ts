import { Injectable } from '@nestjs/common';

/** The ping the gateway's readiness check sends. */
@Injectable()
export class SystemRpc {
  handlers() {
    return {
      'auth.ping': () => ({ service: 'auth', ok: true as const, time: new Date().toISOString() }),
    };
  }
}
