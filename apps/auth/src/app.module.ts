import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { AUTH_ENTITIES, DatabaseHealth, DatabaseModule, dataSourceOptions } from '@clipyard/database';
import { ObservabilityModule, RedisHealth } from '@clipyard/observability';
import { createRedis, redisSettings, QueueModule, RpcServerModule } from '@clipyard/queue';
import { AUTH_CONFIG, type AuthConfig } from './config';
import { AUTH_PROVIDERS } from './auth.providers';

@Module({})
export class AuthAppModule {
  /** `background: false` (CLI commands, the admin REPL) builds every service without answering RPC. */
  static forRoot(config: AuthConfig, logDestination?: DestinationStream, opts: { background?: boolean } = {}): DynamicModule {
    return {
      module: AuthAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({
          app: 'auth',
          level: config.LOG_LEVEL,
          checks: [DatabaseHealth, RedisHealth],
          redis: (o) => createRedis(redisSettings(config), o),
          destination: logDestination,
          background: opts.background,
        }),
        TypeOrmModule.forRoot(
          dataSourceOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, entities: AUTH_ENTITIES }),
        ),
        TypeOrmModule.forFeature(AUTH_ENTITIES),
        DatabaseModule,
        QueueModule.forRoot({
          redis: redisSettings(config),
          rpcSecret: config.RPC_SECRET,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          rpcPingTimeoutMs: config.RPC_PING_TIMEOUT_MS,
          config,
        }),
        RpcServerModule.forService('auth'),
        // Keys come per call from SigningKeys (rotation), so no secret here.
        JwtModule.register({}),
      ],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        ...AUTH_PROVIDERS,
      ],
      exports: [AUTH_CONFIG, ...AUTH_PROVIDERS],
    };
  }
}
