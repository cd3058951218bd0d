import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Metrics } from '@clipyard/observability';
import { RpcClient } from './rpc-client';
import { QueueClient } from './queue-client';
import { UsageSender } from './usage-sender';
import { ConsumerExplorer } from './consumer.explorer';
import type { RedisSettings } from './connection';
import { APP_CONFIG, REDIS_SETTINGS, RPC_SECRET } from './queue.tokens';

export { APP_CONFIG, REDIS_SETTINGS, RPC_SECRET } from './queue.tokens';

export interface QueueModuleOptions {
  redis: RedisSettings;
  rpcSecret: string;
  rpcTimeoutMs: number;
  /** Circuit breaker: how long a liveness ping may take before a silent service counts as down. */
  rpcPingTimeoutMs?: number;
  /** The app's validated config: `@Consumer` options read their concurrency and settings from it. */
  config?: unknown;
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

/**
 * Provides the RPC client, the typed queue client and the usage sender to an app, runs its `@Consumer` classes
 * (unless BACKGROUND_WORK is off), and closes everything on shutdown.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(opts: QueueModuleOptions): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: REDIS_SETTINGS, useValue: opts.redis },
        { provide: RPC_SECRET, useValue: opts.rpcSecret },
        { provide: APP_CONFIG, useValue: opts.config ?? {} },
        {
          provide: RpcClient,
          // RPC latency and timeouts go to the app's Prometheus registry when it has one
          useFactory: (metrics?: Metrics) => new RpcClient(opts.redis, opts.rpcSecret, opts.rpcTimeoutMs, metrics, { pingTimeoutMs: opts.rpcPingTimeoutMs }),
          inject: [{ token: Metrics, optional: true }],
        },
        { provide: QueueClient, useFactory: () => new QueueClient(opts.redis) },
        { provide: UsageSender, useFactory: (queues: QueueClient) => new UsageSender(queues), inject: [QueueClient] },
        QueueLifecycle,
        ConsumerExplorer,
      ],
      exports: [REDIS_SETTINGS, RPC_SECRET, APP_CONFIG, RpcClient, QueueClient, UsageSender],
    };
  }
}
