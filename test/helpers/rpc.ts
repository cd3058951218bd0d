import { AppError, RPC_METHODS, type RpcMethod, type RpcService } from '@clipyard/contracts';
import type { RpcHandlers } from '@clipyard/queue';

/**
 * Handlers for a service where a test cares only about some methods (e.g. its ping): every other
 * method the service owns refuses, so RpcServer's "a handler for every method" check still holds
 * as domains add methods to the service.
 */
export function someHandlers<S extends RpcService>(service: S, handlers: Partial<RpcHandlers<S>>): RpcHandlers<S> {
  const others = (Object.keys(RPC_METHODS) as RpcMethod[])
    .filter((m) => RPC_METHODS[m].service === service)
    .map((m) => [m, () => Promise.reject(new AppError('BAD_REQUEST', `${m} is not served in this test`))]);
  return { ...Object.fromEntries(others), ...handlers } as RpcHandlers<S>;
}
