import { Module, type DynamicModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { BILLING_ENTITIES } from '@clipyard/database';
import { ServiceModule } from '@clipyard/service';
import { BILLING_CONFIG, type BillingConfig } from './config';
import { BILLING_PROVIDERS } from './billing.providers';

@Module({})
export class BillingAppModule {
  /** `background: false` (the admin REPL) builds every service without consuming queues or answering RPC. */
  static forRoot(config: BillingConfig, logDestination?: DestinationStream, opts: { background?: boolean } = {}): DynamicModule {
    return {
      module: BillingAppModule,
      global: true,
      imports: [
        ServiceModule.forRoot({ app: 'billing', config, entities: BILLING_ENTITIES, rpc: 'billing', logDestination, background: opts.background }),
      ],
      providers: [{ provide: BILLING_CONFIG, useValue: config }, ...BILLING_PROVIDERS],
      exports: [BILLING_CONFIG],
    };
  }
}
