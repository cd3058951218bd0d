import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { DatabaseHealth, DatabaseModule, GATEWAY_ENTITIES, dataSourceOptions } from '@clipyard/database';
import { ObservabilityModule, RedisHealth } from '@clipyard/observability';
import { createRedis, QueueDepthMetrics, QueueModule, redisSettings } from '@clipyard/queue';
import { FactEventsAlert } from './system/fact-events.alert';
import { GATEWAY_CONFIG, type GatewayConfig } from './config';
import { ValidationPipe } from './http/validation.pipe';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { AuthServiceHealth, BillingServiceHealth, FfprobeHealth, MediaServiceHealth } from './system/service.health';
import { QueueBacklogController } from './system/queue-backlog.controller';
import { JobsModule } from './jobs/jobs.module';
import { BillingClient } from './billing/billing.client';
import { DownloadsModule } from './downloads/downloads.module';
import { UploadsModule } from './uploads/uploads.module';
import { RetentionModule } from './retention/retention.module';
import { StorageModule } from '@clipyard/storage';
import { WebhooksModule } from './webhooks/webhooks.module';
import { BillingGatewayModule } from './billing/billing.module';
import { UsageMeteringModule } from './usage/usage.module';
import { AccountsModule } from './accounts/accounts.module';
import { WebModule } from './web/web.module';

@Module({})
export class GatewayAppModule {
  /** `background: false` (the admin REPL) builds every service without consuming queues or answering RPC. */
  static forRoot(config: GatewayConfig, logDestination?: DestinationStream, opts: { background?: boolean } = {}): DynamicModule {
    return {
      module: GatewayAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({
          app: 'gateway',
          level: config.LOG_LEVEL,
          checks: [DatabaseHealth, RedisHealth, AuthServiceHealth, BillingServiceHealth, MediaServiceHealth, FfprobeHealth],
          redis: (o) => createRedis(redisSettings(config), o),
          destination: logDestination,
          background: opts.background,
          // status polls: GET /v1/jobs/{id} (not its outputs, not the list)
          pollPaths: /^\/v1\/jobs\/[0-9a-f]{8}-[0-9a-f-]{27}(?:\?|$)/i,
        }),
        TypeOrmModule.forRoot(
          dataSourceOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, entities: GATEWAY_ENTITIES }),
        ),
        DatabaseModule,
        QueueModule.forRoot({
          redis: redisSettings(config),
          rpcSecret: config.RPC_SECRET,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          rpcPingTimeoutMs: config.RPC_PING_TIMEOUT_MS,
          config,
        }),
        StorageModule.forRoot(config, { publicBaseUrl: config.PUBLIC_BASE_URL }),
        JobsModule,
        UploadsModule,
        DownloadsModule,
        RetentionModule,
        AuthModule,
        WebhooksModule,
        BillingGatewayModule,
        UsageMeteringModule,
        AccountsModule,
        WebModule,
      ],
      controllers: [QueueBacklogController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_PIPE, useClass: ValidationPipe },
        AuthGuard,
        { provide: APP_GUARD, useExisting: AuthGuard }, // one instance: /admin/queues reuses its check
        // quota and plan limits over RPC: jobs, uploads, downloads and retention all ask billing
        BillingClient,
        QueueDepthMetrics,
        FactEventsAlert,
      ],
      exports: [GATEWAY_CONFIG, BillingClient],
    };
  }
}
