import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { BILLING_ENTITIES, DatabaseHealth, DatabaseModule, dataSourceOptions } from '@clipyard/database';
import { ObservabilityModule, RedisHealth } from '@clipyard/observability';
import { createRedis, redisSettings, QueueModule, RpcServerModule } from '@clipyard/queue';
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
        ObservabilityModule.forRoot({
          app: 'billing',
          level: config.LOG_LEVEL,
          checks: [DatabaseHealth, RedisHealth],
          redis: (o) => createRedis(redisSettings(config), o),
          destination: logDestination,
          background: opts.background,
        }),
        TypeOrmModule.forRoot(
          dataSourceOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, entities: BILLING_ENTITIES }),
        ),
        DatabaseModule,
        QueueModule.forRoot({
          redis: redisSettings(config),
          rpcSecret: config.RPC_SECRET,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          rpcPingTimeoutMs: config.RPC_PING_TIMEOUT_MS,
          config,
        }),
        RpcServerModule.forService('billing'),
      ],
      providers: [{ provide: BILLING_CONFIG, useValue: config }, ...BILLING_PROVIDERS],
      exports: [BILLING_CONFIG],
    };
  }
}
