import { Inject, Injectable, Module, Optional, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { Logger } from 'pino';
import type { RpcService } from '@clipyard/contracts';
import { BACKGROUND_WORK, ROOT_LOGGER } from '@clipyard/observability';
import type { RedisSettings } from './connection';
import { RpcServer, type RpcHandlers } from './rpc-server';
import { REDIS_SETTINGS, RPC_SECRET } from './queue.tokens';

/** What an `@RpcController` class provides: handlers for some of its service's methods. */
export interface RpcHandlerSource {
  handlers(): Partial<Record<string, (params: never) => unknown>>;
}

const rpcDecorator = DiscoveryService.createDecorator<RpcService>();

/** Declares a provider whose `handlers()` answer methods of `service`; found at boot by RpcServerModule. */
export const RpcController = (service: RpcService): ClassDecorator => rpcDecorator(service);

const RPC_SERVICE = Symbol('RPC_SERVICE');

/** The readiness ping every service answers (`<service>.ping`), built in. */
function pingHandler(service: RpcService) {
  return { [`${service}.ping`]: () => ({ service, ok: true as const, time: new Date().toISOString() }) };
}

@Injectable()
class RpcHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server?: RpcServer<RpcService>;

  constructor(
    @Inject(RPC_SERVICE) private readonly service: RpcService,
    private readonly discovery: DiscoveryService,
    @Inject(REDIS_SETTINGS) private readonly redis: RedisSettings,
    @Inject(RPC_SECRET) private readonly secret: string,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Optional() @Inject(BACKGROUND_WORK) private readonly background: boolean = true,
  ) {}

  onApplicationBootstrap(): void {
    if (this.background === false) return; // admin REPL, CLI: answers no RPC
    const handlers: Record<string, unknown> = pingHandler(this.service);
    const seen = new Set<object>();
    for (const w of this.discovery.getProviders({ metadataKey: rpcDecorator.KEY })) {
      const instance = w.instance as RpcHandlerSource | undefined;
      if (!instance || seen.has(instance) || this.discovery.getMetadataByDecorator(rpcDecorator, w) !== this.service) continue;
      seen.add(instance);
      for (const [method, fn] of Object.entries(instance.handlers())) {
        // A service may answer its own ping (e.g. to report what it lacks) instead of the built-in one.
        if (method in handlers && method !== `${this.service}.ping`) throw new Error(`RPC method ${method} has two handlers (${instance.constructor.name})`);
        handlers[method] = typeof fn === 'function' ? fn.bind(instance) : fn;
      }
    }
    // RpcServer refuses a service with a method left unhandled.
    this.server = new RpcServer(this.service, handlers as RpcHandlers<RpcService>, this.redis, this.secret, this.logger);
    this.server.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}

/** Answers one service's RPC queue (`rpc-<service>`) with its `@RpcController` handlers and the ping. */
@Module({})
export class RpcServerModule {
  static forService(service: RpcService): DynamicModule {
    return {
      module: RpcServerModule,
      imports: [DiscoveryModule],
      providers: [{ provide: RPC_SERVICE, useValue: service }, RpcHost],
    };
  }
}
