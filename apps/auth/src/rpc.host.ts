import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { RpcServer } from '@clipyard/queue';
import { ROOT_LOGGER } from '@clipyard/observability';
import { AUTH_CONFIG, type AuthConfig } from './config';
import { SystemRpc } from './system/system.rpc';
import { AuthRpc } from './auth.rpc';
import { AccountEmailRpc } from './account-email/account-email.rpc';

/** Answers the `rpc-auth` queue with the handlers of every auth feature. */
@Injectable()
export class AuthRpcHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server?: RpcServer<'auth'>;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly system: SystemRpc,
    private readonly auth: AuthRpc,
    private readonly accountEmail: AccountEmailRpc,
  ) {}

  onApplicationBootstrap(): void {
    this.server = new RpcServer(
      'auth',
      { ...this.system.handlers(), ...this.auth.handlers(), ...this.accountEmail.handlers() },
      { url: this.config.REDIS_URL, prefix: this.config.REDIS_PREFIX },
      this.config.RPC_SECRET,
      this.logger,
    );
    this.server.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}
