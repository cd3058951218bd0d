import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { GATEWAY_ENTITIES } from '@clipyard/database';
import { QueueDepthMetrics } from '@clipyard/queue';
import { ServiceModule } from '@clipyard/service';
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
        ServiceModule.forRoot({
          app: 'gateway',
          config,
          entities: GATEWAY_ENTITIES,
          checks: [AuthServiceHealth, BillingServiceHealth, MediaServiceHealth, FfprobeHealth],
          logDestination,
          background: opts.background,
          // status polls: GET /v1/jobs/{id} (not its outputs, not the list)
          pollPaths: /^\/v1\/jobs\/[0-9a-f]{8}-[0-9a-f-]{27}(?:\?|$)/i,
          // password sign-ins: each answer is a `login.succeeded` or `login.mfa_required` audit row
          auditedPaths: /^\/v1\/auth\/login(?:\?|$)/,
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
      exports: [GATEWAY_CONFIG, BillingClient, AuthGuard],
    };
  }
}
