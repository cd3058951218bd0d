import { Passport, type Strategy } from 'passport';
import type { Type } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
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

/**
 * What the credential strategies are handed instead of the Fastify request: the two fields they
 * read, and the slots passport's `authenticate` writes on every call (`login`, `logIn`, …)
 * declared up front. Measured as deployed, passport adding those seven properties to Fastify's
 * request on every poll cost ~30 µs of CPU per request (most of it garbage collection); writing
 * them into slots an object already has costs nothing.
 */
class StrategyRequest {
  login: unknown = undefined;
  logIn: unknown = undefined;
  logout: unknown = undefined;
  logOut: unknown = undefined;
  isAuthenticated: unknown = undefined;
  isUnauthenticated: unknown = undefined;
  _sessionManager: unknown = undefined;
  constructor(
    readonly headers: FastifyRequest['headers'],
    readonly ip: string,
  ) {}
}

/**
 * Runs passport strategies (tried in order) on a request: the user, false when none applied, or a
 * strategy's error. Synchronous (a value, or the error thrown) when the strategies finished before
 * passport returned, as the API key strategy does for a key already in memory; a promise otherwise.
 * The strategies see the request's headers and ip (StrategyRequest), which is all they read.
 */
export function runStrategies<U>(
  passport: InstanceType<typeof Passport>,
  names: string | string[],
  request: Pick<FastifyRequest, 'headers' | 'ip'>,
): U | false | Promise<U | false> {
  const req = new StrategyRequest(request.headers, request.ip);
  let settled = false;
  let error: unknown;
  let user: U | false = false;
  let later: ((err: unknown, user: U | false) => void) | undefined;
  const finish = (err: unknown, u: U | false) => {
    if (later) return later(err, u);
    settled = true;
    error = err;
    user = u;
  };
  passport.authenticate(names, { session: false }, (err: unknown, u: U | false) => finish(err, err ? false : u))(req, {}, (err?: unknown) => finish(err, false));
  if (settled) {
    if (error) throw error;
    return user;
  }
  return new Promise((resolve, reject) => {
    later = (err, u) => (err ? reject(err) : resolve(u));
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
