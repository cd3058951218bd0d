import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import type { CommonConfig } from '@clipyard/config';
import type { RpcService } from '@clipyard/contracts';
import { DatabaseHealth, DatabaseModule, dataSourceOptions, dataSourceWith, type DatabaseSettings } from '@clipyard/database';
import { ObservabilityModule, RedisHealth, type HealthCheck } from '@clipyard/observability';
import { createRedis, QueueModule, redisSettings, RpcServerModule } from '@clipyard/queue';

export interface ServiceOptions {
  /** The app's name in logs, metrics and health. */
  app: string;
  /** The app's validated config (the common part is read here; `@Consumer` options read the rest). */
  config: CommonConfig;
  /** The tables this app owns (one writer per table); absent for an app without a database. */
  entities?: DatabaseSettings['entities'];
  /** Answers RPC calls for this service (with the health ping built in). */
  rpc?: RpcService;
  /** Readiness checks beyond the database and Redis. */
  checks?: Type<HealthCheck>[];
  /** Where log lines go (stdout by default; tests capture them). */
  logDestination?: DestinationStream;
  /** False for CLI commands and the admin REPL: no queue consumers, RPC answers or timers. */
  background?: boolean;
  /** GET paths whose 200/304 answers log at debug (status polls). */
  pollPaths?: RegExp;
  /** POST paths whose 2xx answers log at debug: each is an audit row already (sign-ins). */
  auditedPaths?: RegExp;
}

/**
 * What every app's root module starts with, written once: logging, metrics and health
 * (ObservabilityModule), its tables (TypeORM and the `Database` unit of work), the queues and
 * the RPC client (QueueModule), and its RPC server. Each app adds its own providers beside it.
 */
@Module({})
export class ServiceModule {
  static forRoot(o: ServiceOptions): DynamicModule {
    const { config } = o;
    const database = o.entities
      ? [
          TypeOrmModule.forRootAsync({
            useFactory: () => dataSourceOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, entities: o.entities }),
            dataSourceFactory: async (options) => dataSourceWith(options!, config.DB_PREPARED_STATEMENTS),
          }),
          DatabaseModule,
        ]
      : [];
    return {
      module: ServiceModule,
      imports: [
        ObservabilityModule.forRoot({
          app: o.app,
          level: config.LOG_LEVEL,
          checks: [...(o.entities ? [DatabaseHealth] : []), RedisHealth, ...(o.checks ?? [])],
          redis: (opts) => createRedis(redisSettings(config), opts),
          destination: o.logDestination,
          background: o.background,
          pollPaths: o.pollPaths,
          auditedPaths: o.auditedPaths,
        }),
        ...database,
        QueueModule.forRoot({
          redis: redisSettings(config),
          rpcSecret: config.RPC_SECRET,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          rpcPingTimeoutMs: config.RPC_PING_TIMEOUT_MS,
          config,
        }),
        ...(o.rpc ? [RpcServerModule.forService(o.rpc)] : []),
      ],
    };
  }
}
