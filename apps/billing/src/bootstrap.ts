import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { createHttpApp } from '@clipyard/observability';
import { BillingAppModule } from './app.module';
import { loadBillingConfig, type BillingConfig } from './config';

export interface BootOptions {
  env?: Record<string, string | undefined>;
  logDestination?: DestinationStream;
}

/** Builds the billing app (RPC server + health/metrics HTTP port) without listening. */
export async function createBillingApp(opts: BootOptions = {}): Promise<{ app: NestFastifyApplication; config: BillingConfig }> {
  const config = loadBillingConfig(opts.env);
  const app = await createHttpApp(BillingAppModule.forRoot(config, opts.logDestination));
  return { app, config };
}
