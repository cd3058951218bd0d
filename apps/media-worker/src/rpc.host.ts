import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { RpcServer } from '@clipyard/queue';
import { BACKGROUND_WORK, ROOT_LOGGER } from '@clipyard/observability';
import { WORKER_CONFIG, type WorkerConfig } from './config';
import { SystemRpc } from './system/system.rpc';

/** Answers the `rpc-media` queue with the handlers of every media-worker feature. */
@Injectable()
export class WorkerRpcHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server?: RpcServer<'media'>;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly system: SystemRpc,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.background) return; // admin REPL: no background work
    this.server = new RpcServer(
      'media',
      { ...this.system.handlers() },
      { url: this.config.REDIS_URL, prefix: this.config.REDIS_PREFIX },
      this.config.RPC_SECRET,
      this.logger,
    );
    this.server.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}
