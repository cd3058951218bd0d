import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { createHttpApp } from '@clipyard/observability';
import { AuthAppModule } from './app.module';
import { loadAuthConfig, type AuthConfig } from './config';

export interface BootOptions {
  env?: Record<string, string | undefined>;
  logDestination?: DestinationStream;
}

/** Builds the auth app (RPC server + health/metrics HTTP port) without listening. */
export async function createAuthApp(opts: BootOptions = {}): Promise<{ app: NestFastifyApplication; config: AuthConfig }> {
  const config = loadAuthConfig(opts.env);
  const app = await createHttpApp(AuthAppModule.forRoot(config, opts.logDestination));
  return { app, config };
}
