import { Injectable } from '@nestjs/common';
import { Passport, type Strategy } from 'passport';
import { AccessTokenStrategy } from './access-token.strategy';
import { ApiKeyStrategy } from './api-key.strategy';

/** The credential strategies of an API request, in the order passport tries them. */
export const CREDENTIAL_STRATEGIES = ['api-key', 'access-token'];

/** This gateway's own passport instance, with its strategies (credentials; the social sign-in ones register themselves). */
@Injectable()
export class GatewayPassport {
  readonly passport = new Passport();

  constructor(apiKey: ApiKeyStrategy, accessToken: AccessTokenStrategy) {
    this.use(apiKey);
    this.use(accessToken);
  }

  use(strategy: Strategy & { strategyName: string }): void {
    this.passport.use(strategy.strategyName, strategy);
  }
}
