import { Inject, Injectable } from '@nestjs/common';
import { RpcController } from '@clipyard/queue';
import { WORKER_CONFIG, type WorkerConfig } from '../config';
import { workerMissingTools } from './media-tools.health';

/** The ping the gateway's readiness check sends (replacing the built-in one): it names the media tools this worker lacks. */
@Injectable()
@RpcController('media')
export class SystemRpc {
  constructor(@Inject(WORKER_CONFIG) private readonly config: WorkerConfig) {}

  handlers() {
    return {
      'media.ping': async () => {
        const missing = await workerMissingTools(this.config);
        return { service: 'media', ok: true as const, time: new Date().toISOString(), ...(missing.length ? { missing } : {}) };
      },
    };
  }
}
