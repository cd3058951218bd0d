import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { AUTH_ENTITIES, DatabaseHealth, dataSourceOptions } from '@clipyard/database';
import { ObservabilityModule, RedisHealth } from '@clipyard/observability';
import { QueueModule } from '@clipyard/queue';
import { AUTH_CONFIG, type AuthConfig } from './config';
import { AuthRpcHost } from './rpc.host';
import { SystemRpc } from './system/system.rpc';
import { AUTH_PROVIDERS } from './auth.providers';

@Module({})
export class AuthAppModule {
  /** `rpc: false` (CLI commands, REPL) builds the services without answering the RPC queue. */
  static forRoot(config: AuthConfig, logDestination?: DestinationStream, opts: { rpc?: boolean } = {}): DynamicModule {
    return {
      module: AuthAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({
          app: 'auth',
          level: config.LOG_LEVEL,
          checks: [DatabaseHealth, RedisHealth],
          redisUrl: config.REDIS_URL,
          destination: logDestination,
        }),
        TypeOrmModule.forRoot(
          dataSourceOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, entities: AUTH_ENTITIES }),
        ),
        TypeOrmModule.forFeature(AUTH_ENTITIES),
        QueueModule.forRoot({
          redis: { url: config.REDIS_URL, prefix: config.REDIS_PREFIX },
          rpcSecret: config.RPC_SECRET,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          rpcPingTimeoutMs: config.RPC_PING_TIMEOUT_MS,
        }),
      ],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        SystemRpc,
        ...AUTH_PROVIDERS,
        ...(opts.rpc === false ? [] : [AuthRpcHost]),
      ],
      exports: [AUTH_CONFIG, ...AUTH_PROVIDERS],
    };
  }
}
