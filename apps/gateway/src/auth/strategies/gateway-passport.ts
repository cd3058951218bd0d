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

/**
 * Runs one strategy that may redirect (social sign-in): resolves to `{ redirect }` when it sent
 * the browser elsewhere, `{ user }` when it authenticated; rejects with its error. The response
 * passport writes the redirect to is a stand-in: the controller answers through Fastify.
 */
export function runRedirectingStrategy<U>(
  passport: InstanceType<typeof Passport>,
  name: string,
  req: unknown,
  options: Record<string, unknown> = {},
): Promise<{ redirect: string } | { user: U }> {
  return new Promise((resolve, reject) => {
    let location: string | undefined;
    const res = {
      statusCode: 200,
      setHeader: (k: string, v: string) => {
        if (k.toLowerCase() === 'location') location = v;
      },
      end: () => (location ? resolve({ redirect: location }) : reject(new Error(`strategy ${name} ended without a redirect`))),
    };
    passport.authenticate(name, { session: false, ...options }, (err: unknown, user: U | false) => {
      if (err) reject(err);
      else if (user) resolve({ user });
      else reject(new Error(`strategy ${name} did not authenticate`));
    })(req, res, (err?: unknown) => reject(err ?? new Error(`strategy ${name} passed`)));
  });
}
