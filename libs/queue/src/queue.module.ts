import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Metrics } from '@clipyard/observability';
import { RpcClient } from './rpc-client';
import { QueueClient } from './queue-client';
import type { RedisSettings } from './connection';

export const REDIS_SETTINGS = Symbol('REDIS_SETTINGS');

export interface QueueModuleOptions {
  redis: RedisSettings;
  rpcSecret: string;
  rpcTimeoutMs: number;
  /** Circuit breaker: how long a liveness ping may take before a silent service counts as down. */
  rpcPingTimeoutMs?: number;
}

class QueueLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(QueueClient) private readonly queues: QueueClient,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.rpc.close(), this.queues.close()]);
  }
}

/** Provides the RPC client and the typed queue client to an app, and closes them on shutdown. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(opts: QueueModuleOptions): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        { provide: REDIS_SETTINGS, useValue: opts.redis },
        {
          provide: RpcClient,
          // RPC latency and timeouts go to the app's Prometheus registry when it has one
          useFactory: (metrics?: Metrics) => new RpcClient(opts.redis, opts.rpcSecret, opts.rpcTimeoutMs, metrics, { pingTimeoutMs: opts.rpcPingTimeoutMs }),
          inject: [{ token: Metrics, optional: true }],
        },
        { provide: QueueClient, useFactory: () => new QueueClient(opts.redis) },
        QueueLifecycle,
      ],
      exports: [REDIS_SETTINGS, RpcClient, QueueClient],
    };
  }
}
