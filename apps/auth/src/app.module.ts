import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import type { DestinationStream } from 'pino';
import { AUTH_ENTITIES } from '@clipyard/database';
import { ServiceModule } from '@clipyard/service';
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
        ServiceModule.forRoot({ app: 'auth', config, entities: AUTH_ENTITIES, rpc: 'auth', logDestination, background: opts.background }),
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
