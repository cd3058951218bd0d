import { Passport, type Strategy } from 'passport';
import type { Type } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';

/** Where @nestjs/passport's mixin registers a strategy when it is built: a sink nobody authenticates with. */
const SINK = new Passport();

/**
 * `PassportStrategy(Strategy, name)` that does not register on passport's process-wide instance:
 * each gateway registers its strategies on its own {@link GatewayPassport}, because the e2e
 * harness (and the REPL) run several gateways in one process, and a global registry would let
 * one gateway authenticate with another's caches.
 */
export function GatewayStrategy(Base: Type<Strategy>, name: string) {
  abstract class Registered extends PassportStrategy(Base, name) {
    /** The name the gateway's passport knows this strategy by. */
    readonly strategyName = name;
    getPassportInstance() {
      return SINK;
    }
  }
  return Registered;
}

/** Runs passport strategies (tried in order) on a request; resolves to the user, false when none applied, rejects with a strategy's error. */
export function runStrategies<U>(passport: InstanceType<typeof Passport>, names: string | string[], req: unknown): Promise<U | false> {
  return new Promise((resolve, reject) => {
    passport.authenticate(names, { session: false }, (err: unknown, user: U | false) => (err ? reject(err) : resolve(user)))(req, {}, (err?: unknown) =>
      err ? reject(err) : resolve(false),
    );
  });
}
