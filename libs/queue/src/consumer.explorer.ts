import { Inject, Injectable, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Logger } from 'pino';
import { BACKGROUND_WORK, Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, ConsumerHost, consumerMeta, type ConsumerInstance, type HandlerRunner } from './consumer';
import type { RedisSettings } from './connection';
import { APP_CONFIG, REDIS_SETTINGS } from './queue.tokens';

/**
 * Finds every `@Consumer` provider at boot (like Nest's `@OnEvent`), checks that each job name of
 * a consumed queue has exactly one handler, and runs the queues; closes them before shutdown.
 */
@Injectable()
export class ConsumerExplorer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private host?: ConsumerHost;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
    @Inject(REDIS_SETTINGS) private readonly redis: RedisSettings,
    @Inject(APP_CONFIG) private readonly config: unknown,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Optional() @Inject(BACKGROUND_WORK) private readonly background: boolean = true,
    @Optional() @Inject(Metrics) private readonly metrics?: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.background === false) return; // admin REPL, CLI: no background work
    const seen = new Set<object>();
    const consumers: ConsumerInstance[] = [];
    for (const w of this.discovery.getProviders({ metadataKey: Consumer.KEY })) {
      const instance = w.instance as object | undefined;
      if (!instance || seen.has(instance)) continue;
      seen.add(instance);
      const meta = consumerMeta(instance)!;
      const runner = meta.options.runner ? this.moduleRef.get<HandlerRunner>(meta.options.runner, { strict: false }) : undefined;
      consumers.push({ instance, meta, runner });
    }
    if (!consumers.length) return;
    const stamps = (this.config as { JOB_STAGE_LOG?: boolean }).JOB_STAGE_LOG === true;
    this.host = new ConsumerHost(consumers, { redis: this.redis, config: this.config, logger: this.logger, metrics: this.metrics, stamps });
    const queues = this.host.start();
    this.logger.info({ queues }, 'queue consumers running');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.host?.close();
  }
}
