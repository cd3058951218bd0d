import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { RpcServer } from '@clipyard/queue';
import { ROOT_LOGGER } from '@clipyard/observability';
import { BILLING_CONFIG, type BillingConfig } from './config';
import { SystemRpc } from './system/system.rpc';

/** Answers the `rpc-billing` queue with the handlers of every billing feature. */
@Injectable()
export class BillingRpcHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server?: RpcServer<'billing'>;

  constructor(
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly system: SystemRpc,
  ) {}

  onApplicationBootstrap(): void {
    this.server = new RpcServer(
      'billing',
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
