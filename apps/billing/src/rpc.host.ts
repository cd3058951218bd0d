import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { RpcServer } from '@clipyard/queue';
import { BACKGROUND_WORK, ROOT_LOGGER } from '@clipyard/observability';
import { BILLING_CONFIG, type BillingConfig } from './config';
import { SystemRpc } from './system/system.rpc';
import { PlansRpc } from './plans/plans.rpc';
import { SubscriptionsRpc } from './subscriptions/subscriptions.rpc';
import { QuotaRpc } from './quota/quota.rpc';
import { UsageRpc } from './usage/usage.rpc';
import { StripeRpc } from './stripe/stripe.rpc';

/** Answers the `rpc-billing` queue with the handlers of every billing feature. */
@Injectable()
export class BillingRpcHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server?: RpcServer<'billing'>;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly system: SystemRpc,
    private readonly plans: PlansRpc,
    private readonly subscriptions: SubscriptionsRpc,
    private readonly quota: QuotaRpc,
    private readonly usage: UsageRpc,
    private readonly stripe: StripeRpc,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.background) return; // admin REPL: no background work
    this.server = new RpcServer(
      'billing',
      {
        ...this.system.handlers(),
        ...this.plans.handlers(),
        ...this.subscriptions.handlers(),
        ...this.quota.handlers(),
        ...this.usage.handlers(),
        ...this.stripe.handlers(),
      },
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
